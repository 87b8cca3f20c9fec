// SPEC 4: GA4 e-commerce events for a host page that runs Google Tag Manager, so a property
// measures its conversions on its own site without cross-domain set-up. A chunk, fetched only on
// such a page (track.ts).
import { currencyExponent } from '../shared/money.ts';
import type { Availability, Booking, RateOffer } from '../shared/schemas/stay.ts';
import { choiceKey } from './booking-request.ts';

export interface Item {
  item_id: string;
  item_name: string;
  item_category: string;
  price: number;
  quantity: number;
}

export type Ecommerce = Record<string, unknown>;

/** Our amounts are integers in minor units (SPEC 2.1); GA4 wants major units: 14900 USD → 149. */
const major = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);

const item = (id: string, type: string, rate: string, minor: number, currency: string, quantity = 1): Item => ({
  item_id: id,
  item_name: `${type} – ${rate}`,
  item_category: type,
  price: major(minor, currency),
  quantity,
});

/** Pushes `event` onto the page's dataLayer (track.ts made sure there is one). */
export function push(layer: unknown[], event: string, ecommerce: () => Ecommerce | undefined): void {
  try {
    const data = ecommerce();
    if (!data) return;
    // Google's advice: Tag Manager merges pushed objects, so the previous ecommerce goes first.
    layer.push({ ecommerce: null });
    layer.push({ event, ecommerce: data });
  } catch {
    // The page's tags are not ours: a broken one must never stop a booking.
  }
}

/** The answer's rates `quantity` counts (0 leaves one out), and their total in minor units. */
function rates(answer: Availability, quantity: (rate: RateOffer, type: Availability['roomTypes'][number]) => number) {
  const items: Item[] = [];
  let total = 0;
  for (const type of answer.roomTypes) {
    for (const rate of type.rates) {
      const count = quantity(rate, type);
      if (count <= 0) continue;
      total += rate.roomTotal * count;
      items.push(item(rate.id, type.name, rate.name, rate.roomTotal, answer.currency, count));
    }
  }
  return { items, total };
}

/** One list per answer: the room type's when there is one, else all the rates. */
function list(answer: Availability, quantity: Parameters<typeof rates>[1]): Ecommerce | undefined {
  const { items } = rates(answer, quantity);
  const only = answer.roomTypes.length === 1 ? answer.roomTypes[0] : undefined;
  return items.length ? { item_list_id: only?.id ?? 'rates', item_list_name: only?.name ?? 'Rates', currency: answer.currency, items } : undefined;
}

export const viewItemList = (answer: Availability) => list(answer, (rate) => (rate.available ? 1 : 0));

/** `key`: the rate and room type chosen (choiceKey). */
export const selectItem = (answer: Availability, key: string) => list(answer, (rate, type) => (choiceKey(type, rate) === key ? 1 : 0));

/** The rooms chosen; extras come later, on the review step. */
export function beginCheckout(answer: Availability, chosen: Map<string, number>): Ecommerce | undefined {
  const { items, total } = rates(answer, (rate, type) => chosen.get(choiceKey(type, rate)) ?? 0);
  return items.length ? { currency: answer.currency, value: major(total, answer.currency), items } : undefined;
}

/**
 * The booked rooms, one item each at its total with its extras, so the items add up to `value`
 * as GA4 reports revenue; `transaction_id` marks the purchase.
 */
export function booked(booking: Booking, purchase = false): Ecommerce {
  const { currency } = booking;
  return {
    ...(purchase && { transaction_id: booking.reference }),
    value: major(booking.total, currency),
    currency,
    items: booking.rooms.map((room) => item(room.rateId, room.roomTypeName, room.rateName, room.total, currency)),
  };
}
