// SPEC 2.3: nightly prices, room totals, extras and the booking total; SPEC 2.4 for deposits.
import { cancellationTerms } from './cancellation.ts';
import { nightsOf } from './dates.ts';
import { depositFor, depositMessage } from './deposit.ts';
import { maxQuantityOf } from './extra-quantity.ts';
import { firstNightAfter, spread, stayLines } from './lines.ts';
import type { Locale } from './locale.ts';
import { type LocalizedText, textIn } from './localized-text.ts';
import { sum } from './money.ts';
import { coversRate, discountOn, type PromotionTerms } from './promotion.ts';
import { planKey } from './rate-plans.ts';
import type { Extra } from './schemas/extra.ts';
import type { Rate } from './schemas/rate.ts';
import type { RestrictionPattern } from './schemas/restrictions.ts';
import type { Nightly } from './schemas/common.ts';
import type { Quote, QuotedRoom, RateDeposit, RoomRequestInput } from './schemas/stay.ts';
import { chargeLines, type PropertyCharges, roomCharges } from './taxes.ts';
import { childCount, type OccupancyLimits, occupancyCharge, withOccupancy } from './occupancy.ts';

/** A rate with its per-date overrides (date → amount). */
export interface PricedRate extends Rate {
  overrides: ReadonlyMap<string, number>;
  /** SPEC 2.22: the rate's restrictions by date covering the nights asked about (and the search after them); none when absent. */
  restrictions?: readonly RestrictionPattern[];
}

/** SPEC 2.3: a night costs the override for that date, else the default price. */
export function nightlyPrices(rate: PricedRate, nights: readonly string[]): Nightly[] {
  return nights.map((date) => ({ date, amount: rate.overrides.get(date) ?? rate.nightlyPrice }));
}

export function extraLineTotal(extra: Extra, quantity: number, nights: number, guests: number): number {
  const perNight = extra.per === 'night' || extra.per === 'guest_night' ? nights : 1;
  const perGuest = extra.per === 'guest' || extra.per === 'guest_night' ? guests : 1;
  return extra.price * quantity * perNight * perGuest;
}

export interface StayCatalog {
  currency: string;
  /** By rate id, and by `planKey(rateId, roomTypeId)` for each room type of a plan (SPEC 2.21). */
  rates: ReadonlyMap<string, PricedRate & { roomTypeName: LocalizedText }>;
  extras: ReadonlyMap<string, Extra>;
  /** SPEC 2.12: room types by id, for the guests a rate's price includes; without one, it includes everyone. */
  roomTypes?: ReadonlyMap<string, OccupancyLimits>;
  /** SPEC 2.13: the property's mandatory fees and taxes; none when absent. */
  charges?: PropertyCharges;
  /** SPEC 2.11: the property's locale, for names not written in the guest's. */
  locale?: Locale;
}

const NO_CHARGES: PropertyCharges = { taxes: [], fees: [] };

export class UnknownItemError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Prices a multi-room stay with extras, and the deposit and cancellation policy per rate; `today` is
 * the property's (SPEC 2.16). `promotion`, already found to apply, takes its discount once off the
 * room prices of the rooms on rates it covers (SPEC 2.14).
 */
