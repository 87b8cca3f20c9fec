// SPEC 2.21: a derived rate's price is its parent's that night, adjusted and rounded half-up, never below 0.
import type { PriceAdjust } from './schemas/rate-plan.ts';

/** The parent's price adjusted: percent in hundredths so that the arithmetic stays in integers. */
export function adjustPrice(price: number, adjust: PriceAdjust): number {
  if ('amount' in adjust) return Math.max(0, price + adjust.amount);
  const scaled = price * (10_000 + Math.round(adjust.percent * 100));
  return Math.max(0, Math.floor((scaled + 5_000) / 10_000));
}

/** The parent's per-night overrides, adjusted the same way. */
export function adjustOverrides(overrides: ReadonlyMap<string, number>, adjust: PriceAdjust): Map<string, number> {
  return new Map([...overrides].map(([date, amount]) => [date, adjustPrice(amount, adjust)]));
}

/**
 * How pricing finds one room type's prices of a plan: the plan's id alone names its first room type,
 * so a room that names no room type on a one-room-type rate prices as it always did.
 */
export const planKey = (rateId: string, roomTypeId?: string) => (roomTypeId === undefined ? rateId : `${rateId}|${roomTypeId}`);

/** Each plan's room types by `planKey(rateId, roomTypeId)`, and by the plan's id alone its first room type. */
export function plansByKey<R extends { id: string; roomTypeId: string }>(variants: readonly R[]): Map<string, R> {
  const byKey = new Map<string, R>();
  for (const rate of variants) {
    byKey.set(planKey(rate.id, rate.roomTypeId), rate);
    if (!byKey.has(rate.id)) byKey.set(rate.id, rate);
  }
  return byKey;
}

/**
 * SPEC 2.21: how many more rooms the plan's own caps allow on every night of the stay, counted
 * across all its room types (the counters are the plan's: server/store/booking-store.ts).
 */
export function planRoomsLeft(
  rate: { id: string; maxRoomsPerNight: number | null; maxRoomsTotal: number | null },
  nights: readonly string[],
  occupancy: { rateSold(rateId: string, date: string): number; rateSoldTotal(rateId: string): number },
): number {
  let left = Number.POSITIVE_INFINITY;
  if (rate.maxRoomsPerNight != null) for (const date of nights) left = Math.min(left, rate.maxRoomsPerNight - occupancy.rateSold(rate.id, date));
  if (rate.maxRoomsTotal != null) left = Math.min(left, rate.maxRoomsTotal - occupancy.rateSoldTotal(rate.id));
  return Math.max(0, left);
}
