// The JobQueue of server/jobs/queue.ts in the database, on SQLite and PostgreSQL alike.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ClaimedJob, JobQueue, JobRecord, JobStatus, NewJob } from '../jobs/queue.ts';
import { writeTransaction } from './booking-store.ts';
import type { Database, JobsTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Adds a job unless its key exists; true when added. Call it with the transaction of the change
 * that needs the job, so the job exists exactly when that change committed.
 */
export async function insertJob(db: Db, job: NewJob, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      key: job.key,
      payload: JSON.stringify(job.payload),
      ordering_key: job.orderingKey ?? null,
      status: 'queued',
      run_at: (job.runAt ?? now).toISOString(),
      attempts: 0,
      locked_until: null,
      last_error: null,
      created_at: at,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Cancels the queued job with this key; inside a transaction, with the change that makes it moot. */
export async function cancelJob(db: Db, key: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: now.toISOString(), locked_until: null })
    .where('key', '=', key)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toRecord(row: Selectable<JobsTable>): JobRecord {
  return {
    id: Number(row.id),
    kind: row.kind,
    key: row.key,
    payload: JSON.parse(row.payload) as unknown,
    orderingKey: row.ordering_key,
    status: row.status as JobStatus,
    runAt: new Date(row.run_at),
    attempts: row.attempts,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
  };
}

export function jobQueueStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): JobQueue {
  /** The claimed job's row while it still carries this claim's lease and is queued. */
  const held = (job: ClaimedJob) => db.updateTable('jobs').where('id', '=', job.id).where('status', '=', 'queued').where('locked_until', '=', job.lockedUntil.toISOString());

  return {
    enqueue: (job, now) => insertJob(db, job, now),

    async claim(now, { kinds, limit, lockedUntil }) {
      if (kinds.length === 0 || limit <= 0) return [];
      const at = now.toISOString();
      // One write transaction: BEGIN IMMEDIATE on SQLite, SKIP LOCKED rows on PostgreSQL, so two
      // instances never take the same job. A job is held back while an earlier job of its ordering
      // key is queued; that one is `queued` until it finishes, so only one of each key is in flight.
      const rows = await writeTransaction(db, dialect, async (tx) => {
        let candidates = tx
          .selectFrom('jobs as j')
          .select('j.id')
          .where('j.status', '=', 'queued')
          .where('j.kind', 'in', kinds)
          .where('j.run_at', '<=', at)
          .where((eb) => eb.or([eb('j.locked_until', 'is', null), eb('j.locked_until', '<=', at)]))
          .where((eb) =>
            eb.or([
              eb('j.ordering_key', 'is', null),
              eb.not(eb.exists(eb.selectFrom('jobs as e').select('e.id').whereRef('e.ordering_key', '=', 'j.ordering_key').where('e.status', '=', 'queued').whereRef('e.id', '<', 'j.id'))),
            ]),
          )
          .orderBy('j.run_at')
          .orderBy('j.id')
          .limit(limit);
        if (dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
        const ids = (await candidates.execute()).map((r) => r.id);
        if (ids.length === 0) return [];
        return tx.updateTable('jobs').set({ locked_until: lockedUntil.toISOString() }).where('id', 'in', ids).returningAll().execute();
      });
      return rows
        .map(toRecord)
        .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id)
        .map((r) => ({ id: r.id, kind: r.kind, key: r.key, payload: r.payload, attempts: r.attempts, createdAt: r.createdAt, lockedUntil }));
    },

    async complete(job, now) {
      const result = await held(job).set({ status: 'done', finished_at: now.toISOString(), locked_until: null }).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async fail(job, error, retryAt, now) {
      const result = await held(job)
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 1000),
          locked_until: null,
          ...(retryAt ? { run_at: retryAt.toISOString() } : { status: 'failed', finished_at: now.toISOString() }),
        }))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    cancel: (key, now) => cancelJob(db, key, now),

    async prune(finishedBefore) {
      // finished_at is set exactly when a job leaves 'queued', so it alone says what is finished.
      const result = await db.deleteFrom('jobs').where('finished_at', '<', finishedBefore.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async reschedule(key, runAt, now) {
      const at = now.toISOString();
      const result = await db
        .updateTable('jobs')
        .set({ run_at: runAt.toISOString() })
        .where('key', '=', key)
        .where('status', '=', 'queued')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async find(key) {
      const row = await db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
      return row && toRecord(row);
    },
  };
}
