// Row shapes of the database, shared by the SQLite and PostgreSQL dialects.
// Booleans are 0/1 integers and lists are JSON text so that both dialects store the same thing.

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
  sold_total: number;
  archived_at: string | null;
  created_at: string;
}

export interface PriceOverridesTable {
  rate_id: string;
  date: string;
  amount: number;
}

export interface ExtrasTable {
  id: string;
  property_id: string;
  name: string;
  description: string | null;
  price: number;
  per: string;
  archived_at: string | null;
  created_at: string;
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
}

export interface BookingRefundsTable {
  refund_id: string;
  booking_id: string;
  amount: number;
  created_at: string;
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

export interface MailQueueTable {
  id: string;
  message_id: string;
  /** The whole message as JSON: from, to, replyTo, subject, text, html, messageId. */
  message: string;
  status: string;
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
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
  extras: ExtrasTable;
  inventory: InventoryTable;
  rate_inventory: RateInventoryTable;
  bookings: BookingsTable;
  booking_nights: BookingNightsTable;
  booking_refunds: BookingRefundsTable;
  webhook_events: WebhookEventsTable;
  card_reveals: CardRevealsTable;
  card_keys: CardKeysTable;
  property_keys: PropertyKeysTable;
  mail_queue: MailQueueTable;
  rate_limit_buckets: RateLimitBucketsTable;
  calendars: CalendarsTable;
  calendar_blocks: CalendarBlocksTable;
  calendar_conflicts: CalendarConflictsTable;
}
