import * as v from 'valibot';
import { CountSchema, IdSchema, IsoDateSchema, LocaleSchema, NightlySchema, STAY_LENGTH_MESSAGE, STAY_ORDER_MESSAGE, stayOrdered, stayWithinLimit } from './common.ts';
import { CardBrandSchema, PaymentModeSchema } from './property.ts';
import { DepositPolicySchema } from './rate.ts';
import { ExtraSchema } from './extra.ts';
import { GuestNameSchema } from './guest-name.ts';

const QueryCount = (fallback: string, min: number, max: number) =>
  v.pipe(v.optional(v.string(), fallback), v.regex(/^\d{1,3}$/, 'Expected a whole number'), v.transform(Number), v.minValue(min), v.maxValue(max));

// Without dates the server picks the stay (SPEC 4: the first night from tomorrow, or the next one
// available), and `include=property` adds what the widget's rates step needs: one request before rates.
const datesGiven = (s: { checkIn?: string; checkOut?: string }): s is { checkIn: string; checkOut: string } => s.checkIn !== undefined && s.checkOut !== undefined;

export const AvailabilityQuerySchema = v.pipe(
  v.object({
    checkIn: v.optional(IsoDateSchema),
    checkOut: v.optional(IsoDateSchema),
    adults: QueryCount('2', 1, 50),
    children: QueryCount('0', 0, 50),
    rooms: QueryCount('1', 1, 50),
    locale: v.optional(v.string()),
    include: v.optional(v.picklist(['property'], 'Expected include=property')),
  }),
  v.forward(
    v.partialCheck([['checkIn'], ['checkOut']], (s) => (s.checkIn === undefined) === (s.checkOut === undefined), 'Give checkIn and checkOut together, or neither'),
    ['checkOut'],
  ),
  v.forward(
    v.partialCheck([['checkIn'], ['checkOut']], (s) => !datesGiven(s) || stayOrdered(s), STAY_ORDER_MESSAGE),
    ['checkOut'],
  ),
  v.forward(
    v.partialCheck([['checkIn'], ['checkOut']], (s) => !datesGiven(s) || stayWithinLimit(s), STAY_LENGTH_MESSAGE),
    ['checkOut'],
  ),
);
export type AvailabilityQuery = v.InferOutput<typeof AvailabilityQuerySchema>;

export const DepositQuoteSchema = v.object({
  type: v.picklist(['none', 'full', 'first_night', 'fixed', 'percentage']),
  amount: v.number(),
  message: v.string(),
});

export const UNAVAILABLE_REASONS = ['sold_out', 'closed', 'min_nights', 'max_nights', 'not_bookable_now', 'too_many_guests', 'arrival_date', 'rate_limit_reached'] as const;

export const RateOfferSchema = v.object({
  id: v.string(),
  name: v.string(),
  description: v.nullable(v.string()),
  refundable: v.boolean(),
  available: v.boolean(),
  reason: v.optional(v.picklist(UNAVAILABLE_REASONS)),
  unitsLeft: v.number(),
  nightly: v.array(NightlySchema),
  roomTotal: v.number(),
  deposit: DepositQuoteSchema,
});
export type RateOffer = v.InferOutput<typeof RateOfferSchema>;

export const PublicPropertySchema = v.object({
  id: v.string(),
  name: v.string(),
  currency: v.string(),
  timezone: v.string(),
  locale: LocaleSchema,
  today: v.string(),
  paymentMode: PaymentModeSchema,
  stripePublishableKey: v.nullable(v.string()),
  acceptedCardBrands: v.array(CardBrandSchema),
  closedDates: v.array(v.string()),
  extras: v.array(ExtraSchema),
  holdMinutes: v.number(),
});
export type PublicProperty = v.InferOutput<typeof PublicPropertySchema>;

export const AvailabilitySchema = v.object({
  checkIn: v.string(),
  checkOut: v.string(),
  nights: v.number(),
  currency: v.string(),
  locale: LocaleSchema,
  roomTypes: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      description: v.nullable(v.string()),
      maxGuests: v.number(),
      images: v.array(v.string()),
      rates: v.array(RateOfferSchema),
    }),
  ),
  nextAvailable: v.optional(v.object({ checkIn: v.string(), checkOut: v.string() })),
  /** With `include=property`: the widget's first and only request before the rates (SPEC 4). */
  property: v.optional(PublicPropertySchema),
});
export type Availability = v.InferOutput<typeof AvailabilitySchema>;

export const RoomRequestSchema = v.object({
  rateId: IdSchema,
  adults: CountSchema(1, 50),
  children: v.optional(CountSchema(0, 50), 0),
  extras: v.optional(v.pipe(v.array(v.object({ extraId: IdSchema, quantity: v.optional(CountSchema(1, 100), 1) })), v.maxLength(50)), []),
});
export type RoomRequest = v.InferOutput<typeof RoomRequestSchema>;
export type RoomRequestInput = v.InferInput<typeof RoomRequestSchema>;

const stayFields = {
  checkIn: IsoDateSchema,
  checkOut: IsoDateSchema,
  rooms: v.pipe(v.array(RoomRequestSchema), v.minLength(1, 'Choose at least one room'), v.maxLength(20)),
  locale: v.optional(v.string()),
};

