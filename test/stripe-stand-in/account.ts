// The stand-in's Stripe account: what exists, and how intents, charges and refunds change state
// (docs.stripe.com/payments/paymentintents/lifecycle, docs.stripe.com/payments/setupintents/lifecycle).
import { checkChargeAmount, formatAmount } from './currencies.ts';
import { cardError, invalidParam, invalidRequest, StripeFailure } from './errors.ts';
import { settle, type Settlement } from './fees.ts';
import {
  clientSecretFor,
  paymentMethodFrom,
  randomId,
  snapshot,
  type BalanceTransaction,
  type Charge,
  type Customer,
  type LastError,
  type PaymentIntent,
  type PaymentMethod,
  type Refund,
  type SetupIntent,
  type StripeEvent,
  type StripeObject,
} from './objects.ts';
import { outcomeOf, TEST_CARDS, type TestCard } from './test-cards.ts';

/** Who caused a change, as events report it in `request`. */
export interface Cause {
  requestId: string | null;
  idempotencyKey: string | null;
}

export interface CustomerInput {
  email?: string;
  name?: string;
  description?: string;
  phone?: string;
  metadata: Record<string, string>;
}

interface Confirmation {
  paymentMethod?: string;
  returnUrl?: string;
  /** The customer is not there to authenticate: a card that asks for it is declined instead. */
  offSession?: boolean;
}

interface IntentInput extends Confirmation {
  customer?: string;
  description?: string;
  metadata: Record<string, string>;
  automaticPaymentMethods?: { enabled: boolean; allowRedirects?: 'always' | 'never' };
  paymentMethodTypes: string[];
  confirm: boolean;
}

export interface PaymentIntentInput extends IntentInput {
  amount: number;
  currency: string;
  captureMethod?: PaymentIntent['capture_method'];
  setupFutureUsage?: 'on_session' | 'off_session';
  receiptEmail?: string;
}

export interface SetupIntentInput extends IntentInput {
  usage?: SetupIntent['usage'];
}

export interface RefundInput {
  paymentIntent?: string;
  charge?: string;
  amount?: number;
  reason?: string;
  metadata: Record<string, string>;
}

