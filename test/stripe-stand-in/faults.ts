// Fault injection for crash and chaos tests: what the network and Stripe's edge can do to a request.

/**
 * `error`: a 500 `api_error`; `hang`: no answer at all, so the client's timeout fires;
 * `drop`: the connection is closed without an answer.
 */
export type FaultKind = 'error' | 'hang' | 'drop';

export interface FaultOptions {
  /**
   * The request reaches Stripe and runs (objects are created, the idempotency key saved) and
   * only the answer is lost, so a retry with the same key must get the saved answer.
   */
  afterProcessing?: boolean;
  /** Only requests whose path matches, e.g. `/v1/payment_intents` or a RegExp. */
  path?: string | RegExp;
}

export interface Fault {
  kind: FaultKind;
  afterProcessing: boolean;
}

interface Pending extends Fault {
  path: string | RegExp | undefined;
  remaining: number;
}

export class Faults {
  private pending: Pending[] = [];
  latencyMs = 0;

  add(count: number, kind: FaultKind, options: FaultOptions = {}): void {
    this.pending.push({ kind, afterProcessing: options.afterProcessing ?? false, path: options.path, remaining: count });
  }

  /** The fault the next request to `path` suffers, in the order they were added. */
  take(path: string): Fault | undefined {
    const fault = this.pending.find((candidate) => matches(candidate.path, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending = this.pending.filter((candidate) => candidate !== fault);
    return { kind: fault.kind, afterProcessing: fault.afterProcessing };
  }

  clear(): void {
    this.pending = [];
    this.latencyMs = 0;
  }
}

function matches(pattern: string | RegExp | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? path === pattern : pattern.test(path);
}
