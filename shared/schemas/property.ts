import * as v from 'valibot';
import { CurrencySchema, DateTimeSchema, IsoDateSchema, LocaleSchema, TimeZoneSchema } from './common.ts';
import { FeesSchema, PriceDisplaySchema, taxFields, taxPatchFields, TaxesSchema } from './taxes.ts';
import { LocalizedDescriptionSchema, LocalizedNameSchema, LocalizedTextAnswerSchema } from './localized-text.ts';
import { profileAnswerFields, profileCreateFields, profilePatchFields } from './profile.ts';

export const PAYMENT_MODES = ['stripe', 'manual'] as const;
export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners', 'unionpay'] as const;

export const PaymentModeSchema = v.picklist(PAYMENT_MODES, 'Expected stripe or manual');
export const CardBrandSchema = v.picklist(CARD_BRANDS);
export type CardBrand = v.InferOutput<typeof CardBrandSchema>;

// Browsers send the origin normalised (lower-case host, no path, query or credentials): only that form can match.
const OriginSchema = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === s;
    } catch {
      return false;
    }
  }, 'Expected an origin such as https://hotel.example (lower case, no path, query or credentials)'),
);

const CountrySchema = v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'Expected an ISO 3166 country code such as KR'));

// Issue 9: one anonymous request may not hold a whole hotel; a booking request has at most 20 rooms anyway.
export const DEFAULT_MAX_ROOMS_PER_BOOKING = 4;
const MaxRoomsPerBookingSchema = v.pipe(v.number(), v.safeInteger('Expected a whole number'), v.minValue(1), v.maxValue(20));

// Issue 9: how far ahead stays may end, in months from today in the property's time zone.
export const DEFAULT_BOOKING_HORIZON_MONTHS = 18;
const BookingHorizonMonthsSchema = v.pipe(v.number(), v.safeInteger('Expected a whole number'), v.minValue(1), v.maxValue(60));

// SPEC 2.17: the balance is charged (stripe) or the owner reminded (manual) this many days before arrival, at 09:00
// property time; null: the guest pays it at the property.
export const BalanceCollectionSchema = v.object({
  daysBeforeArrival: v.pipe(v.number(), v.safeInteger('Expected a whole number of days'), v.minValue(0), v.maxValue(60)),
});
export type BalanceCollection = v.InferOutput<typeof BalanceCollectionSchema>;

// SPEC 2.23: manual mode keeps the stored card after the deposit is marked charged (for the balance or a
// no-show fee) only when the owner asks; it is then purged CARD_PURGE_DAYS after checkout.
export const CARD_RETENTIONS = ['until_deposit_charged', 'until_checkout'] as const;
export const CardRetentionSchema = v.pipe(
  v.picklist(CARD_RETENTIONS, 'Expected until_deposit_charged or until_checkout'),
  v.description(
    'Manual mode: how long the stored card is kept. until_deposit_charged erases it when the deposit is marked charged; until_checkout keeps it (for the balance or a no-show fee) until CARD_PURGE_DAYS after checkout',
  ),
);
export type CardRetention = v.InferOutput<typeof CardRetentionSchema>;

const propertyFields = {
  name: LocalizedNameSchema,
  currency: CurrencySchema,
  timezone: TimeZoneSchema,
  country: v.optional(CountrySchema),
  locale: v.optional(LocaleSchema, 'en'),
  paymentMode: PaymentModeSchema,
  acceptedCardBrands: v.optional(v.pipe(v.array(CardBrandSchema), v.minLength(1)), ['visa', 'mastercard', 'amex']),
  allowedOrigins: v.optional(v.pipe(v.array(OriginSchema), v.maxLength(50)), []),
  email: v.optional(v.pipe(v.string(), v.email())),
  description: v.optional(LocalizedDescriptionSchema),
  // SPEC 2.11: whether search engines may list the hosted booking page (/book/:pid).
  pageIndexed: v.optional(v.boolean(), true),
  maxRoomsPerBooking: v.optional(MaxRoomsPerBookingSchema, DEFAULT_MAX_ROOMS_PER_BOOKING),
  bookingHorizonMonths: v.optional(BookingHorizonMonthsSchema, DEFAULT_BOOKING_HORIZON_MONTHS),
  balanceCollection: v.optional(v.nullable(BalanceCollectionSchema), null),
  cardRetention: v.optional(CardRetentionSchema, 'until_deposit_charged'),
  ...taxFields,
  ...profileCreateFields,
};

export const PropertyCreateSchema = v.object(propertyFields);
export type PropertyCreate = v.InferOutput<typeof PropertyCreateSchema>;

export const PropertyPatchSchema = v.partial(
  v.object({
    ...propertyFields,
    locale: LocaleSchema,
    pageIndexed: v.boolean(),
    acceptedCardBrands: v.pipe(v.array(CardBrandSchema), v.minLength(1)),
    allowedOrigins: v.pipe(v.array(OriginSchema), v.maxLength(50)),
    maxRoomsPerBooking: MaxRoomsPerBookingSchema,
    bookingHorizonMonths: BookingHorizonMonthsSchema,
    balanceCollection: v.nullable(BalanceCollectionSchema),
    cardRetention: CardRetentionSchema,
    ...taxPatchFields,
    ...profilePatchFields,
  }),
);
export type PropertyPatch = v.InferOutput<typeof PropertyPatchSchema>;

export const PropertySchema = v.object({
  id: v.string(),
  name: LocalizedTextAnswerSchema,
  currency: v.string(),
  timezone: v.string(),
  country: v.nullable(v.string()),
  locale: LocaleSchema,
  paymentMode: PaymentModeSchema,
  acceptedCardBrands: v.array(CardBrandSchema),
  allowedOrigins: v.array(v.string()),
  email: v.nullable(v.string()),
  description: v.nullable(LocalizedTextAnswerSchema),
  pageIndexed: v.boolean(),
  maxRoomsPerBooking: v.number(),
  bookingHorizonMonths: v.number(),
  balanceCollection: v.nullable(BalanceCollectionSchema),
  cardRetention: CardRetentionSchema,
  taxes: TaxesSchema,
  fees: FeesSchema,
  priceDisplay: PriceDisplaySchema,
  ...profileAnswerFields,
  createdAt: DateTimeSchema,
});
export type Property = v.InferOutput<typeof PropertySchema>;

export const PropertyCreatedSchema = v.object({ property: PropertySchema, secretKey: v.string() });

export const ClosuresSchema = v.object({
  weekdays: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))), v.maxLength(7)), []),
  publicHolidays: v.optional(v.boolean(), false),
  dates: v.optional(v.pipe(v.array(IsoDateSchema), v.maxLength(1000)), []),
  /** SPEC 2.22: public holidays kept open; the other closures still apply to them. */
  openHolidays: v.optional(v.pipe(v.array(IsoDateSchema), v.maxLength(200)), []),
});
export type Closures = v.InferOutput<typeof ClosuresSchema>;

export const PaymentModeChangeSchema = v.object({ cancelledPending: v.number() });
