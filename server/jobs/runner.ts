// Runs the due jobs of the kinds it has handlers for: claims them under a lease, dispatches each to
// its kind's handler, and records done, retry (by the kind's back-off) or failed.
import type { Logger } from 'pino';
import type { ClaimedJob, JobQueue } from './queue.ts';
import { DEFAULT_RETRY, GiveUp, type RetryPolicy, RetryAt } from './retry.ts';

export interface JobHandler<P = unknown> {
  /**
   * Does the job. Resolving marks it done; throwing `GiveUp` fails it for good; `RetryAt` runs it
   * again then; any other error retries it by `retry`. It may run more than once (a lease that
   * lapsed mid-run), so it must be idempotent: re-read the data, use idempotency keys. What it
   * throws is logged and stored as the job's last error: never put secrets or guests' data in it.
   */
  run(payload: P, job: ClaimedJob): Promise<void>;
  /** Default: 1 min, doubling to an hour apart, for a day (DEFAULT_RETRY). */
  retry?: RetryPolicy;
}

export interface RunReport {
  done: number;
  /** Failed this time, due again later. */
  retrying: number;
  /** Failed for good: given up by the handler or past the kind's retry policy. */
  failed: number;
}

export interface JobRunnerOptions {
  queue: JobQueue;
  /** By kind. Jobs of other kinds are left for instances that handle them. */
  handlers: Readonly<Record<string, JobHandler<never>>>;
  logger: Logger;
  now?: () => Date;
  /** Jobs claimed and run concurrently per round (default 5). */
  batchSize?: number;
  /** How long a claim holds a job; must outlast one run of any handler (default 5 min). */
  leaseMs?: number;
}

export interface JobRunner {
  /** Runs the jobs due at `at`. Safe on several instances at once. Rejects only when the queue cannot be read. */
  runDue(at?: Date): Promise<RunReport>;
}

// A run drains at most this many batches, so one call cannot monopolise an instance.
const MAX_ROUNDS = 20;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { queue, handlers } = options;
  const kinds = Object.keys(handlers);
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 5;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const log = options.logger.child({ component: 'jobs' });

  async function runOne(job: ClaimedJob, at: Date, report: RunReport): Promise<void> {
    const handler = handlers[job.kind] as JobHandler;
    const fields = { jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts + 1 };
    try {
      await handler.run(job.payload, job);
    } catch (error) {
      const retryAt = error instanceof GiveUp ? null : error instanceof RetryAt ? error.at : (handler.retry ?? DEFAULT_RETRY)({ attempts: job.attempts + 1, createdAt: job.createdAt }, at);
      const err = summarize(error instanceof GiveUp || error instanceof RetryAt ? error.cause : error);
      await record(fields, () => queue.fail(job, errorText(err), retryAt, at));
      if (retryAt) {
        report.retrying += 1;
        log.warn({ ...fields, err, retryAt: retryAt.toISOString() }, 'job failed, will retry');
      } else {
        report.failed += 1;
        log.error({ ...fields, err }, 'job failed, giving up');
      }
      return;
    }
    report.done += 1;
    await record(fields, () => queue.complete(job, at));
    log.info(fields, 'job done');
  }

  /** A result that cannot be recorded is logged: the lease lapses and the job runs again, late but not lost. */
  async function record(fields: object, write: () => Promise<boolean>) {
    try {
      if (!(await write())) log.warn(fields, 'job outcome not recorded: its claim lapsed or it was cancelled');
    } catch (error) {
      log.error({ ...fields, err: summarize(error) }, 'job outcome could not be recorded');
    }
  }

  return {
    async runDue(at = now()) {
      const report: RunReport = { done: 0, retrying: 0, failed: 0 };
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const batch = await queue.claim(at, { kinds, limit: batchSize, lockedUntil: new Date(at.getTime() + leaseMs) });
        await Promise.all(batch.map((job) => runOne(job, at, report)));
        // Not only when the batch was full: finishing a job may have released the next of its ordering key.
        if (batch.length === 0) break;
      }
      return report;
    },
  };
}

export interface ErrorSummary {
  message: string;
  code?: string;
  responseCode?: number;
}

/** The parts of an error worth keeping: never the whole object, which may echo what was sent. */
export function summarize(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; responseCode?: unknown };
  return {
    message: e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
  };
}

function errorText(err: ErrorSummary): string {
  return [err.code, err.responseCode, err.message]
    .filter((p) => p !== undefined)
    .join(' ')
    .slice(0, 1000);
}
