// Row shapes of the database, shared by the SQLite and PostgreSQL dialects.
// Booleans are 0/1 integers and lists are JSON text so that both dialects store the same thing.
import type { Generated } from 'kysely';

export interface PropertiesTable {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  country: string | null;
  locale: string;
  payment_mode: string;
  accepted_card_brands: string;
  allowed_origins: string;
  email: string | null;
  description: string | null;
  closures: string;
  created_at: string;
  page_indexed: number;
  max_rooms_per_booking: number;
  booking_horizon_months: number;
  /** SPEC 2.17: null means the balance is paid at the property (014). */
  balance_days_before_arrival: number | null;
  /** SPEC 2.23 (020): until_deposit_charged or until_checkout. */
  card_retention: string;
  /** SPEC 2.13 (019): JSON lists of the property's taxes and fees, and `total` or `base`. */
  taxes: string;
  fees: string;
  price_display: string;
  /** SPEC 2.11 (025): profile fields and per-language texts as JSON; null before 025. */
  profile: string | null;
  /** Issue 13 (027): counts the owner's writes; a cached catalog of an older version is stale. */
  catalog_version: Generated<number>;
}

export interface RoomTypesTable {
  id: string;
  property_id: string;
  name: string;
  description: string | null;
  max_guests: number;
  units: number;
  images: string;
  archived_at: string | null;
  created_at: string;
  ical_token: string | null;
  /** SPEC 2.12 (018): null means maxGuests. */
  base_occupancy: number | null;
  max_adults: number | null;
  max_children: number | null;
  /** SPEC 2.11 (025): `{name?, description?}` given per language, as JSON; null when plain. */
  texts: string | null;
}

export interface RatesTable {
  id: string;
  property_id: string;
  room_type_id: string;
  name: string;
  description: string | null;
  nightly_price: number;
  deposit: string;
  min_nights: number | null;
  max_nights: number | null;
  bookable_from: string | null;
  bookable_until: string | null;
  max_rooms_per_night: number | null;
  max_rooms_total: number | null;
  arrival_dates: string | null;
  refundable: number;
  /** SPEC 2.16: `{tiers}` as JSON; 011 filled it from refundable for older rates. */
  cancellation_policy: string;
  /** SPEC 2.15: 1 when the guest may pay the whole total now. */
  pay_in_full: number;
  /** SPEC 2.12 (018): per night per adult beyond the base, and `[{maxAge, amount}]` as JSON. */
  extra_adult_price: number;
  child_prices: string;
  sold_total: number;
  /** SPEC 2.21 (024): the parent of a derived rate, and its adjustment `{percent}` or `{amount}` as JSON. */
  derived_from_rate_id: string | null;
  derived_adjust: string | null;
  archived_at: string | null;
  created_at: string;
  /** SPEC 2.11 (025): `{name?, description?}` given per language, as JSON; null when plain. */
  texts: string | null;
}

export interface PriceOverridesTable {
  rate_id: string;
  room_type_id: string;
  date: string;
  amount: number;
}

/** SPEC 2.21: weekday patterns (weekdays a JSON array) and open-ended prices (weekdays null). */
export interface PricePatternsTable {
  rate_id: string;
  room_type_id: string;
  seq: number;
  from_date: string;
  to_date: string | null;
  weekdays: string | null;
  amount: number;
}

/** SPEC 2.22: restrictions by date (weekdays a JSON array; each rule null where the entry leaves it; flags 0/1). */
export interface RateRestrictionsTable {
  rate_id: string;
  seq: number;
  from_date: string;
  to_date: string | null;
  weekdays: string | null;
  min_nights: number | null;
  max_nights: number | null;
  closed_to_arrival: number | null;
  closed_to_departure: number | null;
}

/** SPEC 2.21 (024): the room types a rate (plan) covers, with each one's default price. */
export interface RateRoomTypesTable {
  rate_id: string;
  room_type_id: string;
  position: number;
  nightly_price: number;
}

export interface ExtrasTable {
  id: string;
  property_id: string;
  name: string;
  description: string | null;
  price: number;
  per: string;
  /** Null: the default for `per` (shared/extra-quantity.ts). */
  max_quantity: number | null;
  archived_at: string | null;
  created_at: string;
  /** SPEC 2.11 (025): `{name?, description?}` given per language, as JSON; null when plain. */
  texts: string | null;
}

/** Units taken per room type and night: the row the atomic `sold + n <= units` update guards. */
export interface InventoryTable {
  room_type_id: string;
  date: string;
  sold: number;
}

/** Rooms sold per rate and night, for a rate's maxRoomsPerNight. */
export interface RateInventoryTable {
  rate_id: string;
  date: string;
  sold: number;
}

export interface BookingsTable {
  id: string;
  property_id: string;
  reference: string;
  status: string;
  check_in: string;
  check_out: string;
  currency: string;
  locale: string;
  guest: string;
  quote: string;
  total: number;
  deposit_due: number;
  balance_due: number;
  payment_mode: string;
  amount_paid: number;
  amount_refunded: number;
  client_token_hash: string;
  idempotency_key: string | null;
  request_hash: string | null;
  intent_id: string | null;
  intent_type: string | null;
  card_blob: string | null;
  card_brand: string | null;
  card_last4: string | null;
  card_exp_month: number | null;
  card_exp_year: number | null;
  expires_at: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  deposit_charged_at: string | null;
  card_purged_at: string | null;
  payment_refused_at: string | null;
  /** The client that asked for the hold (address or IPv6 /64), for the live-holds limit; null before 008. */
  client_key: string | null;
  /** The guest's e-mail in lower case, for the live-holds limit; null before 008. */
  guest_email: string | null;
  /** Manual mode: what a cancellation decided the property must refund by hand (011). */
  refund_owed: number;
  /** SPEC 2.17: scheduled, paid, failed or at_property; null before confirmation (014). */
  balance_status: string | null;
  /** SPEC 2.14: the promotion whose use this booking holds, and its code as the guest gave it. */
  promo_id: string | null;
  promo_code: string | null;
}

