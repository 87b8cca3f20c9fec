import * as v from 'valibot';
import { daysBetween, isCalendarDate, isTimeZone } from '../dates.ts';
import { LOCALES } from '../locale.ts';
import { isCurrency } from '../money.ts';

// SPEC 2.2: a stay is at most 60 nights, whatever a rate allows.
export const MAX_NIGHTS = 60;

export const IsoDateSchema = v.pipe(v.string(), v.check(isCalendarDate, 'Expected a calendar date written YYYY-MM-DD'));

export const DateTimeSchema = v.pipe(
  v.string(),
  v.isoTimestamp('Expected an ISO date-time such as 2026-12-01T09:00:00Z'),
  v.check((s) => !Number.isNaN(Date.parse(s)) && isCalendarDate(s.slice(0, 10)), 'Expected a real date-time'),
);

/** An amount in minor units: an integer, never negative. */
export const MoneySchema = v.pipe(
  v.number('Expected an amount in minor units'),
  v.safeInteger('Amounts are integers in the minor unit (cents, won)'),
  v.minValue(0, 'Amounts cannot be negative'),
);

export const PositiveMoneySchema = v.pipe(MoneySchema, v.minValue(1, 'Must be more than 0'));

export const CurrencySchema = v.pipe(v.string(), v.check(isCurrency, 'Expected an ISO 4217 currency code such as USD'));

export const TimeZoneSchema = v.pipe(v.string(), v.check(isTimeZone, 'Expected an IANA time zone such as Asia/Seoul'));

export const LocaleSchema = v.picklist(LOCALES, 'Expected one of en, ko, id');

export const NameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'Required'), v.maxLength(200));
export const TextSchema = v.pipe(v.string(), v.maxLength(5000));
export const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const CountSchema = (min: number, max: number) => v.pipe(v.number(), v.safeInteger('Expected a whole number'), v.minValue(min), v.maxValue(max));

type Stay = { checkIn: string; checkOut: string };

// SPEC 2.2: checkOut after checkIn; pipes use these with v.partialCheck so the error names checkOut.
export const STAY_ORDER_MESSAGE = 'checkOut must be after checkIn';
export const STAY_LENGTH_MESSAGE = `A stay is at most ${MAX_NIGHTS} nights`;
export const stayOrdered = (s: Stay) => daysBetween(s.checkIn, s.checkOut) > 0;
export const stayWithinLimit = (s: Stay) => daysBetween(s.checkIn, s.checkOut) <= MAX_NIGHTS;

export const NightlySchema = v.object({ date: v.string(), amount: v.number() });
export type Nightly = v.InferOutput<typeof NightlySchema>;

export const ErrorBodySchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    details: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
  }),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;
