// Stripe's idempotency layer (docs.stripe.com/api/idempotent_requests): the first answer to a key
// is saved and replayed; the key with another endpoint or other parameters is a 400
// `idempotency_error`; a key whose first request is still running is a 409.
import { StripeFailure } from './errors.ts';
import type { FormHash } from './form.ts';

export interface SavedAnswer {
  status: number;
  body: string;
}

interface Entry {
  path: string;
  fingerprint: string;
  answer: SavedAnswer | null;
}

export type Claim = { kind: 'replay'; answer: SavedAnswer } | { kind: 'fresh'; save(answer: SavedAnswer): void; release(): void };

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /** Claims `key` for a POST to `path`, or returns what the key already answered. */
  claim(key: string, path: string, params: FormHash): Claim {
    const fingerprint = canonical(params);
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.path !== path) {
        throw mismatch(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.path}' vs '${path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      if (entry.fingerprint !== fingerprint) {
        throw mismatch(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      if (!entry.answer) {
        throw new StripeFailure(
          409,
          {
            type: 'idempotency_error',
            code: 'idempotency_key_in_use',
            message: `There is currently another in-progress request using this Idempotency-Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
          },
          true,
        );
      }
      return { kind: 'replay', answer: entry.answer };
    }
    const claimed: Entry = { path, fingerprint, answer: null };
    this.entries.set(key, claimed);
    return {
      kind: 'fresh',
      save: (answer) => void (claimed.answer = answer),
      // Nothing ran (the request failed validation), so nothing is kept for the key.
      release: () => void this.entries.delete(key),
    };
  }
}

function mismatch(message: string): StripeFailure {
  return new StripeFailure(400, { type: 'idempotency_error', message }, true);
}

/** Parameters in a key-order-independent form, so only a real difference counts. */
function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
}
