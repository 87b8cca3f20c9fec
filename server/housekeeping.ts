// Jobs every instance runs on a timer; each is idempotent, so running them on many instances is safe.
import { addDays, todayIn } from '../shared/dates.ts';
import { expireDueHolds } from './bookings/expire.ts';
import type { Logger } from './logger.ts';
import type { Store } from './store/store.ts';

/**
 * Finished jobs and webhook delivery attempts are kept this long (a mail job holds the message it
 * sent, guest's address and all): long enough to look into a failure or a complaint, not for ever.
 */
export const JOB_RETENTION_DAYS = 30;

/**
 * Releases expired holds, erases stored cards `purgeDays` after checkout or once cancelled (SPEC 2.8), marks
 * stays completed once their checkout date has passed everywhere on Earth (UTC−12), so no
 * property's time zone sees a stay completed before its checkout day ends, and deletes jobs
 * finished and webhook deliveries attempted more than JOB_RETENTION_DAYS ago.
 */
export async function runHousekeeping(store: Store, now: Date, purgeDays: number) {
  const latestToday = todayIn('Etc/GMT+12', now);
  const released = await expireDueHolds(store, now);
  const { purged, completed } = await store.housekeeping(now.toISOString(), addDays(latestToday, -purgeDays), latestToday);
  const keptSince = new Date(now.getTime() - JOB_RETENTION_DAYS * 24 * 60 * 60_000);
  const jobsPruned = await store.jobs.prune(keptSince);
  const deliveriesPruned = await store.webhooks.pruneDeliveries(keptSince);
  return { released, purged, completed, jobsPruned, deliveriesPruned };
}

export function startHousekeeping(store: Store, options: { purgeDays: number; logger: Logger; clock: () => Date; intervalMs?: number }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= runHousekeeping(store, options.clock(), options.purgeDays)
      .then((done) => {
        if (Object.values(done).some((count) => count > 0)) options.logger.info(done, 'housekeeping');
      })
      .catch((err: unknown) => options.logger.error({ err }, 'housekeeping failed'))
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 5 * 60_000);
  timer.unref();
  return {
    /** Stops the timer and waits for a run in progress, so shutdown closes the database after it. */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
