// The v1 endpoints the stand-in serves, each reading its parameters with Stripe's rules.
import type { Account, Cause } from './account.ts';
import { readCurrency } from './currencies.ts';
import { invalidParam, resourceMissing, unrecognizedUrl } from './errors.ts';
import type { FormHash } from './form.ts';
import { snapshot, type PaymentIntent, type SetupIntent, type StripeObject } from './objects.ts';
import { Params } from './params.ts';

export interface ApiRequest {
  method: string;
  path: string;
  params: FormHash;
  cause: Cause;
}

const ROUTE = /^\/v1\/(customers|payment_intents|setup_intents|refunds|charges|balance_transactions|events)(?:\/([^/]+)(\/confirm)?)?$/;

/** Stripe's names for resources in "No such …" messages, and the param those messages name. */
const MISSING: Record<string, { kind: StripeObject['object']; label: string; param: string }> = {
  customers: { kind: 'customer', label: 'customer', param: 'id' },
  payment_intents: { kind: 'payment_intent', label: 'payment_intent', param: 'intent' },
  setup_intents: { kind: 'setup_intent', label: 'setupintent', param: 'intent' },
  refunds: { kind: 'refund', label: 'refund', param: 'id' },
  charges: { kind: 'charge', label: 'charge', param: 'id' },
  balance_transactions: { kind: 'balance_transaction', label: 'balance transaction', param: 'id' },
  events: { kind: 'event', label: 'event', param: 'id' },
};

const CREATES = new Set(['customers', 'payment_intents', 'setup_intents', 'refunds']);

/** Answers one API request with a 200 body, or throws the `StripeFailure` Stripe would answer. */
export function handle(account: Account, request: ApiRequest): unknown {
  const [, resource = '', id, confirm] = ROUTE.exec(request.path) ?? [];
  const params = new Params(request.params);
  const expand = params.list('expand');
  let object: StripeObject;
  if (request.method === 'POST' && id === undefined && CREATES.has(resource)) {
    object = create(account, resource, params, request.cause);
  } else if (request.method === 'GET' && id !== undefined && confirm === undefined && MISSING[resource]) {
    params.done();
    object = existing(account, resource, id);
  } else if (request.method === 'POST' && confirm && id !== undefined && (resource === 'payment_intents' || resource === 'setup_intents')) {
    const paymentMethod = params.string('payment_method');
    const returnUrl = params.string('return_url');
    params.done();
    const intent = existing(account, resource, id) as PaymentIntent | SetupIntent;
    object = account.confirm(intent, { paymentMethod, returnUrl }, request.cause);
  } else {
    throw unrecognizedUrl(request.method, request.path);
  }
  return expanded(account, object, expand);
}

function create(account: Account, resource: string, params: Params, cause: Cause): StripeObject {
  switch (resource) {
    case 'customers': {
      const input = {
        email: params.string('email'),
        name: params.string('name'),
        description: params.string('description'),
        phone: params.string('phone'),
        metadata: params.metadata(),
      };
      params.done();
      return account.createCustomer(input);
    }
    case 'payment_intents': {
      const input = {
        amount: params.requiredInteger('amount'),
        currency: readCurrency(params.requiredString('currency')),
        ...intentFields(params),
        captureMethod: params.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const),
        setupFutureUsage: params.oneOf('setup_future_usage', ['on_session', 'off_session'] as const),
        offSession: offSessionOf(params),
        receiptEmail: params.string('receipt_email'),
      };
      params.done();
      return account.createPaymentIntent(input, cause);
    }
    case 'setup_intents': {
      const input = {
        ...intentFields(params),
        usage: params.oneOf('usage', ['on_session', 'off_session'] as const),
      };
      params.done();
      return account.createSetupIntent(input, cause);
    }
    default: {
      const input = {
        paymentIntent: params.string('payment_intent'),
        charge: params.string('charge'),
        amount: params.integer('amount'),
        reason: params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const),
        metadata: params.metadata(),
      };
      params.done();
      return account.createRefund(input, cause);
    }
  }
}

/** `off_session` takes a boolean or, for the network, why the customer is away (docs.stripe.com/api/payment_intents/create#create_payment_intent-off_session). */
function offSessionOf(params: Params): boolean {
  const value = params.oneOf('off_session', ['true', 'false', 'one_off', 'recurring'] as const);
  if (value !== undefined && params.boolean('confirm') !== true) {
    throw invalidParam('off_session', 'You can only pass `off_session` when `confirm` is `true`.');
  }
  return value !== undefined && value !== 'false';
}

/** The parameters PaymentIntents and SetupIntents share. */
function intentFields(params: Params) {
  const automatic = params.hash('automatic_payment_methods');
  let automaticPaymentMethods: { enabled: boolean; allowRedirects?: 'always' | 'never' } | undefined;
  if (automatic) {
    const enabled = automatic.boolean('enabled');
    if (enabled === undefined) {
      throw invalidParam('automatic_payment_methods[enabled]', 'Missing required param: automatic_payment_methods[enabled].', 'parameter_missing');
    }
    automaticPaymentMethods = { enabled, allowRedirects: automatic.oneOf('allow_redirects', ['always', 'never'] as const) };
    automatic.done();
  }
  return {
    customer: params.string('customer'),
    description: params.string('description'),
    metadata: params.metadata(),
    automaticPaymentMethods: automaticPaymentMethods,
    paymentMethodTypes: params.list('payment_method_types'),
    paymentMethod: params.string('payment_method'),
    returnUrl: params.string('return_url'),
    confirm: params.boolean('confirm') ?? false,
  };
}

function existing(account: Account, resource: string, id: string): StripeObject {
  const missing = MISSING[resource] as (typeof MISSING)[string];
  const object = account.find(missing.kind, id);
  if (!object) throw resourceMissing(missing.label, id, missing.param);
  return object;
}

/**
 * `expand[]=latest_charge` swaps an id for its object, and `latest_charge.balance_transaction` does so
 * again inside it (docs.stripe.com/api/expanding_objects, at most four levels deep).
 */
function expanded(account: Account, object: StripeObject, expand: string[]): unknown {
  const copy = snapshot(object) as unknown as Record<string, unknown>;
  for (const path of expand) {
    const fields = path.split('.');
    if (fields.length > 4) throw invalidParam('expand', `You cannot expand more than 4 levels of a property (${path}).`);
    expandPath(account, copy, fields, path);
  }
  return copy;
}

function expandPath(account: Account, parent: Record<string, unknown>, [field = '', ...rest]: string[], path: string): void {
  const value = parent[field];
  const target = typeof value === 'string' ? account.get(value) : undefined;
  const already = value !== null && typeof value === 'object';
  if (value !== null && !target && !already) {
    throw invalidParam('expand', `This property cannot be expanded (${path}).`);
  }
  const child = already ? (value as Record<string, unknown>) : target ? (snapshot(target) as unknown as Record<string, unknown>) : null;
  parent[field] = child;
  if (child && rest.length > 0) expandPath(account, child, rest, path);
}
