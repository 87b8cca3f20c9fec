// SPEC 2.19: every instance looks for due calendars each minute; the database hands each one to a
// single instance at a time, so running many instances fetches no calendar twice.
import { syncDueCalendars } from './bookings/sync-calendar.ts';
import type { BookingDeps } from './bookings/ports.ts';
import type { Logger } from './logger.ts';

export function startCalendarSync(deps: BookingDeps, options: { logger: Logger; intervalMs?: number }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    // A slow round is not overlapped by the next one on the same instance.
    running ??= syncDueCalendars(deps)
      .then((synced) => {
        if (synced) options.logger.info({ synced }, 'calendars synced');
      })
      .catch((err: unknown) => options.logger.error({ err }, 'calendar sync failed'))
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