type Intent = PaymentIntent | SetupIntent;

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export class Account {
  private readonly objects = new Map<string, StripeObject>();
  /** The test card behind every PaymentMethod, so a saved card keeps behaving like its number. */
  private readonly cards = new Map<string, TestCard>();

  constructor(
    private readonly options: {
      now: () => number;
      apiVersion: string;
      onEvent: (event: StripeEvent) => void;
      settlement?: Settlement;
    },
  ) {}

  get(id: string): StripeObject | undefined {
    return this.objects.get(id);
  }

  /** The live object with this id, if it exists and is of `kind`. */
  find<T extends StripeObject>(kind: T['object'], id: string): T | undefined {
    const object = this.objects.get(id);
    return object?.object === kind ? (object as T) : undefined;
  }

  all<T extends StripeObject>(kind: T['object']): T[] {
    return [...this.objects.values()].filter((object): object is T => object.object === kind);
  }

  createCustomer(input: CustomerInput): Customer {
    return this.store<Customer>({
      id: randomId('cus', 14),
      object: 'customer',
      balance: 0,
      created: this.options.now(),
      description: input.description ?? null,
      email: input.email ?? null,
      invoice_settings: { default_payment_method: null },
      livemode: false,
      metadata: input.metadata,
      name: input.name ?? null,
      phone: input.phone ?? null,
    });
  }

  createPaymentIntent(input: PaymentIntentInput, cause: Cause): PaymentIntent {
    checkChargeAmount(input.amount, input.currency);
    const id = randomId('pi');
    const intent = this.store<PaymentIntent>({
      id,
      object: 'payment_intent',
      amount: input.amount,
      amount_capturable: 0,
      amount_received: 0,
      ...this.intentBase(id, input),
      canceled_at: null,
      // Stripe's default for new PaymentIntents (docs.stripe.com/api/payment_intents/create).
      capture_method: input.captureMethod ?? 'automatic_async',
      confirmation_method: 'automatic',
      currency: input.currency,
      last_payment_error: null,
      latest_charge: null,
      receipt_email: input.receiptEmail ?? null,
      setup_future_usage: input.setupFutureUsage ?? null,
    });
    return this.afterCreate(intent, input, cause);
  }

  createSetupIntent(input: SetupIntentInput, cause: Cause): SetupIntent {
    const id = randomId('seti');
    const intent = this.store<SetupIntent>({
      id,
      object: 'setup_intent',
      ...this.intentBase(id, input),
      last_setup_error: null,
      usage: input.usage ?? 'off_session',
    });
    return this.afterCreate(intent, input, cause);
  }

  /** The guest confirms (API or browser): the card decides between success, 3DS and a decline. */
  confirm<T extends Intent>(intent: T, confirmation: Confirmation, cause: Cause): T {
    if (!CONFIRMABLE.includes(intent.status)) {
      const name = intent.object === 'payment_intent' ? 'PaymentIntent' : 'SetupIntent';
      throw invalidRequest(
        `You cannot confirm this ${name} because it has a status of ${intent.status}. Only a ${name} with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
        { code: `${intent.object}_unexpected_state` },
      );
    }
    const paymentMethodId = confirmation.paymentMethod ?? intent.payment_method;
    if (!paymentMethodId) throw missingPaymentMethod(intent.object);
    const { paymentMethod, card } = this.paymentMethodFor(paymentMethodId, intent.customer);
    const outcome = outcomeOf(card, intent.object, confirmation.offSession ?? false);
    if (outcome.kind === 'authenticate') {
      Object.assign(intent, {
        status: 'requires_action',
        payment_method: paymentMethod.id,
        next_action: confirmation.returnUrl
          ? {
              type: 'redirect_to_url',
              redirect_to_url: {
                url: `https://hooks.stripe.com/3d_secure_2/hosted?intent=${intent.id}`,
                return_url: confirmation.returnUrl,
              },
            }
          : {
              type: 'use_stripe_sdk',
              use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: `https://hooks.stripe.com/redirect/authenticate/${intent.id}` },
            },
      });
      return intent;
    }
    if (outcome.kind === 'success') return this.settle(intent, paymentMethod, cause);
    const lastError: LastError = {
      type: 'card_error',
      code: outcome.code,
      decline_code: outcome.declineCode,
      message: outcome.message,
      payment_method: snapshot(paymentMethod),
    };
    const related: Record<string, unknown> = { payment_method: snapshot(paymentMethod) };
    if (intent.object === 'payment_intent') {
      const charge = this.charge(intent, paymentMethod, outcome);
      lastError.charge = charge.id;
      related['charge'] = charge.id;
    }
    this.fail(intent, lastError, cause);
    related[intent.object] = snapshot(intent);
    throw cardError(outcome.code, outcome.declineCode, outcome.message, related);
  }

  /** The guest finishes (or abandons) 3D Secure for an intent in `requires_action`. */
  authenticate<T extends Intent>(intent: T, succeeded: boolean, cause: Cause): T {
    if (intent.status !== 'requires_action') {
      throw new Error(`${intent.id} has status ${intent.status}, not requires_action`);
    }
    const paymentMethod = this.find<PaymentMethod>('payment_method', intent.payment_method ?? '');
    if (!paymentMethod) throw new Error(`${intent.id} has no payment method to authenticate`);
    if (succeeded) return this.settle(intent, paymentMethod, cause);
    return this.fail(
      intent,
      {
        type: 'invalid_request_error',
        code: `${intent.object}_authentication_failure`,
        message: 'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
        payment_method: snapshot(paymentMethod),
      },
      cause,
    );
  }

  createRefund(input: RefundInput, cause: Cause): Refund {
    const charge = this.refundableCharge(input);
    const remaining = charge.amount_captured - charge.amount_refunded;
    if (remaining === 0) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    }
    const amount = input.amount ?? remaining;
    if (amount < 1) throw invalidParam('amount', 'Invalid positive integer', 'parameter_invalid_integer');
    if (amount > remaining) {
      throw invalidRequest(`Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`, {
        param: 'amount',
      });
    }
    const refund = this.store<Refund>({
      id: randomId('re'),
      object: 'refund',
      amount,
      balance_transaction: randomId('txn'),
      charge: charge.id,
      created: this.options.now(),
      currency: charge.currency,
      metadata: input.metadata,
      payment_intent: charge.payment_intent,
      reason: input.reason ?? null,
      status: 'succeeded',
    });
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    this.emit('charge.refunded', charge, cause);
    return refund;
  }

  private intentBase(id: string, input: IntentInput) {
    if (input.automaticPaymentMethods && input.paymentMethodTypes.length > 0) {
      throw invalidRequest('You may only specify one of these parameters: automatic_payment_methods, payment_method_types.', {
        code: 'parameters_exclusive',
        param: 'automatic_payment_methods',
      });
    }
    if (input.customer !== undefined && !this.find('customer', input.customer)) {
      throw invalidRequest(`No such customer: '${input.customer}'`, { param: 'customer', code: 'resource_missing' });
    }
    if (input.paymentMethod !== undefined && !TEST_CARDS[input.paymentMethod] && !this.cards.has(input.paymentMethod)) {
      throw noSuchPaymentMethod(input.paymentMethod);
    }
    if (input.confirm && input.paymentMethod === undefined) throw missingPaymentMethod('payment_intent');
    // Since API version 2023-08-16 an intent without payment_method_types uses the Dashboard's methods.
    const automatic = input.paymentMethodTypes.length === 0 && input.automaticPaymentMethods?.enabled !== false;
    return {
      automatic_payment_methods: automatic ? { allow_redirects: input.automaticPaymentMethods?.allowRedirects ?? 'always', enabled: true } : null,
      cancellation_reason: null,
      client_secret: clientSecretFor(id),
      created: this.options.now(),
      customer: input.customer ?? null,
      description: input.description ?? null,
      livemode: false as const,
      metadata: input.metadata,
      next_action: null,
      payment_method: null,
      payment_method_types: input.paymentMethodTypes.length > 0 ? input.paymentMethodTypes : ['card'],
      status: input.paymentMethod ? ('requires_confirmation' as const) : ('requires_payment_method' as const),
    };
  }

  private afterCreate<T extends Intent>(intent: T, input: IntentInput, cause: Cause): T {
    if (input.paymentMethod === undefined) return intent;
    if (input.confirm) return this.confirm(intent, input, cause);
    intent.payment_method = this.paymentMethodFor(input.paymentMethod, intent.customer).paymentMethod.id;
    return intent;
  }

  /**
   * A test PaymentMethod id (`pm_card_visa`) becomes a new PaymentMethod; a saved one is reused, but
   * only on the Customer it was saved to (docs.stripe.com/payments/payment-methods#reuse).
   */
  private paymentMethodFor(id: string, customer: string | null): { paymentMethod: PaymentMethod; card: TestCard } {
    const saved = this.find<PaymentMethod>('payment_method', id);
    const savedCard = this.cards.get(id);
    if (saved && savedCard) {
      if (saved.customer === null) {
        throw invalidRequest('This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.', {
          param: 'payment_method',
        });
      }
      if (saved.customer !== customer) {
        throw invalidRequest(`The provided PaymentMethod belongs to Customer ${saved.customer}; pass customer=${saved.customer} to use it.`, { param: 'customer' });
      }
      return { paymentMethod: saved, card: savedCard };
    }
    const card = TEST_CARDS[id];
    if (!card) throw noSuchPaymentMethod(id);
    const paymentMethod = this.store(paymentMethodFrom(card.brand, card.last4, this.options.now()));
    this.cards.set(paymentMethod.id, card);
    return { paymentMethod, card };
  }

  private settle<T extends Intent>(intent: T, paymentMethod: PaymentMethod, cause: Cause): T {
    Object.assign(intent, { payment_method: paymentMethod.id, next_action: null });
    const keepsCard = intent.object === 'setup_intent' || intent.setup_future_usage !== null;
    // Saving for later attaches the card to the intent's Customer (docs.stripe.com/payments/save-during-payment).
    if (keepsCard && intent.customer) paymentMethod.customer = intent.customer;
    if (intent.object === 'setup_intent') {
      Object.assign(intent, { status: 'succeeded', last_setup_error: null });
      this.emit('setup_intent.succeeded', intent, cause);
      return intent;
    }
    const charge = this.charge(intent, paymentMethod, { kind: 'success' });
    const manual = intent.capture_method === 'manual';
    Object.assign(intent, {
      status: manual ? 'requires_capture' : 'succeeded',
      amount_capturable: manual ? intent.amount : 0,
      amount_received: manual ? 0 : intent.amount,
      latest_charge: charge.id,
      last_payment_error: null,
    });
    if (!manual) this.emit('payment_intent.succeeded', intent, cause);
    return intent;
  }

  private fail<T extends Intent>(intent: T, lastError: LastError, cause: Cause): T {
    Object.assign(intent, { status: 'requires_payment_method', payment_method: null, next_action: null });
    if (intent.object === 'setup_intent') {
      intent.last_setup_error = lastError;
      this.emit('setup_intent.setup_failed', intent, cause);
    } else {
      Object.assign(intent, { last_payment_error: lastError, latest_charge: lastError.charge ?? intent.latest_charge });
      this.emit('payment_intent.payment_failed', intent, cause);
    }
    return intent;
  }

  private charge(intent: PaymentIntent, paymentMethod: PaymentMethod, outcome: TestCard['outcome']): Charge {
    const declined = outcome.kind === 'decline';
    const captured = !declined && intent.capture_method !== 'manual';
    const id = randomId('ch');
    return this.store<Charge>({
      id,
      object: 'charge',
      amount: intent.amount,
      amount_captured: captured ? intent.amount : 0,
      amount_refunded: 0,
      balance_transaction: captured ? this.balanceTransaction(id, intent.amount, intent.currency).id : null,
      captured,
      created: this.options.now(),
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      failure_code: declined ? outcome.code : null,
      failure_message: declined ? outcome.message : null,
      livemode: false,
      metadata: {},
      outcome: declined
        ? { network_status: 'declined_by_network', type: 'issuer_declined', seller_message: 'The bank did not return any further details with this decline.' }
        : { network_status: 'approved_by_network', type: 'authorized', seller_message: 'Payment complete.' },
      paid: !declined,
      payment_intent: intent.id,
      payment_method: paymentMethod.id,
      refunded: false,
      status: declined ? 'failed' : 'succeeded',
    });
  }

  /** Captured money enters the balance with Stripe's fee taken (docs.stripe.com/reports/balance-transaction-types). */
  private balanceTransaction(source: string, amount: number, currency: string): BalanceTransaction {
    const settled = settle(amount, currency, this.options.settlement);
    const created = this.options.now();
    return this.store<BalanceTransaction>({
      id: randomId('txn'),
      object: 'balance_transaction',
      amount: settled.amount,
      // Card funds become available two days later on a standard US account.
      available_on: created + 2 * 86_400,
      created,
      currency: settled.currency,
      exchange_rate: settled.exchangeRate,
      fee: settled.fee,
      fee_details: [{ amount: settled.fee, currency: settled.currency, description: 'Stripe processing fees', type: 'stripe_fee' }],
      net: settled.amount - settled.fee,
      source,
      status: 'pending',
      type: 'charge',
    });
  }

  private refundableCharge(input: RefundInput): Charge {
    if (input.paymentIntent !== undefined) {
      const intent = this.find<PaymentIntent>('payment_intent', input.paymentIntent);
      if (!intent) {
        throw invalidRequest(`No such payment_intent: '${input.paymentIntent}'`, {
          param: 'payment_intent',
          code: 'resource_missing',
        });
      }
      const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? '');
      const charge = intent.status === 'succeeded' ? this.find<Charge>('charge', chargeId) : undefined;
      if (!charge) {
        throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
          param: 'payment_intent',
        });
      }
      return charge;
    }
    if (input.charge === undefined) {
      throw new StripeFailure(400, { type: 'invalid_request_error', message: 'One of the following params should be provided for this request: payment_intent or charge.' }, true);
    }
    const charge = this.find<Charge>('charge', input.charge);
    if (!charge || !charge.captured) {
      throw invalidRequest(`No such charge: '${input.charge}'`, { param: 'charge', code: 'resource_missing' });
    }
    return charge;
  }

  private emit(type: string, object: StripeObject, cause: Cause): void {
    const event = this.store<StripeEvent>({
      id: randomId('evt'),
      object: 'event',
      api_version: this.options.apiVersion,
      created: this.options.now(),
      data: { object: snapshot(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: cause.requestId, idempotency_key: cause.idempotencyKey },
      type,
    });
    this.options.onEvent(event);
  }

  private store<T extends StripeObject>(object: T): T {
    this.objects.set(object.id, object);
    return object;
  }
}

function noSuchPaymentMethod(id: string): StripeFailure {
  return invalidRequest(`No such PaymentMethod: '${id}'`, { param: 'payment_method', code: 'resource_missing' });
}

function missingPaymentMethod(kind: Intent['object']): StripeFailure {
  return invalidRequest('You cannot confirm this intent because it is missing a payment method. Update it with a payment method and then confirm it again.', {
    code: `${kind}_unexpected_state`,
  });
}
