// SPEC 2.14: whether a promotion applies to a stay, and how much it takes off.
import { addDays } from './dates.ts';
import { percentOf } from './money.ts';
import type { Discount, PromoReason, Promotion } from './schemas/promotion.ts';

export type PromotionTerms = Pick<Promotion, 'code' | 'name' | 'discount' | 'rateIds'>;

export interface PromoStay {
  checkIn: string;
  checkOut: string;
  nights: number;
  /** Today in the property's calendar: the booking window is the property's. */
  today: string;
  /** The rates the guest asks for (quotes, bookings) or is shown (availability). */
  rateIds: readonly string[];
}

export const coversRate = (promo: Pick<Promotion, 'rateIds'>, rateId: string) => promo.rateIds === null || promo.rateIds.includes(rateId);

/** Why `promo` does not apply to `stay`, or undefined when it does; an inactive code is as good as unknown. */
export function promoReason(promo: Promotion | undefined, stay: PromoStay): PromoReason | undefined {
  if (!promo || !promo.active) return 'unknown';
  if (promo.bookFrom && stay.today < promo.bookFrom) return 'not_yet';
  if (promo.bookUntil && stay.today > promo.bookUntil) return 'expired';
  // Every night of the stay inside the promotion's stay window; the checkout day is no night.
  if ((promo.stayFrom && stay.checkIn < promo.stayFrom) || (promo.stayUntil && addDays(stay.checkOut, -1) > promo.stayUntil)) return 'stay_dates';
  if (promo.minNights !== null && stay.nights < promo.minNights) return 'min_nights';
  if (promo.maxUses !== null && promo.uses >= promo.maxUses) return 'used_up';
  if (!stay.rateIds.some((id) => coversRate(promo, id))) return 'not_for_rate';
  return undefined;
}

/** The discount on room prices totalling `roomTotal`: percent rounded half-up, an amount capped at them. */
export function discountOn(discount: Discount, roomTotal: number): number {
  return discount.type === 'percent' ? percentOf(roomTotal, discount.percent) : Math.min(discount.amount, roomTotal);
}
