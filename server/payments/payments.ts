// SPEC 2.8: the one payments interface the server uses; Stripe is one implementation of it.

export type IntentType = 'payment' | 'setup';

/** What the server knows in advance about a deposit; amounts are ISO minor units (SPEC 2.1). */
export interface DepositIntentRequest {
  bookingId: string;
  /** The deposit due now; 0 means "keep the card" (a SetupIntent). */
  amount: number;
  /** ISO 4217 code, e.g. `USD`. */
  currency: string;
  email: string;
  name: string;
  description: string;
}

/**
 * SPEC 2.16, 2.17: what the guest still owes after the deposit, paid on their manage page or
 * charged on the deposit's saved card while they are away.
 */
export interface BalanceChargeRequest {
  bookingId: string;
  /** ISO minor units, more than 0. */
  amount: number;
  currency: string;
  /** The deposit's intent, whose Customer (and saved card) the balance is charged to. */
  deposit: { id: string; type: IntentType };
  description: string;
  /**
   * The manage page's: deterministic per amount owed, so asking twice returns the same intent.
   * Off-session: one per booking (`balance:{bookingId}`), so a charge retried or run twice is made once.
   */
  idempotencyKey: string;
}

/**
 * How an off-session charge ended. A refusal is an outcome, not an error: `declined` (the bank said
 * no, or there is no saved card) and `authentication_required` (the bank wants the guest present,
 * e.g. 3-D Secure) both mean the guest must pay on their manage page. `code` is Stripe's error code.
 */
export type OffSessionCharge = { outcome: 'succeeded'; intentId: string } | { outcome: 'processing'; intentId: string } | OffSessionRefusal;

export interface OffSessionRefusal {
  outcome: 'declined' | 'authentication_required';
  intentId: string | null;
  code: string;
}

/** An intent the widget confirms in the browser with `clientSecret`. */
export interface IntentRef {
  id: string;
  type: IntentType;
  clientSecret: string;
}

export type IntentStatus = 'succeeded' | 'processing' | 'requires_action' | 'requires_payment_method' | 'canceled' | 'other';

/** The intent as the provider sees it now; the server trusts this, never a webhook's copy. */
export interface IntentState {
  id: string;
  type: IntentType;
  status: IntentStatus;
  /** ISO minor units; 0 for a SetupIntent. */
  amount: number;
  /** ISO 4217, upper case; null for a SetupIntent, which moves no money. */
  currency: string | null;
  bookingId: string | null;
}

export interface RefundRequest {
  intentId: string;
  /** ISO minor units; omitted refunds everything not yet refunded. */
  amount?: number;
  /** Deterministic per refund, e.g. `refund:{bookingId}:{n}` (SPEC 2.8). */
  idempotencyKey: string;
  reason?: 'requested_by_customer' | 'duplicate' | 'fraudulent';
}

export interface RefundResult {
  id: string;
  amount: number;
  status: string;
}

export interface VerifiedEvent {
  eventId: string;
  type: string;
  /** The intent the event concerns, to be re-read with `retrieveIntent`; null for other events. */
  intent: { id: string; type: IntentType } | null;
}

export interface Payments {
  /**
   * A PaymentIntent for exactly `amount` (automatic capture, card kept with
   * `setup_future_usage: off_session`) or, for 0, a SetupIntent for off-session use, both on a
   * Customer so the owner can charge the balance later. Calling it again for the same booking
   * returns the same intent.
   */
  createIntent(request: DepositIntentRequest): Promise<IntentRef>;
  /** A PaymentIntent for the balance on the deposit's Customer, marked `purpose: balance` so it is never taken for a deposit. */
  createBalanceIntent(request: BalanceChargeRequest): Promise<IntentRef>;
  /** Creates and confirms, off-session, a PaymentIntent for the balance on the deposit's Customer and card, marked `purpose: balance`. */
  chargeOffSession(request: BalanceChargeRequest): Promise<OffSessionCharge>;
  retrieveIntent(ref: { id: string; type: IntentType }): Promise<IntentState>;
  /** Refunds (part of) a succeeded PaymentIntent. */
  refund(request: RefundRequest): Promise<RefundResult>;
  /**
   * SPEC 2.20: the provider's fee on a PaymentIntent's latest charge, from its balance transaction,
   * in ISO minor units of the intent's currency; null while there is no succeeded charge with one.
   */
  chargeFee(intentId: string): Promise<number | null>;
  /** Checks a webhook's signature on the raw body; throws `PaymentsError('bad_signature')` otherwise. */
  verifyWebhook(rawBody: string, signature: string | undefined): Promise<VerifiedEvent>;
}

export type PaymentsErrorCode = 'bad_signature' | 'card_declined' | 'unavailable' | 'invalid_request';

/**
 * The only error `Payments` throws for provider trouble. `retryable` says whether the same call
 * may succeed later (network failure, timeout, provider 5xx), so callers can answer 503 and keep
 * the booking pending instead of failing it.
 */
export class PaymentsError extends Error {
  override readonly name = 'PaymentsError';

  constructor(
    readonly code: PaymentsErrorCode,
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
