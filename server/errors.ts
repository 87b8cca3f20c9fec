// SPEC 3: every error answers {"error": {"code", "message", "details"}}.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { Logger } from './logger.ts';
import { PaymentsError } from './payments/payments.ts';
import { StacklessError } from './stackless-error.ts';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An answer other than success, given by onError below; a StacklessError, as it reports no fault. */
export class ApiError extends StacklessError {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found`);

export const conflict = (code: string, message: string) => new ApiError(409, code, message);

/** SPEC 2.7: the nights asked for were taken meanwhile. */
export const soldOut = () => conflict('sold_out', 'Those rooms were just taken; choose again');

/** Issue 13: the property already has as many of these as one property may have. */
export const limitReached = (what: string, limit: number) =>
  new ApiError(409, 'limit_reached', `A property can have at most ${limit} ${what}; archive some first, or raise the server's limit`);

export const DEFAULT_LIMITS = { rates: 300, roomTypes: 100 };

/** A 400 naming one field, for rules that need data the schema does not have. */
export const invalidField = (path: string, message: string) => new ApiError(400, 'invalid_input', message, [{ path, message }]);

export function validationError(issues: readonly v.BaseIssue<unknown>[]): ApiError {
  const details = issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid input';
  return new ApiError(400, 'invalid_input', summary, details);
}

/** Parses `input` with `schema` or throws our 400. */
export function parseOr400<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw validationError(result.issues);
  return result.output;
}

/**
 * The one place a payment provider's failure becomes an answer. An outage is worth retrying (503);
 * anything else Stripe refused, such as a deposit under its minimum charge or a revoked key, will
 * not get better by retrying and is the property's to fix (502); only a webhook is ever unsigned.
 * Issue 9: the provider's own words (amounts, account state, key fragments) are logged for the
 * operator, never shown to the guest.
 */
export function paymentsFailure(error: PaymentsError): ApiError {
  if (error.code === 'bad_signature') return new ApiError(400, 'bad_signature', 'Webhook signature verification failed');
  return error.retryable
    ? new ApiError(503, 'payment_unavailable', 'The payment provider could not be reached; please try again')
    : new ApiError(502, 'payment_refused', 'The payment provider refused this payment; please contact the property');
}

export function errorBody(code: string, message: string, details?: ErrorDetail[]) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export function createErrorHandler(logger: Logger) {
  return function onError(thrown: Error, c: Context) {
    if (thrown instanceof PaymentsError && thrown.code !== 'bad_signature') {
      logger.warn({ provider: { code: thrown.code, message: thrown.message }, path: c.req.path, method: c.req.method }, 'payment provider failed');
    }
    const err = thrown instanceof PaymentsError ? paymentsFailure(thrown) : thrown;
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? 'payload_too_large' : status === 400 ? 'malformed_json' : 'http_error';
      return c.json(errorBody(code, err.message || 'Bad request'), status);
    }
    logger.error({ err, path: c.req.path, method: c.req.method }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Something went wrong on our side'), 500);
  };
}
