// SPEC 2.8: deposits through Stripe. The server decides every amount, every write carries a
// deterministic idempotency key, and webhooks are only believed once their signature checks out.
import Stripe from 'stripe';
import { currencyExponent } from '../../shared/money.ts';
import {
  PaymentsError,
  type BalanceChargeRequest,
  type DepositIntentRequest,
  type IntentRef,
  type IntentState,
  type IntentStatus,
  type IntentType,
  type OffSessionCharge,
  type Payments,
  type RefundRequest,
  type RefundResult,
  type VerifiedEvent,
} from './payments.ts';

/**
 * Pinned so an SDK upgrade never silently changes the shape of what Stripe answers or sends to
 * the webhook (docs.stripe.com/api/versioning); the type makes an upgrade a deliberate edit.
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

export interface StripePaymentsOptions {
  secretKey: string;
  /** `whsec_…` of the webhook endpoint; without one, no event is ever accepted. */
  webhookSecret: string;
  /** E.g. `http://127.0.0.1:12345` for the stand-in (SPEC 5 `STRIPE_API_BASE`). */
  apiBase?: string;
  /** Per attempt. A guest is waiting, so far below the SDK's 80 s default. */
  timeoutMs?: number;
  /** Attempts after the first; the SDK retries with the same idempotency key. */
  maxNetworkRetries?: number;
  /** Judges webhook timestamps, so tests can move time. */
  clock?: () => Date;
}

