// Stripe's object shapes (docs.stripe.com/api), reduced to the fields a booking flow reads but
// with Stripe's names, id prefixes, lower-case currencies, unix-second `created` and `livemode`.
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `pi_3Q…`-like ids: a prefix and 24 random base-62 characters. */
export function randomId(prefix: string, length = 24): string {
  let id = `${prefix}_`;
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

type Metadata = Record<string, string>;

export interface Customer {
  id: string;
  object: 'customer';
  balance: number;
  created: number;
  description: string | null;
  email: string | null;
  invoice_settings: { default_payment_method: string | null };
  livemode: false;
  metadata: Metadata;
  name: string | null;
  phone: string | null;
}

export interface PaymentMethod {
  id: string;
  object: 'payment_method';
  card: { brand: string; last4: string; exp_month: number; exp_year: number; funding: 'credit' };
  created: number;
  customer: string | null;
  livemode: false;
  metadata: Metadata;
  type: 'card';
}

export interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  /** The money's entry in the account's balance (docs.stripe.com/api/charges/object#charge_object-balance_transaction); null until captured. */
  balance_transaction: string | BalanceTransaction | null;
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Metadata;
  outcome: { network_status: string; type: 'authorized' | 'issuer_declined'; seller_message: string };
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  refunded: boolean;
  status: 'succeeded' | 'failed';
}

/** What a charge added to the balance: gross, Stripe's fee and net, in the settlement currency. */
export interface BalanceTransaction {
  id: string;
  object: 'balance_transaction';
  amount: number;
  available_on: number;
  created: number;
  currency: string;
  /** Set when the charge was converted: charge amount × exchange_rate = amount (major units). */
  exchange_rate: number | null;
  fee: number;
  fee_details: { amount: number; currency: string; description: string; type: 'stripe_fee' }[];
  net: number;
  source: string;
  status: 'pending' | 'available';
  type: 'charge';
}

export interface LastError {
  type: 'card_error' | 'invalid_request_error';
  code: string;
  decline_code?: string;
  message: string;
  charge?: string;
  payment_method?: PaymentMethod;
}

export type NextAction =
  { type: 'redirect_to_url'; redirect_to_url: { url: string; return_url: string } } | { type: 'use_stripe_sdk'; use_stripe_sdk: { type: 'three_d_secure_redirect'; stripe_js: string } };

export type IntentStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'requires_capture' | 'canceled' | 'succeeded';

interface IntentBase {
  id: string;
  automatic_payment_methods: { allow_redirects: 'always' | 'never'; enabled: boolean } | null;
  cancellation_reason: null;
  client_secret: string;
  created: number;
  customer: string | null;
  description: string | null;
  livemode: false;
  metadata: Metadata;
  next_action: NextAction | null;
  payment_method: string | null;
  payment_method_types: string[];
  status: IntentStatus;
}

export interface PaymentIntent extends IntentBase {
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  canceled_at: null;
  capture_method: 'automatic' | 'automatic_async' | 'manual';
  confirmation_method: 'automatic';
  currency: string;
  last_payment_error: LastError | null;
  latest_charge: string | Charge | null;
  receipt_email: string | null;
  setup_future_usage: 'on_session' | 'off_session' | null;
}

export interface SetupIntent extends IntentBase {
  object: 'setup_intent';
  last_setup_error: LastError | null;
  usage: 'on_session' | 'off_session';
}

export interface Refund {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: 'succeeded';
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: object };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export type StripeObject = Customer | PaymentMethod | Charge | BalanceTransaction | PaymentIntent | SetupIntent | Refund | StripeEvent;

/** `pi_…_secret_…`: what the browser confirms with (docs.stripe.com/api/payment_intents/object). */
export function clientSecretFor(id: string): string {
  return `${id}_secret_${randomId('x', 25).slice(2)}`;
}

export function paymentMethodFrom(brand: string, last4: string, created: number): PaymentMethod {
  const year = new Date(created * 1000).getUTCFullYear();
  return {
    id: randomId('pm'),
    object: 'payment_method',
    card: { brand, last4, exp_month: 12, exp_year: year + 3, funding: 'credit' },
    created,
    customer: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

/** A snapshot, so later changes do not rewrite what an earlier answer or event said. */
export function snapshot<T>(object: T): T {
  return structuredClone(object);
}