export const QuoteRequestSchema = v.pipe(
  v.object(stayFields),
  v.forward(v.partialCheck([['checkIn'], ['checkOut']], stayOrdered, STAY_ORDER_MESSAGE), ['checkOut']),
  v.forward(v.partialCheck([['checkIn'], ['checkOut']], stayWithinLimit, STAY_LENGTH_MESSAGE), ['checkOut']),
);
export type QuoteRequest = v.InferOutput<typeof QuoteRequestSchema>;

export const ExtraLineSchema = v.object({
  extraId: v.string(),
  name: v.string(),
  per: v.string(),
  quantity: v.number(),
  unitPrice: v.number(),
  total: v.number(),
});

export const QuotedRoomSchema = v.object({
  rateId: v.string(),
  rateName: v.string(),
  roomTypeId: v.string(),
  roomTypeName: v.string(),
  adults: v.number(),
  children: v.number(),
  nightly: v.array(NightlySchema),
  roomTotal: v.number(),
  extras: v.array(ExtraLineSchema),
  extrasTotal: v.number(),
  total: v.number(),
});
export type QuotedRoom = v.InferOutput<typeof QuotedRoomSchema>;

export const RateDepositSchema = v.object({
  rateId: v.string(),
  rateName: v.string(),
  type: v.picklist(['none', 'full', 'first_night', 'fixed', 'percentage']),
  amount: v.number(),
  message: v.string(),
});
export type RateDeposit = v.InferOutput<typeof RateDepositSchema>;

export const QuoteSchema = v.object({
  checkIn: v.string(),
  checkOut: v.string(),
  nights: v.number(),
  currency: v.string(),
  locale: LocaleSchema,
  rooms: v.array(QuotedRoomSchema),
  deposits: v.array(RateDepositSchema),
  total: v.number(),
  depositDue: v.number(),
  balanceDue: v.number(),
});
export type Quote = v.InferOutput<typeof QuoteSchema>;

export const GuestSchema = v.object({
  firstName: GuestNameSchema,
  lastName: GuestNameSchema,
  email: v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('Expected an e-mail address')),
  phone: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40))),
});
export type Guest = v.InferOutput<typeof GuestSchema>;

export const BookingRequestSchema = v.pipe(
  v.object({ ...stayFields, guest: GuestSchema }),
  v.forward(v.partialCheck([['checkIn'], ['checkOut']], stayOrdered, STAY_ORDER_MESSAGE), ['checkOut']),
  v.forward(v.partialCheck([['checkIn'], ['checkOut']], stayWithinLimit, STAY_LENGTH_MESSAGE), ['checkOut']),
);
export type BookingRequest = v.InferOutput<typeof BookingRequestSchema>;

export const BOOKING_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled', 'expired'] as const;
export const BookingStatusSchema = v.picklist(BOOKING_STATUSES);
export type BookingStatus = v.InferOutput<typeof BookingStatusSchema>;

export const CardSummarySchema = v.object({
  brand: CardBrandSchema,
  last4: v.string(),
  expMonth: v.number(),
  expYear: v.number(),
});

export const BookingSchema = v.object({
  id: v.string(),
  reference: v.string(),
  propertyId: v.string(),
  status: BookingStatusSchema,
  checkIn: v.string(),
  checkOut: v.string(),
  nights: v.number(),
  currency: v.string(),
  locale: LocaleSchema,
  guest: GuestSchema,
  rooms: v.array(QuotedRoomSchema),
  deposits: v.array(RateDepositSchema),
  total: v.number(),
  depositDue: v.number(),
  balanceDue: v.number(),
  paymentMode: PaymentModeSchema,
  amountPaid: v.number(),
  amountRefunded: v.number(),
  card: v.nullable(CardSummarySchema),
  expiresAt: v.string(),
  createdAt: v.string(),
});
export type Booking = v.InferOutput<typeof BookingSchema>;

export const PaymentStepSchema = v.variant('provider', [
  v.object({ provider: v.literal('stripe'), clientSecret: v.string(), publishableKey: v.string(), intentType: v.picklist(['payment', 'setup']) }),
  v.object({ provider: v.literal('manual'), cardFrameUrl: v.string() }),
]);
export type PaymentStep = v.InferOutput<typeof PaymentStepSchema>;

export const BookingCreatedSchema = v.object({
  booking: BookingSchema,
  clientToken: v.string(),
  payment: PaymentStepSchema,
});
export type BookingCreated = v.InferOutput<typeof BookingCreatedSchema>;

export const CalendarQuerySchema = v.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
});

/** One day of the widget's calendar: whether a stay can include that night, and from what price. */
export const CalendarSchema = v.object({
  from: v.string(),
  to: v.string(),
  currency: v.string(),
  days: v.array(
    v.object({
      date: v.string(),
      closed: v.boolean(),
      soldOut: v.boolean(),
      fromPrice: v.nullable(v.number()),
    }),
  ),
});
export type Calendar = v.InferOutput<typeof CalendarSchema>;

/** The owner's cancellation (SPEC 2.9). */
export const CancelBookingSchema = v.object({
  scope: v.picklist(['booking', 'payment'], 'Expected booking or payment'),
  refund: v.optional(v.boolean()),
});
export type CancelBooking = v.InferOutput<typeof CancelBookingSchema>;

export const BookingListQuerySchema = v.object({
  status: v.optional(BookingStatusSchema),
  from: v.optional(IsoDateSchema),
  to: v.optional(IsoDateSchema),
});

export const BookingViewSchema = v.object({ booking: BookingSchema });

export { DepositPolicySchema };