export function quoteStay(
  catalog: StayCatalog,
  stay: { checkIn: string; checkOut: string; rooms: readonly RoomRequestInput[] },
  locale: Locale,
  today?: string,
  promotion?: PromotionTerms,
): Quote {
  const nights = nightsOf(stay.checkIn, stay.checkOut);
  const rooms: QuotedRoom[] = stay.rooms.map((request, index) => {
    const rate = catalog.rates.get(planKey(request.rateId, request.roomTypeId));
    if (!rate) throw new UnknownItemError(`rooms.${index}.rateId`, 'No such rate');
    const party = { adults: request.adults, children: request.children ?? 0, childAges: request.childAges };
    const guests = party.adults + childCount(party);
    const roomType = catalog.roomTypes?.get(rate.roomTypeId);
    // SPEC 2.12: guests beyond the base are part of each night's room price.
    const nightly = withOccupancy(nightlyPrices(rate, nights), roomType ? occupancyCharge(rate, roomType, party) : 0);
    const roomTotal = sum(nightly.map((n) => n.amount));
    const extras = (request.extras ?? []).map((chosen, e) => {
      const extra = catalog.extras.get(chosen.extraId);
      if (!extra) throw new UnknownItemError(`rooms.${index}.extras.${e}.extraId`, 'No such extra');
      const quantity = chosen.quantity ?? 1;
      if (quantity > maxQuantityOf(extra)) throw new UnknownItemError(`rooms.${index}.extras.${e}.quantity`, `At most ${maxQuantityOf(extra)} of this extra`);
      return {
        extraId: extra.id,
        name: textIn(extra.name, locale, catalog.locale),
        per: extra.per,
        quantity,
        unitPrice: extra.price,
        total: extraLineTotal(extra, quantity, nights.length, guests),
      };
    });
    const extrasTotal = sum(extras.map((x) => x.total));
    return {
      rateId: rate.id,
      rateName: textIn(rate.name, locale, catalog.locale),
      roomTypeId: rate.roomTypeId,
      roomTypeName: textIn(rate.roomTypeName, locale, catalog.locale),
      adults: request.adults,
      children: childCount(party),
      ...(request.childAges ? { childAges: [...request.childAges] } : {}),
      nightly,
      roomTotal,
      extras,
      extrasTotal,
      discount: 0,
      total: roomTotal + extrasTotal,
    };
  });
  if (promotion) {
    const eligible = rooms.map((r) => (coversRate(promotion, r.rateId) ? r.roomTotal : 0));
    const shares = spread(discountOn(promotion.discount, sum(eligible)), eligible);
    rooms.forEach((room, i) => {
      room.discount = shares[i]!;
      room.total -= shares[i]!;
    });
  }
  // SPEC 2.13: each room's fees and taxes, taxes on its room price after its share of the discount.
  const charged = rooms.map((room) => {
    const taxed = { roomPrice: room.roomTotal - (room.discount ?? 0), extrasTotal: room.extrasTotal, nights: nights.length, adults: room.adults, children: room.children };
    const charges = roomCharges(taxed, catalog.charges ?? NO_CHARGES);
    room.fees = charges.fees;
    room.taxes = charges.taxes;
    room.total += charges.fees + charges.taxes;
    return charges;
  });

  const deposits: RateDeposit[] = [];
  for (const rateId of new Set(rooms.map((r) => r.rateId))) {
    const rate = catalog.rates.get(rateId)!;
    const onRate = rooms.filter((r) => r.rateId === rateId);
    const amount = depositFor(
      rate.deposit,
      // SPEC 2.13: percentage and first-night deposits are of room prices after the discount.
      onRate.map((r) => ({
        roomTotal: r.roomTotal - (r.discount ?? 0),
        extrasTotal: r.extrasTotal,
        firstNight: firstNightAfter(r.nightly[0]?.amount ?? 0, r.roomTotal, r.discount ?? 0),
        feesAndTaxes: (r.fees ?? 0) + (r.taxes ?? 0),
      })),
    );
    deposits.push({
      rateId,
      rateName: textIn(rate.name, locale, catalog.locale),
      type: rate.deposit.type,
      amount,
      message: depositMessage(rate.deposit, amount, catalog.currency, locale),
      cancellation: cancellationTerms(rate.cancellationPolicy, stay.checkIn, locale, today),
    });
  }

  const total = sum(rooms.map((r) => r.total));
  const depositDue = sum(deposits.map((d) => d.amount));
  return {
    checkIn: stay.checkIn,
    checkOut: stay.checkOut,
    nights: nights.length,
    currency: catalog.currency,
    locale,
    rooms,
    deposits,
    lines: [
      ...stayLines(
        rooms.map((r) => ({ ...r, discount: r.discount ?? 0 })),
        promotion && `${promotion.name} (${promotion.code})`,
      ),
      ...chargeLines(charged),
    ],
    total,
    depositDue,
    balanceDue: total - depositDue,
  };
}
