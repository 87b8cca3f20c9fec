// SPEC 2.18: delivers one event to one endpoint, as a `webhook` job. Standard Webhooks headers and
// signature, POST JSON through the guarded fetch (10 s), every attempt logged. 2xx is delivered;
// anything else is retried with exponential back-off, and an endpoint whose deliveries have all
// failed for 3 days is disabled and its owner told by e-mail.
import { newId } from '../ids.ts';
import { GiveUp, backoff } from '../jobs/retry.ts';
import type { JobHandler } from '../jobs/runner.ts';
import type { Mailer } from '../mail/mailer.ts';
import { guardedFetch, type OutgoingOptions, OutgoingError } from '../outgoing/guarded-fetch.ts';
import type { Store } from '../store/store.ts';
import { propertyView } from '../views.ts';
import { signedHeaders } from './signature.ts';
import type { WebhookEndpointRecord, WebhookJobPayload } from './store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DELIVERY_TIMEOUT_MS = 10_000;
export const DISABLE_AFTER_MS = 72 * HOUR;

/**
 * 1 min, doubling to 4 h apart. Each event is tried for longer than the 3 days after which a
 * failing endpoint is disabled, so an endpoint that never answers always reaches that point.
 */
export const WEBHOOK_RETRY = backoff({ firstMs: MINUTE, maxMs: 4 * HOUR, giveUpAfterMs: DISABLE_AFTER_MS + 4 * HOUR });

export interface WebhookDeliveryDeps {
  store: Store;
  clock: () => Date;
  mailer?: Mailer;
  /** SPEC 2.18: ALLOW_PRIVATE_URLS, loopback endpoints for development and tests. */
  allowPrivateUrls: boolean;
  /** Tests: DNS answers instead of the system resolver. */
  lookup?: OutgoingOptions['lookup'];
}

export function webhookJobHandler(deps: WebhookDeliveryDeps): JobHandler<WebhookJobPayload> {
  const { store } = deps;
  return {
    retry: WEBHOOK_RETRY,
    async run(event, job) {
      const endpoint = await store.webhooks.endpointById(event.endpointId);
      // Deleted or disabled since the event was enqueued: nothing more goes to it.
      if (!endpoint || endpoint.status !== 'active') return;
      const at = deps.clock();
      const { statusCode, error, durationMs } = await post(deps, endpoint, event, at);
      await store.webhooks.recordDelivery({
        id: newId('whd'),
        endpointId: endpoint.id,
        webhookId: event.eventId,
        eventType: event.type,
        bookingId: event.bookingId,
        attempt: job.attempts + 1,
        statusCode,
        error,
        durationMs,
        attemptedAt: at.toISOString(),
      });
      if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
        await store.webhooks.deliverySucceeded(endpoint.id);
        return;
      }
      const reason = error ?? `The endpoint answered ${statusCode}`;
      const failingSince = await store.webhooks.deliveryFailed(endpoint.id, at.toISOString());
      if (failingSince && at.getTime() - Date.parse(failingSince) >= DISABLE_AFTER_MS) {
        if (await store.webhooks.disableEndpoint(endpoint.id, at.toISOString())) await tellOwner(deps, endpoint, failingSince);
        throw new GiveUp(reason);
      }
      throw new Error(reason);
    },
  };
}

async function post(deps: WebhookDeliveryDeps, endpoint: WebhookEndpointRecord, event: WebhookJobPayload, at: Date) {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await guardedFetch(endpoint.url, {
      method: 'POST',
      body: event.body,
      headers: { 'content-type': 'application/json', ...signedHeaders(endpoint.secret, event.eventId, at, event.body) },
      allowPrivate: deps.allowPrivateUrls,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      // A 301/302 would turn the POST into a GET whose 2xx says nothing about the event.
      maxRedirects: 0,
      ...(deps.lookup ? { lookup: deps.lookup } : {}),
    });
    return { statusCode: res.status, error: null, durationMs: elapsed() };
  } catch (error) {
    if (!(error instanceof OutgoingError)) throw error;
    const message = error.code === 'too_many_redirects' ? 'The endpoint redirected; register the URL it redirects to' : error.message;
    return { statusCode: null, error: message, durationMs: elapsed() };
  }
}

async function tellOwner(deps: WebhookDeliveryDeps, endpoint: WebhookEndpointRecord, failingSince: string) {
  const property = await deps.store.getProperty(endpoint.propertyId);
  if (property) await deps.mailer?.webhookDisabled(propertyView(property), { id: endpoint.id, url: endpoint.url, failingSince });
}
