// How a failed job is tried again: by the kind's back-off, or as its handler says.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** When to run a job again after its `attempts`-th failure, or null to give up. */
export type RetryPolicy = (failure: { attempts: number; createdAt: Date }, now: Date) => Date | null;

/**
 * Exponential back-off: `firstMs` after the first failure, doubling, at most `maxMs` apart, and
 * never later than `giveUpAfterMs` after the job was enqueued (then it is failed for good).
 */
export function backoff(options: { firstMs: number; maxMs: number; giveUpAfterMs: number }): RetryPolicy {
  return ({ attempts, createdAt }, now) => {
    const delay = Math.min(options.firstMs * 2 ** Math.max(0, attempts - 1), options.maxMs);
    const next = new Date(now.getTime() + delay);
    return next.getTime() - createdAt.getTime() > options.giveUpAfterMs ? null : next;
  };
}

/** 1 min, 2, 4 … capped at an hour, for a day: what mail has always had. */
export const DEFAULT_RETRY = backoff({ firstMs: MINUTE, maxMs: HOUR, giveUpAfterMs: 24 * HOUR });

/** Thrown by a handler: the job failed for good (a permanent refusal); never retried. */
export class GiveUp extends Error {
  constructor(reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason), { cause: reason });
    this.name = 'GiveUp';
  }
}

/** Thrown by a handler: run it again at `at` rather than by the back-off (e.g. a Retry-After). */
export class RetryAt extends Error {
  constructor(
    readonly at: Date,
    reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason), { cause: reason });
    this.name = 'RetryAt';
  }
}
