// Stripe's error shape and status codes (docs.stripe.com/api/errors): 400 invalid request,
// 401 bad key, 402 card error, 404 missing resource or URL, 409 conflict, 500 api error.

export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  /** Card errors carry the intent and charge they concern. */
  [related: string]: unknown;
}

/**
 * An API answer that is an error. `validation` errors are raised before the endpoint runs, so
 * Stripe keeps no idempotent result for them (docs.stripe.com/api/idempotent_requests).
 */
export class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly validation = false,
  ) {
    super(body.message);
  }
}

function withDocs(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replaceAll('_', '-')}` } : body;
}

export function invalidRequest(message: string, extra: { param?: string; code?: string } = {}, status = 400): StripeFailure {
  return new StripeFailure(status, withDocs({ type: 'invalid_request_error', message, ...extra }));
}

/** A parameter problem found while reading the request, before the endpoint runs. */
export function invalidParam(param: string, message: string, code?: string): StripeFailure {
  return new StripeFailure(400, withDocs({ type: 'invalid_request_error', message, param, ...(code ? { code } : {}) }), true);
}

export function resourceMissing(kind: string, id: string, param: string): StripeFailure {
  return invalidRequest(`No such ${kind}: '${id}'`, { param, code: 'resource_missing' }, 404);
}

export function cardError(code: string, declineCode: string, message: string, related: Record<string, unknown>): StripeFailure {
  return new StripeFailure(402, withDocs({ type: 'card_error', code, decline_code: declineCode, message, ...related }));
}

export function unauthenticated(message: string): StripeFailure {
  return new StripeFailure(401, { type: 'invalid_request_error', message }, true);
}

export function unrecognizedUrl(method: string, path: string): StripeFailure {
  return new StripeFailure(
    404,
    {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
    true,
  );
}
