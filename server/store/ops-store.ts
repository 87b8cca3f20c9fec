// What operations asks of the database: is it answering, and how much work is waiting.
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export function opsStore(db: Kysely<Database>): Pick<Store, 'ping' | 'backlog'> {
  const count = (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => query.executeTakeFirstOrThrow().then((row) => Number(row.n));
  return {
    async ping() {
      await sql`select 1`.execute(db);
    },

    async backlog(now) {
      const [jobs, calendarSyncs] = await Promise.all([
        db
          .selectFrom('jobs')
          .select((eb) => ['kind', eb.fn.countAll().as('n')])
          .where('status', '=', 'queued')
          .where((eb) => eb.or([eb('run_at', '<=', now), eb('attempts', '>', 0)]))
          .groupBy('kind')
          .execute(),
        count(
          db
            .selectFrom('calendars')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('next_sync_at', '<=', now),
        ),
      ]);
      return { jobs: Object.fromEntries(jobs.map((row) => [row.kind, Number(row.n)])), calendarSyncs };
    },
  };
}