export interface PromotionsTable {
  id: string;
  property_id: string;
  code: string;
  code_key: string;
  name: string;
  discount: string;
  rate_ids: string | null;
  stay_from: string | null;
  stay_until: string | null;
  book_from: string | null;
  book_until: string | null;
  min_nights: number | null;
  max_uses: number | null;
  uses: number;
  active: number;
  created_at: string;
}

export interface BookingRefundsTable {
  refund_id: string;
  booking_id: string;
  amount: number;
  created_at: string;
  /** The PaymentIntent refunded; null on refunds recorded before balances had intents of their own (all the deposit's). */
  intent_id: string | null;
}

/** SPEC 2.17: a PaymentIntent for a booking's balance; `paid_at` is set once, when its money is counted. */
export interface BalancePaymentsTable {
  intent_id: string;
  booking_id: string;
  amount: number;
  created_at: string;
  paid_at: string | null;
}

/** SPEC 2.23: a balance payment the owner recorded by hand (020). */
export interface RecordedPaymentsTable {
  id: string;
  booking_id: string;
  amount: number;
  method: string;
  note: string | null;
  recorded_at: string;
}

/** SPEC 2.20: a succeeded Stripe charge of a booking (deposit or balance intent) and its fee once read (012). */
export interface StripeChargesTable {
  intent_id: string;
  booking_id: string;
  paid_at: string;
  fee: number | null;
}

/** The units a booking holds, so expiry and cancellation give back exactly what was taken. */
export interface BookingNightsTable {
  booking_id: string;
  room_type_id: string;
  rate_id: string;
  date: string;
  rooms: number;
}

export interface WebhookEventsTable {
  event_id: string;
  type: string;
  received_at: string;
}

export interface CardRevealsTable {
  id: string;
  booking_id: string;
  property_id: string;
  key_fingerprint: string;
  /** Null on reveals recorded before keys had ids (migration 009). */
  key_id: string | null;
  key_name: string | null;
  reason: string | null;
  ip: string;
  user_agent: string | null;
  revealed_at: string;
}

/** An owner key: only the SHA-256 of `dbk.<pid>.<secret>` is kept. */
export interface PropertyKeysTable {
  id: string;
  property_id: string;
  name: string;
  /** JSON array of scopes. */
  scopes: string;
  key_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A stored card's data key, wrapped under the vault key `kid`; deleting the row crypto-shreds the card. */
export interface CardKeysTable {
  booking_id: string;
  kid: string;
  wrapped_key: string;
  iv: string;
  tag: string;
  created_at: string;
}

/** A fixed-window rate-limit counter; `reset_at` in epoch milliseconds. */
export interface RateLimitBucketsTable {
  key: string;
  hits: number;
  reset_at: number;
}

/** Issue 11: the durable job queue (server/jobs/queue.ts); mail, balance charges, webhook deliveries. */
export interface JobsTable {
  /** Autoincrement: enqueue order, which ordering keys follow. */
  id: Generated<number>;
  kind: string;
  /** Unique: the same key is enqueued once. */
  key: string;
  payload: string;
  ordering_key: string | null;
  status: string;
  run_at: string;
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** SPEC 2.18: an owner's webhook endpoint. `events` is JSON, or null for every event. */
export interface WebhookEndpointsTable {
  id: string;
  property_id: string;
  url: string;
  events: string | null;
  description: string | null;
  /** The `whsec_…` signing secret: the server signs with it, so it is kept as is and never listed. */
  secret: string;
  status: string;
  created_at: string;
  failing_since: string | null;
  disabled_at: string | null;
}

/** SPEC 2.18: one attempt to deliver one event to one endpoint. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  booking_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: string;
}

export interface CalendarsTable {
  id: string;
  property_id: string;
  room_type_id: string;
  name: string;
  url: string;
  created_at: string;
  next_sync_at: string;
  claimed_until: string | null;
  last_sync_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  event_count: number;
  blocked_count: number;
}

export interface CalendarBlocksTable {
  calendar_id: string;
  room_type_id: string;
  date: string;
  uid: string;
  summary: string;
}

export interface CalendarConflictsTable {
  calendar_id: string;
  date: string;
  uid: string;
  summary: string;
  booking_id: string | null;
  found_at: string;
}

export interface Database {
  properties: PropertiesTable;
  room_types: RoomTypesTable;
  rates: RatesTable;
  price_overrides: PriceOverridesTable;
  price_patterns: PricePatternsTable;
  rate_restrictions: RateRestrictionsTable;
  rate_room_types: RateRoomTypesTable;
  extras: ExtrasTable;
  inventory: InventoryTable;
  rate_inventory: RateInventoryTable;
  bookings: BookingsTable;
  promotions: PromotionsTable;
  booking_nights: BookingNightsTable;
  booking_refunds: BookingRefundsTable;
  balance_payments: BalancePaymentsTable;
  recorded_payments: RecordedPaymentsTable;
  stripe_charges: StripeChargesTable;
  webhook_events: WebhookEventsTable;
  card_reveals: CardRevealsTable;
  card_keys: CardKeysTable;
  property_keys: PropertyKeysTable;
  jobs: JobsTable;
  rate_limit_buckets: RateLimitBucketsTable;
  calendars: CalendarsTable;
  calendar_blocks: CalendarBlocksTable;
  calendar_conflicts: CalendarConflictsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
