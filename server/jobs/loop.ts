// Each instance runs one loop: the queue decides who runs what, so any number of them is safe.
import type { Logger } from 'pino';
import { type JobRunner, summarize } from './runner.ts';

export interface JobLoop {
  /** Runs now (or right after the run in progress): a job just enqueued runs within moments. */
  kick(): void;
  /** Stops the loop and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `runDue` every `intervalMs` (default 15 s: the retry and schedule path) and whenever kicked,
 * one run at a time, until stopped. The timer does not keep the process alive.
 */
export function startJobRunner(runner: JobRunner, options: { logger: Logger; intervalMs?: number }): JobLoop {
  const intervalMs = options.intervalMs ?? 15_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let again = false;

  const tick = () => {
    busy = true;
    running = runner
      .runDue()
      .then(
        () => undefined,
        (error: unknown) => {
          options.logger.error({ component: 'jobs', err: summarize(error) }, 'job run failed');
        },
      )
      .finally(() => {
        busy = false;
        if (stopped) return;
        if (again) {
          again = false;
          tick();
        } else schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };

  schedule();
  return {
    kick() {
      if (stopped) return;
      // A run in progress may already have passed the new job: one more run follows it.
      if (busy) {
        again = true;
        return;
      }
      clearTimeout(timer);
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
