// SPEC 2.16: cancellation policies. What a cancellation refunds, computed at the instant of
// cancelling from the property's calendar, and the policy in words from the guest's side.
import { addDays, daysBetween, todayIn } from './dates.ts';
import type { Locale } from './locale.ts';
import { cancellationMessages } from './messages.ts';
import { percentOf, sum } from './money.ts';
import type { CancellationPolicy, CancellationTier } from './schemas/rate.ts';

/** Whole days from today in the property's zone to check-in: 0 on the day of arrival, negative after it. */
export function daysBeforeArrival(checkIn: string, timeZone: string, now: Date): number {
  return daysBetween(todayIn(timeZone, now), checkIn);
}

/** The tier with the largest daysBefore that still holds decides; none holds = 0%. */
export function refundPercentAt(tiers: readonly CancellationTier[], daysBefore: number): number {
  let best: CancellationTier | undefined;
  for (const tier of tiers) if (tier.daysBefore <= daysBefore && (!best || tier.daysBefore > best.daysBefore)) best = tier;
  return best?.refundPercent ?? 0;
}

/** One rate's part of a booking: its policy, the deposit taken for it and its rooms' total. */
export interface RatePart {
  tiers: readonly CancellationTier[];
  deposit: number;
  total: number;
}

/**
 * Splits `amount` in proportion to `weights`, exactly: each part is rounded down and the minor
 * units left over go to the largest remainders (earlier parts first on a tie). BigInt, because
 * amount × weight passes 2^53 for large zero-decimal totals.
 */
export function splitByWeight(amount: number, weights: readonly number[]): number[] {
  const total = BigInt(sum(weights));
  if (total === 0n) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => BigInt(amount) * BigInt(w));
  const parts = exact.map((e) => e / total);
  let left = amount - sum(parts.map(Number));
  const byRemainder = exact.map((e, i) => ({ i, rest: e % total })).sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0) break;
    parts[i]! += 1n;
    left -= 1;
  }
  return parts.map(Number);
}

/**
 * What was paid, per rate. Money goes to the deposits first (what the guest was asked to pay for
 * each rate), and anything paid beyond them to the rates' balances, so each rate's policy applies
 * to the money actually taken for it.
 */
export function paidPerRate(parts: readonly RatePart[], paid: number): number[] {
  const deposits = sum(parts.map((p) => p.deposit));
  const toDeposits = Math.min(paid, deposits);
  const first = splitByWeight(
    toDeposits,
    parts.map((p) => p.deposit),
  );
  const balances = parts.map((p) => Math.max(0, p.total - p.deposit));
  const rest = splitByWeight(paid - toDeposits, sum(balances) > 0 ? balances : parts.map((p) => p.total));
  return first.map((amount, i) => amount + rest[i]!);
}

/**
 * SPEC 2.16: the refund of a cancellation `daysBefore` whole days before check-in, on what was paid:
 * each rate's percent of its share, rounded half-up to the minor unit, summed. Never more than paid.
 */
export function policyRefund(parts: readonly RatePart[], paid: number, daysBefore: number): number {
  return sum(paidPerRate(parts, paid).map((share, i) => percentOf(share, refundPercentAt(parts[i]!.tiers, daysBefore))));
}

/** A refund band of a policy: `percent` back when cancelled `from`…`to` whole days before arrival (to: no limit). */
interface Band {
  from: number;
  to: number | null;
  percent: number;
}

function bands(tiers: readonly CancellationTier[]): Band[] {
  const sorted = [...tiers].sort((a, b) => b.daysBefore - a.daysBefore);
  const out: Band[] = [];
  sorted.forEach((tier, i) => {
    const to = i === 0 ? null : sorted[i - 1]!.daysBefore - 1;
    const previous = out.at(-1);
    // Two neighbouring tiers with the same percent read as one band.
    if (previous && previous.percent === tier.refundPercent) previous.from = tier.daysBefore;
    else out.push({ from: tier.daysBefore, to, percent: tier.refundPercent });
  });
  return out.filter((band) => band.percent > 0);
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "Fri 23 Dec", "12월 23일 (금)", "Jum, 23 Des": a calendar date, so formatted in UTC. */
function shortDate(date: string, locale: Locale): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/**
 * The policy in words for a stay starting `checkIn`. Given `today` (the property's), bands that can
 * no longer be reached are left out, so a late booking on a "free until a week before" rate does not
 * promise a free cancellation that has already passed.
 */
export function cancellationSummary(policy: CancellationPolicy, checkIn: string, locale: Locale, today?: string): string {
  const t = cancellationMessages[locale];
  const left = today === undefined ? Number.POSITIVE_INFINITY : daysBetween(today, checkIn);
  const words = bands(policy.tiers)
    .filter((band) => band.from <= left)
    .map((band) => (band.percent === 100 && band.to === null ? t.freeUntil(shortDate(addDays(checkIn, -band.from), locale)) : t.refund(band.percent, t.when(band.from, band.to))));
  return words.length > 0 ? words.join('; ') : t.nonRefundable;
}

/** What a rate offer, a quote and a booking carry: the tiers and the server's words for them. */
export function cancellationTerms(policy: CancellationPolicy, checkIn: string, locale: Locale, today?: string) {
  return { tiers: policy.tiers, summary: cancellationSummary(policy, checkIn, locale, today) };
}
