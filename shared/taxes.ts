// SPEC 2.13: the mandatory fees and taxes of one booked room, and their lines over a booking.
import { percentOf } from './money.ts';
import type { Line } from './schemas/promotion.ts';
import type { Fee, Tax } from './schemas/taxes.ts';

/** What fees and taxes need to know about one room booked. */
export interface TaxedRoom {
  /** The room's price for the stay after its share of any discount. */
  roomPrice: number;
  extrasTotal: number;
  nights: number;
  adults: number;
  children: number;
}

export interface Charge {
  kind: 'fee' | 'tax';
  name: string;
  amount: number;
  /** An inclusive tax: already inside the room price, shown and never added. */
  included?: true;
}

export interface RoomCharges {
  charges: Charge[];
  /** Mandatory fees, added to what the guest pays. */
  fees: number;
  /** Exclusive taxes, added to what the guest pays; inclusive ones are not in it. */
  taxes: number;
}

export interface PropertyCharges {
  taxes: readonly Tax[];
  fees: readonly Fee[];
}

/** The part of `amount` that a `percent`% tax already inside it makes up: amount × p / (100 + p), rounded half-up. */
export function includedPart(amount: number, percent: number): number {
  const hundredths = BigInt(Math.round(percent * 100));
  const whole = 10_000n + hundredths;
  return Number((2n * BigInt(amount) * hundredths + whole) / (2n * whole));
}

function feeAmount(fee: Fee, room: TaxedRoom): number {
  const guests = room.adults + room.children;
  switch (fee.per) {
    case 'stay':
      return fee.amount;
    case 'night':
      return fee.amount * room.nights;
    case 'guest':
      return fee.amount * guests;
    case 'guest_night':
      return fee.amount * guests * room.nights;
  }
}

function taxAmount(tax: Tax, room: TaxedRoom): number {
  switch (tax.type) {
    case 'percent': {
      // Fees are never taxed; extras only when the owner says so.
      const base = room.roomPrice + (tax.appliesTo === 'room_and_extras' ? room.extrasTotal : 0);
      return tax.inclusive ? includedPart(base, tax.percent) : percentOf(base, tax.percent);
    }
    case 'per_person_night': {
      const guests = room.adults + (tax.childrenExempt ? 0 : room.children);
      return tax.amount * guests * Math.min(room.nights, tax.maxNights ?? room.nights);
    }
    case 'per_room_night':
      return tax.amount * room.nights;
    case 'per_stay':
      return tax.amount;
  }
}

/** What fees and exclusive taxes add to one room's price, without building its lines: availability prices every rate this way. */
export function addedCharges(room: TaxedRoom, property: PropertyCharges): number {
  let added = 0;
  for (const fee of property.fees) added += feeAmount(fee, room);
  for (const tax of property.taxes) if (tax.type !== 'percent' || tax.inclusive !== true) added += taxAmount(tax, room);
  return added;
}

/** One room's fees, then its taxes, in the order the property lists them. */
export function roomCharges(room: TaxedRoom, property: PropertyCharges): RoomCharges {
  const charges: Charge[] = [];
  let fees = 0;
  let taxes = 0;
  for (const fee of property.fees) {
    const amount = feeAmount(fee, room);
    fees += amount;
    charges.push({ kind: 'fee', name: fee.name, amount });
  }
  for (const tax of property.taxes) {
    const amount = taxAmount(tax, room);
    const included = tax.type === 'percent' && tax.inclusive === true;
    if (!included) taxes += amount;
    charges.push({ kind: 'tax', name: tax.name, amount, ...(included ? { included: true as const } : {}) });
  }
  return { charges, fees, taxes };
}

/**
 * One line per fee name, then per tax name, summed over the rooms; a charge that comes to nothing has
 * no line. The rooms are of one property, so their charges come in the same order: summed by position
 * first, the lines are grouped by name once rather than once per room.
 */
export function chargeLines(rooms: readonly RoomCharges[]): Line[] {
  const first = rooms[0]?.charges ?? [];
  const amounts = first.map((_, i) => rooms.reduce((total, room) => total + room.charges[i]!.amount, 0));
  const lines = new Map<string, Line>();
  first.forEach((charge, i) => {
    const key = `${charge.kind}|${charge.included ? 'incl' : ''}|${charge.name}`;
    const line = lines.get(key);
    if (line) line.amount += amounts[i]!;
    else lines.set(key, { ...charge, amount: amounts[i]! });
  });
  return [...lines.values()].filter((line) => line.amount !== 0);
}
