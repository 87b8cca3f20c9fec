import * as v from 'valibot';
import { CountSchema, IdSchema, IsoDateSchema, LocaleSchema, MoneySchema, NightlySchema, STAY_LENGTH_MESSAGE, STAY_ORDER_MESSAGE, stayOrdered, stayWithinLimit } from './common.ts';
import { CardBrandSchema, PaymentModeSchema } from './property.ts';
import { CancellationTierSchema, DepositPolicySchema } from './rate.ts';
import { ExtraSchema } from './extra.ts';
import { GuestNameSchema } from './guest-name.ts';
import { LineSchema, PromoAnswerSchema, PromoCodeSchema } from './promotion.ts';
import { PriceDisplaySchema } from './taxes.ts';
import { ChildAgesSchema } from './occupancy.ts';
import { publicStatusFields } from './profile.ts';

const QueryCount = (fallback: string, min: number, max: number) =>
  v.pipe(v.optional(v.string(), fallback), v.regex(/^\d{1,3}$/, 'Expected a whole number'), v.transform(Number), v.minValue(min), v.maxValue(max));

// Without dates the server picks the stay (SPEC 4: the first night from tomorrow, or the next one
// available), and `include=property` adds what the widget's rates step needs: one request before rates.
// SPEC 2.12: children and childAges may both be sent, but then they must agree.
const childrenAgree = (r: { children?: number | undefined; childAges?: readonly number[] | undefined }) =>
  r.children === undefined || r.childAges === undefined || r.children === r.childAges.length;
const CHILDREN_MESSAGE = 'children must be the number of childAges';

const datesGiven = (s: { checkIn?: string; checkOut?: string }): s is { checkIn: string; checkOut: string } => s.checkIn !== undefined && s.checkOut !== undefined;

export const AvailabilityQuerySchema = v.pipe(
  v.object({
    checkIn: v.optional(IsoDateSchema),
    checkOut: v.optional(IsoDateSchema),
    adults: QueryCount('2', 1, 50),
    children: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'Expected a whole number'), v.transform(Number), v.minValue(0), v.maxValue(50))),
    /** SPEC 2.12: the children's ages, `4,9`; their number is the children count. */
    childAges: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,2}(,\d{1,2}){0,49}$/, 'Expected ages separated by commas, such as 4,9'),
        v.transform((s) => s.split(',').map(Number)),
        ChildAgesSchema,
      ),
    ),
    rooms: QueryCount('1', 1, 50),
    locale: v.optional(v.string()),
    include: v.optional(v.picklist(['property'], 'Expected include=property')),
    promoCode: v.optional(PromoCodeSchema),
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
  v.forward(v.partialCheck([['children'], ['childAges']], childrenAgree, CHILDREN_MESSAGE), ['childAges']),
  v.transform((q) => ({ ...q, children: q.childAges?.length ?? q.children ?? 0 })),
);
export type AvailabilityQuery = v.InferOutput<typeof AvailabilityQuerySchema>;

export const DepositQuoteSchema = v.object({
  type: v.picklist(['none', 'full', 'first_night', 'fixed', 'percentage']),
  amount: v.number(),
  message: v.string(),
});

/** SPEC 2.16: a rate's cancellation policy and the server's words for it, in the request's locale. */
export const CancellationTermsSchema = v.object({
  tiers: v.array(CancellationTierSchema),
  summary: v.string(),
});
export type CancellationTerms = v.InferOutput<typeof CancellationTermsSchema>;

export const UNAVAILABLE_REASONS = [
  'sold_out',
  'closed',
  'min_nights',
  'max_nights',
  'not_bookable_now',
  'too_many_guests',
  'arrival_date',
  'rate_limit_reached',
  'closed_to_arrival',
  'closed_to_departure',
] as const;

export const RateOfferSchema = v.object({
  id: v.string(),
  name: v.string(),
  description: v.nullable(v.string()),
  refundable: v.boolean(),
  /** SPEC 2.15: the guest may pay the whole total now instead of the deposit (stripe mode). */
  payInFullOption: v.boolean(),
  /** SPEC 2.12: the rate prices children by age, so a party with children gives their ages. */
  pricesChildren: v.boolean(),
  available: v.boolean(),
  reason: v.optional(v.picklist(UNAVAILABLE_REASONS)),
  unitsLeft: v.number(),
  nightly: v.array(NightlySchema),
  /** With a promotion that applies to this rate: the room total after its discount; `roomTotalBefore` is the price before. */
  roomTotal: v.number(),
  roomTotalBefore: v.optional(v.number()),
  /** SPEC 2.13: the all-in price of one room for the stay and party: `roomTotal` plus mandatory fees and exclusive taxes; `totalBefore` is it before a promotion. */
  total: v.number(),
  totalBefore: v.optional(v.number()),
  deposit: DepositQuoteSchema,
  cancellation: CancellationTermsSchema,
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
  /** SPEC 2.11: names and descriptions in the guest's language. */
  extras: v.array(v.object({ ...ExtraSchema.entries, name: v.string(), description: v.nullable(v.string()) })),
  holdMinutes: v.number(),
  /** SPEC 2.13: `total` shows rate cards at their all-in price, `base` at the room price with "+ taxes and fees". */
  priceDisplay: PriceDisplaySchema,
  /** SPEC 2.12: some rate prices children by age, so the guests panel asks their ages. */
  asksChildAges: v.boolean(),
  ...publicStatusFields,
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
      maxAdults: v.number(),
      maxChildren: v.number(),
      images: v.array(v.string()),
      rates: v.array(RateOfferSchema),
    }),
  ),
  nextAvailable: v.optional(v.object({ checkIn: v.string(), checkOut: v.string() })),
  /** With `promoCode`: whether it applies to some rate offered (SPEC 2.14). */
  promo: v.optional(PromoAnswerSchema),
  /** With `include=property`: the widget's first and only request before the rates (SPEC 4). */
  property: v.optional(PublicPropertySchema),
});
export type Availability = v.InferOutput<typeof AvailabilitySchema>;

