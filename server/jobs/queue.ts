// Issue 11: the one durable job queue. Everything that fires later (mail, balance charges, webhook
// deliveries) is a row in `jobs`: claimed atomically (BEGIN IMMEDIATE on SQLite, FOR UPDATE SKIP
// LOCKED on PostgreSQL) under a lease, retried with back-off, so it survives a restart mid-run and
// never runs on two instances at once. server/store/job-queue-store.ts is the database's;
// test/support/memory-job-queue.ts the tests'; both pass test/support/job-queue-contract.ts.
//
// How to:
// - Register a handler for a new kind: write a `JobHandler` (server/jobs/runner.ts: `run(payload, job)`,
//   optional `retry: backoff({...})`; throw `GiveUp`/`RetryAt` from server/jobs/retry.ts) and add it
//   under its kind to `handlers` in server/main.ts. Tests: `createTestApp({ jobHandlers: { kind: handler } })`
//   and `t.runJobs()` at the fake clock. A runner claims only the kinds it has handlers for.
// - Enqueue after a booking transaction (a use case):
//     await deps.store.jobs.enqueue({ kind: 'webhook', key: `webhook:${endpointId}:${eventId}`, payload, orderingKey: `webhook:${endpointId}:${bookingId}` }, deps.clock());
//     deps.kickJobs?.(); // runs it within moments instead of at the next 15 s poll
// - Enqueue inside a booking transaction (store code, so the job exists iff the change committed):
//     await insertJob(tx, job, now)  (server/store/job-queue-store.ts), then kick after the commit.
// - Schedule one for later: give `runAt`, e.g. `{ kind: 'balance', key: `balance:${bookingId}`, payload: { bookingId }, runAt }`.
//   Same key again is a no-op, so scheduling at every confirmation is safe.
// - Cancel one by key: `await store.jobs.cancel(`balance:${bookingId}`, now)` (or `cancelJob(tx, key, now)`
//   inside a transaction). A run already under way is not interrupted: handlers re-read the data
//   they act on (the booking's state) and use idempotency keys, since delivery is at least once.

/** JSON-serialisable data a handler needs; stored as text. */
export type JobPayload = unknown;

export interface NewJob {
  /** Which handler runs it: 'mail', 'balance', 'webhook', … */
  kind: string;
  /** Unique over all jobs, whatever their state: enqueueing an existing key does nothing. */
  key: string;
  payload: JobPayload;
  /** Not before this instant; default: at once. */
  runAt?: Date;
  /**
   * Jobs sharing an ordering key run one at a time in enqueue order: a job is not claimed while an
   * earlier one with the same ordering key is still queued (waiting, scheduled, retrying or running).
   */
  orderingKey?: string;
}

/** A job handed out by `claim()` for one run. */
export interface ClaimedJob {
  id: number;
  kind: string;
  key: string;
  payload: JobPayload;
  /** Failed runs so far: 0 on the first. */
  attempts: number;
  createdAt: Date;
  /** The claim's lease, and its token: `complete` and `fail` apply only while the job still carries it. */
  lockedUntil: Date;
}

export type JobStatus = 'queued' | 'done' | 'failed' | 'cancelled';

export interface JobRecord {
  id: number;
  kind: string;
  key: string;
  payload: JobPayload;
  orderingKey: string | null;
  status: JobStatus;
  runAt: Date;
  attempts: number;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ClaimOptions {
  /** Only these kinds: an instance never takes a job it has no handler for. */
  kinds: readonly string[];
  limit: number;
  /** Until when the claimed jobs are held; a job whose holder died is claimable again after it. */
  lockedUntil: Date;
}

export interface JobQueue {
  /** Stores the job, durably, unless one with its key exists (then false). */
  enqueue(job: NewJob, now: Date): Promise<boolean>;
  /**
   * Claims up to `limit` queued jobs with `run_at <= now`, not held by a live lease and not behind
   * an earlier queued job of their ordering key, earliest `run_at` first (then enqueue order).
   * Atomic: concurrent callers on any instance never get the same job.
   */
  claim(now: Date, options: ClaimOptions): Promise<ClaimedJob[]>;
  /** Marks the claimed job done; false (and nothing changed) when it lost its lease or was cancelled. */
  complete(job: ClaimedJob, now: Date): Promise<boolean>;
  /**
   * Records a failed run: `attempts + 1`, `last_error`, lease released; due again at `retryAt`,
   * or failed for good with `null`. False (and nothing changed) when it lost its lease or was cancelled.
   */
  fail(job: ClaimedJob, error: string, retryAt: Date | null, now: Date): Promise<boolean>;
  /** Cancels the queued job with this key so it never runs (again); false when there is none queued. */
  cancel(key: string, now: Date): Promise<boolean>;
  /** Moves a queued job that is not running to `runAt`; false when there is none. */
  reschedule(key: string, runAt: Date, now: Date): Promise<boolean>;
  find(key: string): Promise<JobRecord | undefined>;
  /**
   * Deletes the jobs that finished (done, failed or cancelled) before `finishedBefore`; returns how
   * many. A mail job carries the whole message, a guest's name and address with it: kept for ever,
   * the queue would hold every e-mail ever sent. A key is unique only while its job is kept.
   */
  prune(finishedBefore: Date): Promise<number>;
}
