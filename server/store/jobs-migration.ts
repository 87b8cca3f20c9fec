// Migration 010_jobs (issue 11): one durable job queue for everything that fires later. Mail moves
// onto it: every mail_queue row becomes a `mail` job keyed by its Message-ID (sent ones as done, so
// a message queued again after the upgrade is still not sent twice), and mail_queue is dropped.
import { type Kysely, type Migration, PostgresAdapter } from 'kysely';

/** What 010 reads and writes, typed as the tables were then. */
interface Tables {
  mail_queue: {
    message_id: string;
    message: string;
    status: string;
    attempts: number;
    created_at: string;
    next_attempt_at: string;
    last_error: string | null;
    sent_at: string | null;
  };
  jobs: {
    kind: string;
    key: string;
    payload: string;
    ordering_key: string | null;
    status: string;
    run_at: string;
    attempts: number;
    locked_until: string | null;
    last_error: string | null;
    created_at: string;
    finished_at: string | null;
  };
}

const STATUS: Record<string, string> = { queued: 'queued', sent: 'done', failed: 'failed' };

export const jobsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    // An increasing id is the enqueue order that ordering keys keep.
    await db.schema
      .createTable('jobs')
      .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('ordering_key', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
    await db.schema.createIndex('jobs_ordering').on('jobs').columns(['ordering_key', 'status', 'id']).execute();

    const tables = db as Kysely<Tables>;
    const mail = await tables.selectFrom('mail_queue').selectAll().orderBy('created_at').orderBy('next_attempt_at').execute();
    for (const m of mail) {
      await tables
        .insertInto('jobs')
        .values({
          kind: 'mail',
          key: `mail:${m.message_id}`,
          payload: m.message,
          ordering_key: null,
          status: STATUS[m.status] ?? 'failed',
          run_at: m.next_attempt_at,
          attempts: m.attempts,
          locked_until: null,
          last_error: m.last_error,
          created_at: m.created_at,
          finished_at: m.status === 'queued' ? null : (m.sent_at ?? m.next_attempt_at),
        })
        .execute();
    }
    await db.schema.dropTable('mail_queue').execute();
  },
};
