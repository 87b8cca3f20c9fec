// A Stripe stand-in for tests: a real HTTP server on 127.0.0.1 that speaks Stripe's v1 wire format
// (form-encoded bracket parameters, Bearer or Basic auth, idempotency keys, Stripe's error objects,
// signed webhooks), with controls that play the guest's browser and inject faults.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Account, type Cause } from './account.ts';
import { handle } from './api.ts';
import { invalidParam, StripeFailure, unauthenticated } from './errors.ts';
import type { Settlement } from './fees.ts';
import { Faults, type Fault, type FaultKind, type FaultOptions } from './faults.ts';
import { decodeForm, FormError, type FormHash } from './form.ts';
import { IdempotencyStore, type SavedAnswer } from './idempotency.ts';
import {
  randomId,
  snapshot,
  type BalanceTransaction,
  type Charge,
  type Customer,
  type PaymentIntent,
  type PaymentMethod,
  type Refund,
  type SetupIntent,
  type StripeEvent,
  type StripeObject,
} from './objects.ts';
import { Outbox, type Delivery, type WebhookEndpoint } from './webhooks.ts';

export type { BalanceTransaction, Charge, Customer, Delivery, FaultKind, FaultOptions, PaymentIntent, PaymentMethod, Refund, SetupIntent, StripeEvent, StripeObject, WebhookEndpoint };

export interface StandInOptions {
  /** Signs webhooks; a fresh `whsec_…` when omitted. */
  webhookSecret?: string;
  /** Where events are delivered as they happen; also settable later. */
  webhookEndpoint?: WebhookEndpoint;
  /** Stamps `created` and webhook timestamps, so a server on a fake clock accepts them. */
  clock?: () => Date;
  /** `api_version` of events: the version the webhook endpoint was created with. */
  apiVersion?: string;
  /** Settle charges in one currency, converted at these rates; by default each stays in its own. */
  settlement?: Settlement;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Decoded body (POST) or query (GET). */
  params: FormHash;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  /** Null when a fault meant no answer was sent. */
  status: number | null;
  replayed: boolean;
  fault: FaultKind | null;
}

export interface SignedPayloadOptions {
  /** Defaults to the stand-in's webhook secret. */
  secret?: string;
  /** Unix seconds; defaults to the stand-in's clock. */
  timestamp?: number;
}

export interface StripeStandIn {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The same base, as `STRIPE_API_BASE` / `apiBase` take it. */
  apiBase: string;
  /** A key the stand-in accepts; any `sk_test_…` or `rk_test_…` key is accepted. */
  secretKey: string;
  webhookSecret: string;
  close(): Promise<void>;

  /** Every API request received, oldest first, optionally only those matching. */
  requests(filter?: { method?: string; path?: string | RegExp }): RecordedRequest[];
  /** A copy of the object with this id (intent, charge, refund, customer, payment method, event). */
  get<T extends StripeObject = StripeObject>(id: string): T | undefined;
  /** Copies of every object of one kind, e.g. `list('payment_intent')`. */
  list<T extends StripeObject>(kind: T['object']): T[];
  /** Events created so far, optionally of one type. */
  events(type?: string): StripeEvent[];

  /** The guest confirms in the browser with `paymentMethod` (a Stripe test PaymentMethod id). */
  confirm(intentId: string, paymentMethod: string): Promise<PaymentIntent | SetupIntent>;
  /** The guest pays with `pm_card_visa`, or completes 3D Secure if the intent awaits it. */
  succeed(intentId: string): Promise<PaymentIntent | SetupIntent>;
  /** The guest's card is declined (`pm_card_chargeDeclined` unless told otherwise). */
  decline(intentId: string, paymentMethod?: string): Promise<PaymentIntent | SetupIntent>;
  /** The guest completes 3D Secure for an intent in `requires_action`. */
  completeAction(intentId: string): Promise<PaymentIntent | SetupIntent>;
  /** The guest fails or abandons 3D Secure. */
  failAction(intentId: string): Promise<PaymentIntent | SetupIntent>;

  /** Where events go from now on; null stops delivery. */
  setWebhookEndpoint(endpoint: WebhookEndpoint | null): void;
  /** Every webhook delivery attempt so far. */
  deliveries(): Delivery[];
  /** Resolves when no delivery is in flight. Controls already wait for the deliveries they cause. */
  idle(): Promise<void>;
  /** Delivers a stored event again, as Stripe retries (same event id). */
  redeliver(eventId: string, endpoint?: WebhookEndpoint): Promise<Delivery>;
  /** An event shaped like Stripe's, not stored, for hand-made webhooks. */
  buildEvent(type: string, object: object): StripeEvent;
  /** The exact payload and `Stripe-Signature` Stripe would send, with a chosen secret or time. */
  signedPayload(event: StripeEvent, options?: SignedPayloadOptions): { payload: string; signature: string };
  /** Signs and POSTs `event`; `tamper` changes the body after signing. */
  sendWebhook(endpoint: WebhookEndpoint, event: StripeEvent, options?: SignedPayloadOptions & { tamper?: (payload: string) => string }): Promise<Delivery>;