export function createStripePayments(options: StripePaymentsOptions): Payments {
  const stripe = new Stripe(options.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    timeout: options.timeoutMs ?? 10_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    ...(options.apiBase ? hostOf(options.apiBase) : {}),
  });
  const clock = options.clock ?? (() => new Date());
  /** The deposit's intent, which holds the Customer (and saved card) a balance is charged to. */
  const depositOf = ({ deposit }: BalanceChargeRequest) => (deposit.type === 'payment' ? stripe.paymentIntents.retrieve(deposit.id) : stripe.setupIntents.retrieve(deposit.id));

  return {
    async createIntent(request: DepositIntentRequest): Promise<IntentRef> {
      const { bookingId } = request;
      if (!Number.isSafeInteger(request.amount) || request.amount < 0) {
        throw new PaymentsError('invalid_request', `A deposit must be a whole number of minor units, not ${request.amount}`, false);
      }
      return callStripe(async () => {
        const customer = await stripe.customers.create({ email: request.email, name: request.name, metadata: { bookingId } }, { idempotencyKey: `customer:${bookingId}` });
        if (request.amount > 0) {
          const intent = await stripe.paymentIntents.create(
            {
              amount: toStripeAmount(request.amount, request.currency),
              currency: request.currency.toLowerCase(),
              customer: customer.id,
              description: request.description,
              capture_method: 'automatic',
              // Keeps the card on the Customer so the owner can charge the balance later.
              setup_future_usage: 'off_session',
              automatic_payment_methods: { enabled: true },
              metadata: { bookingId },
            },
            { idempotencyKey: `deposit:${bookingId}` },
          );
          return { id: intent.id, type: 'payment', clientSecret: secretOf(intent) };
        }
        const intent = await stripe.setupIntents.create(
          {
            customer: customer.id,
            description: request.description,
            usage: 'off_session',
            automatic_payment_methods: { enabled: true },
            metadata: { bookingId },
          },
          { idempotencyKey: `setup:${bookingId}` },
        );
        return { id: intent.id, type: 'setup', clientSecret: secretOf(intent) };
      });
    },

    async createBalanceIntent(request: BalanceChargeRequest): Promise<IntentRef> {
      assertBalanceAmount(request.amount);
      return callStripe(async () => {
        const customer = idOf((await depositOf(request)).customer);
        const intent = await stripe.paymentIntents.create(
          {
            amount: toStripeAmount(request.amount, request.currency),
            currency: request.currency.toLowerCase(),
            ...(customer ? { customer } : {}),
            description: request.description,
            capture_method: 'automatic',
            automatic_payment_methods: { enabled: true },
            metadata: { bookingId: request.bookingId, purpose: 'balance' },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return { id: intent.id, type: 'payment', clientSecret: secretOf(intent) };
      });
    },

    async chargeOffSession(request: BalanceChargeRequest): Promise<OffSessionCharge> {
      assertBalanceAmount(request.amount);
      return callStripe(async () => {
        const deposit = await depositOf(request);
        const customer = idOf(deposit.customer);
        const paymentMethod = idOf(deposit.payment_method);
        if (!customer || !paymentMethod) return { outcome: 'declined', intentId: null, code: 'no_saved_payment_method' };
        try {
          // docs.stripe.com/payments/save-during-payment#charge-saved-payment-method
          const intent = await stripe.paymentIntents.create(
            {
              amount: toStripeAmount(request.amount, request.currency),
              currency: request.currency.toLowerCase(),
              customer,
              payment_method: paymentMethod,
              off_session: true,
              confirm: true,
              description: request.description,
              // Nobody is there to follow a redirect.
              automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
              metadata: { bookingId: request.bookingId, purpose: 'balance' },
            },
            { idempotencyKey: request.idempotencyKey },
          );
          if (intent.status === 'succeeded') return { outcome: 'succeeded', intentId: intent.id };
          if (intent.status === 'processing') return { outcome: 'processing', intentId: intent.id };
          if (intent.status === 'requires_action') return { outcome: 'authentication_required', intentId: intent.id, code: 'authentication_required' };
          return { outcome: 'declined', intentId: intent.id, code: intent.last_payment_error?.code ?? intent.status };
        } catch (error) {
          // A refusal comes as a card error carrying the PaymentIntent it left in requires_payment_method.
          if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
          const code = error.code ?? 'card_declined';
          return { outcome: code === 'authentication_required' ? 'authentication_required' : 'declined', intentId: error.payment_intent?.id ?? null, code };
        }
      });
    },

    async retrieveIntent(ref): Promise<IntentState> {
      return callStripe(async () => {
        if (ref.type === 'payment') {
          const intent = await stripe.paymentIntents.retrieve(ref.id);
          const currency = intent.currency.toUpperCase();
          return {
            id: intent.id,
            type: 'payment',
            status: statusOf(intent.status),
            amount: fromStripeAmount(intent.amount, currency),
            currency,
            bookingId: intent.metadata['bookingId'] ?? null,
          };
        }
        const intent = await stripe.setupIntents.retrieve(ref.id);
        return {
          id: intent.id,
          type: 'setup',
          status: statusOf(intent.status),
          amount: 0,
          currency: null,
          bookingId: intent.metadata?.['bookingId'] ?? null,
        };
      });
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      return callStripe(async () => {
        // A partial amount must be converted to Stripe's units, which needs the intent's currency.
        const amount = request.amount === undefined ? undefined : toStripeAmount(request.amount, (await stripe.paymentIntents.retrieve(request.intentId)).currency);
        const refund = await stripe.refunds.create(
          {
            payment_intent: request.intentId,
            ...(amount === undefined ? {} : { amount }),
            ...(request.reason ? { reason: request.reason } : {}),
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return {
          id: refund.id,
          amount: fromStripeAmount(refund.amount, refund.currency),
          status: refund.status ?? 'pending',
        };
      });
    },

    async chargeFee(intentId: string): Promise<number | null> {
      return callStripe(async () => {
        const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge.balance_transaction'] });
        const charge = intent.latest_charge;
        if (!charge || typeof charge === 'string' || charge.status !== 'succeeded') return null;
        const transaction = charge.balance_transaction;
        if (!transaction || typeof transaction === 'string') return null;
        return feeInChargeCurrency(transaction, intent.currency);
      });
    },

    async verifyWebhook(rawBody: string, signature: string | undefined): Promise<VerifiedEvent> {
      let event: Stripe.Event;
      try {
        // Stripe's default 300 s tolerance, measured against our clock (receivedAt is in ms).
        event = await stripe.webhooks.constructEventAsync(rawBody, signature ?? '', options.webhookSecret, undefined, undefined, clock().getTime());
      } catch (error) {
        throw new PaymentsError('bad_signature', 'Webhook signature could not be verified', false, {
          cause: error,
        });
      }
      return { eventId: event.id, type: event.type, intent: intentOf(event.data.object) };
    },
  };
}

function assertBalanceAmount(amount: number) {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new PaymentsError('invalid_request', `A balance must be a positive whole number of minor units, not ${amount}`, false);
  }
}

/** The id of a field Stripe answers either as an id or, expanded, as the object. */
function idOf(field: string | { id: string } | null | undefined): string | null {
  return typeof field === 'string' ? field : (field?.id ?? null);
}

/** `http://127.0.0.1:12345` → the SDK's host/port/protocol settings. */
function hostOf(apiBase: string): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/**
 * Stripe's minor unit differs from ISO 4217's for a few currencies: ISK and HUF stay two-decimal
 * in Stripe's API (docs.stripe.com/currencies#special-cases), so 100 means one króna or forint.
 */
const STRIPE_EXPONENT: Readonly<Record<string, number>> = { ISK: 2, HUF: 2 };

function stripeExponentOf(currency: string): number {
  const iso = currency.toUpperCase();
  return STRIPE_EXPONENT[iso] ?? currencyExponent(iso);
}

function stripeFactor(currency: string): number {
  return 10 ** (stripeExponentOf(currency) - currencyExponent(currency.toUpperCase()));
}

function toStripeAmount(amount: number, currency: string): number {
  return amount * stripeFactor(currency);
}

function fromStripeAmount(amount: number, currency: string): number {
  return Math.round(amount / stripeFactor(currency));
}

/**
 * The fee in the charge's currency. An account that settles in another currency records the fee in
 * that one; `exchange_rate` (charge × rate = settlement, in major units) takes it back.
 */
function feeInChargeCurrency(transaction: Stripe.BalanceTransaction, chargeCurrency: string): number {
  const settled = transaction.currency.toUpperCase();
  const charged = chargeCurrency.toUpperCase();
  if (settled === charged || !transaction.exchange_rate) return fromStripeAmount(transaction.fee, settled);
  const feeMajor = transaction.fee / 10 ** stripeExponentOf(settled) / transaction.exchange_rate;
  return Math.round(feeMajor * 10 ** currencyExponent(charged));
}

function secretOf(intent: { id: string; client_secret: string | null }): string {
  if (!intent.client_secret) throw new PaymentsError('unavailable', `${intent.id} has no client secret`, false);
  return intent.client_secret;
}

function statusOf(status: string): IntentStatus {
  switch (status) {
    case 'succeeded':
    case 'processing':
    case 'requires_action':
    case 'requires_payment_method':
    case 'canceled':
      return status;
    default:
      return 'other';
  }
}

/** Which intent an event is about: intents name themselves, charges and refunds point at theirs. */
function intentOf(object: unknown): { id: string; type: IntentType } | null {
  const data = object as { id?: unknown; object?: unknown; payment_intent?: unknown };
  if (typeof data.id !== 'string') return null;
  if (data.object === 'payment_intent') return { id: data.id, type: 'payment' };
  if (data.object === 'setup_intent') return { id: data.id, type: 'setup' };
  const paymentIntent = data.payment_intent;
  if (typeof paymentIntent === 'string') return { id: paymentIntent, type: 'payment' };
  if (paymentIntent && typeof (paymentIntent as { id?: unknown }).id === 'string') {
    return { id: (paymentIntent as { id: string }).id, type: 'payment' };
  }
  return null;
}

/** Runs Stripe calls and turns the SDK's errors into `PaymentsError`s (docs.stripe.com/error-handling). */
async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof Stripe.errors.StripeError ? toPaymentsError(error) : error;
  }
}

function toPaymentsError(error: Stripe.errors.StripeError): PaymentsError {
  const options = { cause: error };
  if (error instanceof Stripe.errors.StripeCardError) {
    return new PaymentsError('card_declined', error.message, false, options);
  }
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeRateLimitError) {
    return new PaymentsError('unavailable', `Stripe is unreachable: ${error.message}`, true, options);
  }
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
    // A wrong key will not fix itself by retrying; it is the owner's configuration.
    return new PaymentsError('unavailable', `Stripe refused our API key: ${error.message}`, false, options);
  }
  return new PaymentsError('invalid_request', error.message, false, options);
}
