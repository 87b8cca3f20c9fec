// Webhook signing and delivery as Stripe does it (docs.stripe.com/webhooks#verify-manually):
// `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, plus a
// test-mode `v0` signature that verifiers must ignore.
import { createHmac, randomBytes } from 'node:crypto';
import type { StripeEvent } from './objects.ts';

/** A URL, or a URL plus a fetch handler (e.g. a Hono `app.fetch`) to deliver without a socket. */
export type WebhookEndpoint = string | { url: string; fetch: (request: Request) => Response | Promise<Response> };

export interface Delivery {
  eventId: string;
  type: string;
  /** The endpoint's HTTP status, or null when it could not be reached. */
  status: number | null;
  body: string;
}

interface SignOptions {
  secret: string;
  /** Unix seconds. */
  timestamp: number;
}

/** Signs events and delivers them, keeping every attempt so tests can wait for and inspect them. */
export class Outbox {
  endpoint: WebhookEndpoint | null;
  private readonly attempts: Delivery[] = [];
  private readonly inFlight = new Set<Promise<Delivery>>();

  constructor(
    private readonly secret: string,
    private readonly now: () => number,
    endpoint: WebhookEndpoint | null,
  ) {
    this.endpoint = endpoint;
  }

  /** The exact bytes and header Stripe would send, with the outbox's secret and clock by default. */
  signed(event: StripeEvent, options: Partial<SignOptions> = {}): { payload: string; signature: string } {
    const payload = eventPayload(event);
    const signature = signatureHeader(payload, {
      secret: options.secret ?? this.secret,
      timestamp: options.timestamp ?? this.now(),
    });
    return { payload, signature };
  }

  /** Sends a new event to the endpoint, if there is one, without waiting (Stripe delivers asynchronously). */
  publish(event: StripeEvent): void {
    if (!this.endpoint) return;
    const { payload, signature } = this.signed(event);
    void this.send(this.endpoint, event, payload, signature);
  }

  send(endpoint: WebhookEndpoint, event: { id: string; type: string }, payload: string, signature: string): Promise<Delivery> {
    const attempt = deliver(endpoint, event, payload, signature).then((result) => {
      this.attempts.push(result);
      this.inFlight.delete(attempt);
      return result;
    });
    this.inFlight.add(attempt);
    return attempt;
  }

  deliveries(): Delivery[] {
    return [...this.attempts];
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }
}

const hmac = (secret: string, content: string) => createHmac('sha256', secret).update(content, 'utf8').digest('hex');

/** The `Stripe-Signature` header for `payload` as sent at `timestamp`. */
function signatureHeader(payload: string, { secret, timestamp }: SignOptions): string {
  const signed = `${timestamp}.${payload}`;
  return `t=${timestamp},v1=${hmac(secret, signed)},v0=${hmac(randomBytes(16).toString('hex'), signed)}`;
}

/** Stripe sends events pretty-printed; the signature covers these exact bytes. */
function eventPayload(event: StripeEvent): string {
  return JSON.stringify(event, null, 2);
}

async function deliver(endpoint: WebhookEndpoint, event: { id: string; type: string }, payload: string, signature: string): Promise<Delivery> {
  const url = typeof endpoint === 'string' ? endpoint : endpoint.url;
  const request = new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'stripe-signature': signature,
    },
    body: payload,
    // Stripe gives up on an endpoint that has not answered within a few seconds.
    signal: AbortSignal.timeout(10_000),
  });
  try {
    const response = await (typeof endpoint === 'string' ? fetch(request) : endpoint.fetch(request));
    return { eventId: event.id, type: event.type, status: response.status, body: await response.text() };
  } catch (error) {
    return { eventId: event.id, type: event.type, status: null, body: String(error) };
  }
}