export const RoomRequestSchema = v.pipe(
  v.object({
    rateId: IdSchema,
    /** SPEC 2.21: which of the rate's room types; required when the rate covers several. */
    roomTypeId: v.optional(v.pipe(IdSchema, v.description('The room type, for a rate (plan) that covers several; required then'))),
    adults: CountSchema(1, 50),
    /** SPEC 2.12: children by count, where the rate does not price them by age; else `childAges`. */
    children: v.optional(CountSchema(0, 50)),
    childAges: v.optional(ChildAgesSchema),
    extras: v.optional(v.pipe(v.array(v.object({ extraId: IdSchema, quantity: v.optional(CountSchema(1, 100), 1) })), v.maxLength(50)), []),
  }),
  v.forward(v.partialCheck([['children'], ['childAges']], childrenAgree, CHILDREN_MESSAGE), ['childAges']),
);
export type RoomRequest = v.InferOutput<typeof RoomRequestSchema>;
export type RoomRequestInput = v.InferInput<typeof RoomRequestSchema>;

const stayFields = {
  checkIn: IsoDateSchema,
  checkOut: IsoDateSchema,
  rooms: v.pipe(v.array(RoomRequestSchema), v.minLength(1, 'Choose at least one room'), v.maxLength(20)),
  locale: v.optional(v.string()),
  promoCode: v.optional(PromoCodeSchema),
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
  /** SPEC 2.12: the children's ages, where the request gave them. */
  childAges: v.optional(v.array(v.number())),
  nightly: v.array(NightlySchema),
  roomTotal: v.number(),
  extras: v.array(ExtraLineSchema),
  extrasTotal: v.number(),
  /** SPEC 2.14: this room's share of the booking's discount (0 without one); `total` is after it. */
  discount: v.optional(v.number()),
  /** SPEC 2.13: this room's mandatory fees and exclusive taxes (absent on bookings made before them); `total` includes them. */
  fees: v.optional(v.number()),
  taxes: v.optional(v.number()),
  total: v.number(),
});
export type QuotedRoom = v.InferOutput<typeof QuotedRoomSchema>;

export const RateDepositSchema = v.object({
  rateId: v.string(),
  rateName: v.string(),
  type: v.picklist(['none', 'full', 'first_night', 'fixed', 'percentage']),
  amount: v.number(),
  message: v.string(),
  /** The rate's cancellation policy as quoted; a booking keeps it as agreed. Absent on bookings made before policies existed. */
  cancellation: v.optional(CancellationTermsSchema),
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
  /** SPEC 2.13: what the guest pays, line by line; the amounts sum to `total`. */
  lines: v.array(LineSchema),
  total: v.number(),
  depositDue: v.number(),
  balanceDue: v.number(),
  /** The code the request gave, and whether it applied (SPEC 2.14). */
  promo: v.optional(PromoAnswerSchema),
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
  v.object({
    ...stayFields,
    guest: GuestSchema,
    /** SPEC 2.15: `full` pays the whole total now, where every rate booked allows it (stripe mode). */
    payNow: v.optional(v.picklist(['deposit', 'full'], 'Expected deposit or full')),
  }),
  v.forward(v.partialCheck([['checkIn'], ['checkOut']], stayOrdered, STAY_ORDER_MESSAGE), ['checkOut']),
  v.forward(v.partialCheck([['checkIn'], ['checkOut']], stayWithinLimit, STAY_LENGTH_MESSAGE), ['checkOut']),
);
export type BookingRequest = v.InferOutput<typeof BookingRequestSchema>;

export const BOOKING_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled', 'expired'] as const;
export const BookingStatusSchema = v.picklist(BOOKING_STATUSES);
export type BookingStatus = v.InferOutput<typeof BookingStatusSchema>;

// SPEC 2.17: where the balance stands; null while the booking is not (or no longer) confirmed.
export const BALANCE_STATUSES = ['scheduled', 'paid', 'failed', 'at_property'] as const;
export const BalanceStatusSchema = v.picklist(BALANCE_STATUSES);
export type BalanceStatus = v.InferOutput<typeof BalanceStatusSchema>;

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
  /** SPEC 2.13: what the guest pays, line by line; the amounts sum to `total`. */
  lines: v.optional(v.array(LineSchema)),
  /** The promotion code the booking used (SPEC 2.14). */
  promoCode: v.optional(v.nullable(v.string())),
  total: v.number(),
  depositDue: v.number(),
  balanceDue: v.number(),
  paymentMode: PaymentModeSchema,
  amountPaid: v.number(),
  amountRefunded: v.number(),
  /** Manual mode: what a cancellation decided to give back, for the property to refund by hand (SPEC 2.16). */
  refundOwed: v.number(),
  balanceStatus: v.nullable(BalanceStatusSchema),
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
      /** SPEC 2.22: present (true) when no rate takes arrivals that night. */
      noArrival: v.optional(v.literal(true)),
      /** SPEC 2.22: present (true) when no rate lets a stay end that day. */
      noDeparture: v.optional(v.literal(true)),
      /** SPEC 2.22: present when every rate open for arrival that night needs a longer stay than one night: the shortest. */
      minNights: v.optional(v.number()),
      /** Present (true) on a public holiday of the property's country, open or not: calendars print it like a Sunday (issue 15). */
      holiday: v.optional(v.literal(true)),
    }),
  ),
});
export type Calendar = v.InferOutput<typeof CalendarSchema>;