  /** The next `count` API requests (matching `options.path`) fail with `kind`. */
  failNext(count: number, kind: FaultKind, options?: FaultOptions): void;
  /** Every API answer waits this long (while its idempotency key counts as in progress). */
  setLatency(ms: number): void;
  clearFaults(): void;
}

const DEFAULT_API_VERSION = '2026-10-28.endive';
const API_VERSION_FORMAT = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;
const TEST_KEY = /^(sk|rk)_test_[0-9A-Za-z_]+$/;

interface Answer extends SavedAnswer {
  headers: Record<string, string>;
}

export async function startStripeStandIn(options: StandInOptions = {}): Promise<StripeStandIn> {
  const clock = options.clock ?? (() => new Date());
  const now = () => Math.floor(clock().getTime() / 1000);
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString('hex')}`;
  const outbox = new Outbox(webhookSecret, now, options.webhookEndpoint ?? null);
  const recorded: RecordedRequest[] = [];
  const faults = new Faults();
  const idempotency = new IdempotencyStore();
  const account = new Account({
    now,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    onEvent: (event) => outbox.publish(event),
    ...(options.settlement ? { settlement: options.settlement } : {}),
  });

  async function answer(request: IncomingMessage, url: URL, body: string, record: RecordedRequest): Promise<Answer> {
    const requestId = randomId('req', 14);
    const headers: Record<string, string> = { 'request-id': requestId };
    try {
      authenticate(request.headers.authorization);
      const version = header(request, 'stripe-version');
      if (version !== null && !API_VERSION_FORMAT.test(version)) {
        throw invalidParam('Stripe-Version', `Invalid Stripe API version: ${version}`);
      }
      headers['stripe-version'] = version ?? DEFAULT_API_VERSION;
      record.params = readParams(record.method === 'GET' ? url.search.slice(1) : body);
      // Idempotency keys only apply to POST (docs.stripe.com/api/idempotent_requests).
      const key = record.method === 'POST' ? record.idempotencyKey : null;
      if (key) headers['idempotency-key'] = key;
      const claim = key ? idempotency.claim(key, record.path, record.params) : null;
      await sleep(faults.latencyMs);
      if (claim?.kind === 'replay') {
        record.replayed = true;
        return { ...claim.answer, headers: { ...headers, 'idempotent-replayed': 'true' } };
      }
      const cause: Cause = { requestId, idempotencyKey: key };
      try {
        const result = handle(account, { method: record.method, path: record.path, params: record.params, cause });
        const saved = { status: 200, body: JSON.stringify(result, null, 2) };
        claim?.save(saved);
        return { ...saved, headers };
      } catch (error) {
        if (!(error instanceof StripeFailure) || error.validation) {
          claim?.release();
          throw error;
        }
        const saved = { status: error.status, body: failureBody(error) };
        claim?.save(saved);
        return { ...saved, headers };
      }
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      if (error.status === 401) headers['www-authenticate'] = 'Basic realm="Stripe"';
      return { status: error.status, body: failureBody(error), headers };
    }
  }

  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      respond(response, { status: 500, body: JSON.stringify({ error: { type: 'api_error', message: String(error) } }), headers: {} });
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      params: {},
      idempotencyKey: header(request, 'idempotency-key'),
      stripeVersion: header(request, 'stripe-version'),
      status: null,
      replayed: false,
      fault: null,
    };
    recorded.push(record);
    const fault = faults.take(record.path);
    if (fault && !fault.afterProcessing) return suffer(fault, request, response, record);
    const result = await answer(request, url, Buffer.concat(chunks).toString('utf8'), record);
    if (fault) return suffer(fault, request, response, record);
    record.status = result.status;
    respond(response, result);
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const intent = (id: string): PaymentIntent | SetupIntent => {
    const found = account.find<PaymentIntent>('payment_intent', id) ?? account.find<SetupIntent>('setup_intent', id);
    if (!found) throw new Error(`The stand-in has no intent ${id}`);
    return found;
  };
  /** What the browser's confirmation looks like to the account: a request without a server-side key. */
  const browser = (): Cause => ({ requestId: randomId('req', 14), idempotencyKey: null });
  const settled = async (target: PaymentIntent | SetupIntent) => {
    await standIn.idle();
    return snapshot(target);
  };
  const confirmInBrowser = async (id: string, paymentMethod: string) => {
    const target = intent(id);
    try {
      account.confirm(target, { paymentMethod }, browser());
    } catch (error) {
      // A decline is an outcome the intent records, not a failure of the control.
      if (!(error instanceof StripeFailure && error.status === 402)) throw error;
    }
    return settled(target);
  };

  const standIn: StripeStandIn = {
    url: base,
    apiBase: base,
    secretKey: 'sk_test_stand_in',
    webhookSecret,
    async close() {
      const closed = once(server, 'close');
      server.close();
      // Hung requests would otherwise keep the server open until their clients give up.
      server.closeAllConnections();
      await closed;
    },

    requests(filter = {}) {
      return recorded.filter(
        (request) =>
          (filter.method === undefined || request.method === filter.method) &&
          (filter.path === undefined || (typeof filter.path === 'string' ? request.path === filter.path : filter.path.test(request.path))),
      );
    },
    get<T extends StripeObject = StripeObject>(id: string) {
      const found = account.get(id);
      return found && (snapshot(found) as T);
    },
    list(kind) {
      return account.all(kind).map(snapshot);
    },
    events(type) {
      return account
        .all<StripeEvent>('event')
        .filter((event) => type === undefined || event.type === type)
        .map(snapshot);
    },

    confirm: confirmInBrowser,
    succeed(id) {
      const target = intent(id);
      if (target.status !== 'requires_action') return confirmInBrowser(id, 'pm_card_visa');
      account.authenticate(target, true, browser());
      return settled(target);
    },
    decline(id, paymentMethod = 'pm_card_chargeDeclined') {
      return confirmInBrowser(id, paymentMethod);
    },
    completeAction(id) {
      return settled(account.authenticate(intent(id), true, browser()));
    },
    failAction(id) {
      return settled(account.authenticate(intent(id), false, browser()));
    },

    setWebhookEndpoint(next) {
      outbox.endpoint = next;
    },
    deliveries: () => outbox.deliveries(),
    idle: () => outbox.idle(),
    redeliver(eventId, target) {
      const event = account.find<StripeEvent>('event', eventId);
      const to = target ?? outbox.endpoint;
      if (!event || !to) throw new Error(`Cannot redeliver ${eventId}: unknown event or no endpoint`);
      const { payload, signature } = outbox.signed(event);
      return outbox.send(to, event, payload, signature);
    },
    buildEvent(type, object) {
      return {
        id: randomId('evt'),
        object: 'event',
        api_version: options.apiVersion ?? DEFAULT_API_VERSION,
        created: now(),
        data: { object: snapshot(object) },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      };
    },
    signedPayload: (event, sign) => outbox.signed(event, sign),
    sendWebhook(target, event, sign = {}) {
      const { payload, signature } = outbox.signed(event, sign);
      return outbox.send(target, event, sign.tamper ? sign.tamper(payload) : payload, signature);
    },

    failNext(count, kind, faultOptions) {
      faults.add(count, kind, faultOptions);
    },
    setLatency(ms) {
      faults.latencyMs = ms;
    },
    clearFaults() {
      faults.clear();
    },
  };
  return standIn;
}

/** The key from `Authorization: Bearer sk_test_…` or Basic `sk_test_…:` (docs.stripe.com/api/authentication). */
function authenticate(authorization: string | undefined): void {
  if (!authorization) {
    throw unauthenticated(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const [scheme = '', credentials = ''] = authorization.split(' ', 2);
  const key = scheme.toLowerCase() === 'basic' ? (Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] ?? '') : scheme.toLowerCase() === 'bearer' ? credentials.trim() : '';
  if (!TEST_KEY.test(key)) {
    const masked = key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : key;
    throw unauthenticated(`Invalid API Key provided: ${masked}`);
  }
}

function readParams(encoded: string): FormHash {
  try {
    return decodeForm(encoded);
  } catch (error) {
    if (error instanceof FormError) throw invalidParam(error.param, error.message);
    throw error;
  }
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

function failureBody(failure: StripeFailure): string {
  return JSON.stringify({ error: failure.body }, null, 2);
}

function respond(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  response.end(answer.body);
}

/** What a fault does to the answer; a hung request is only ended by `close()`. */
function suffer(fault: Fault, request: IncomingMessage, response: ServerResponse, record: RecordedRequest): void {
  record.fault = fault.kind;
  if (fault.kind === 'drop') {
    request.socket.destroy();
  } else if (fault.kind === 'error') {
    record.status = 500;
    respond(response, {
      status: 500,
      body: JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred' } }),
      headers: {},
    });
  }
}