/**
 * SPEC 2.16: how much a cancellation gives back: by the rate's policy, all or nothing of what is
 * left, or an amount. `true`/`false` are the pre-2.16 booleans, read as 'full' and 'none'.
 */
export const RefundChoiceSchema = v.union(
  [
    v.picklist(['policy', 'full', 'none']),
    v.object({ amount: MoneySchema }),
    v.pipe(
      v.boolean(),
      v.transform((refund) => (refund ? 'full' : 'none')),
    ),
  ],
  "Expected 'policy', 'full', 'none' or {amount}",
);
export type RefundChoice = v.InferOutput<typeof RefundChoiceSchema>;

/** The owner's cancellation (SPEC 2.9); `refund` defaults to 'policy' for the booking, 'full' for the payment only. */
export const CancelBookingSchema = v.object({
  scope: v.picklist(['booking', 'payment'], 'Expected booking or payment'),
  refund: v.optional(RefundChoiceSchema),
});
export type CancelBooking = v.InferOutput<typeof CancelBookingSchema>;

/** SPEC 2.16: what the guest's manage page shows about cancelling, as of the moment it asked. */
export const GuestCancellationSchema = v.object({
  /** The booking's policy in words; bands that can no longer be reached are left out. */
  summary: v.string(),
  /** What cancelling now would give back, in minor units. */
  refundIfCancelledNow: v.number(),
  /** Whether the guest may still cancel: a confirmed booking (or a live hold) up to the day of arrival. */
  cancellable: v.boolean(),
});

export const GuestBookingViewSchema = v.object({ booking: BookingSchema, cancellation: GuestCancellationSchema });

/**
 * The guest's cancellation request; a body is optional. `expectedRefund` is what the page showed:
 * when a tier boundary passed meanwhile, the cancel is 409 `refund_changed` and nothing changes.
 */
export const GuestCancelRequestSchema = v.strictObject({ expectedRefund: v.optional(MoneySchema) });
export type GuestCancelRequest = v.InferOutput<typeof GuestCancelRequestSchema>;

/**
 * The guest's cancellation: the booking, and what was given back (through Stripe, or owed by the
 * property in manual mode); `refundPending`, what Stripe did not take back at once, and who gives it
 * back: `stripe` (the server retries while Stripe is unreachable) or `property` (Stripe refused it,
 * the property makes it) (SPEC 2.16).
 */
export const GuestCancelledSchema = v.object({
  booking: BookingSchema,
  refunded: v.number(),
  refundPending: v.optional(v.number()),
  refundPendingBy: v.optional(v.picklist(['stripe', 'property'])),
});
export type GuestCancelled = v.InferOutput<typeof GuestCancelledSchema>;

/** SPEC 2.16, 2.17: a PaymentIntent for what the guest still owes, to confirm with Stripe's Payment Element. */
export const BalancePaymentSchema = v.object({ clientSecret: v.string(), publishableKey: v.string(), amount: v.number() });
export type BalancePayment = v.InferOutput<typeof BalancePaymentSchema>;

export const BookingListQuerySchema = v.object({
  status: v.optional(v.pipe(BookingStatusSchema, v.description('Only bookings in this state as of now: a hold past its expiry is expired, not pending, even before housekeeping marks it'))),
  from: v.optional(v.pipe(IsoDateSchema, v.description('Stays with a night on or after this date'))),
  to: v.optional(v.pipe(IsoDateSchema, v.description('Stays that start on or before this date (inclusive)'))),
  q: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(100),
      v.description('Search: the reference (DB-GJPCYH1R, any case, DB- optional), part of the guest’s first or last name or "first last", or their e-mail, any case'),
    ),
  ),
});

export const BookingViewSchema = v.object({ booking: BookingSchema });

export { DepositPolicySchema };
