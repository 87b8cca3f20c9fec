// An in-memory JobQueue for tests and for trying handlers out. Not durable: production uses the
// database's (server/store/job-queue-store.ts); both pass test/support/job-queue-contract.ts.
import type { ClaimedJob, JobQueue, JobRecord } from '../../server/jobs/queue.ts';

export interface MemoryJobQueue extends JobQueue {
  /** Every job, in enqueue order, for tests to inspect. */
  readonly rows: readonly JobRecord[];
}

export function createMemoryJobQueue(): MemoryJobQueue {
  const rows: JobRecord[] = [];
  let nextId = 1;

  const copy = (row: JobRecord): JobRecord => ({ ...row, payload: structuredClone(row.payload) });
  const free = (row: JobRecord, now: Date) => row.lockedUntil === null || row.lockedUntil <= now;
  const held = (job: ClaimedJob) => rows.find((r) => r.id === job.id && r.status === 'queued' && r.lockedUntil?.getTime() === job.lockedUntil.getTime());
  const blocked = (row: JobRecord) => row.orderingKey !== null && rows.some((r) => r.orderingKey === row.orderingKey && r.status === 'queued' && r.id < row.id);

  return {
    rows,

    async enqueue(job, now) {
      if (rows.some((r) => r.key === job.key)) return false;
      rows.push({
        id: nextId++,
        kind: job.kind,
        key: job.key,
        payload: structuredClone(job.payload),
        orderingKey: job.orderingKey ?? null,
        status: 'queued',
        runAt: job.runAt ?? now,
        attempts: 0,
        lockedUntil: null,
        lastError: null,
        createdAt: now,
        finishedAt: null,
      });
      return true;
    },

    // Synchronous from the check to the lock, so concurrent callers never share a job.
    async claim(now, { kinds, limit, lockedUntil }) {
      const claimed = rows
        .filter((r) => r.status === 'queued' && kinds.includes(r.kind) && r.runAt <= now && free(r, now) && !blocked(r))
        .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id)
        .slice(0, limit);
      for (const row of claimed) row.lockedUntil = lockedUntil;
      return claimed.map((r) => ({ id: r.id, kind: r.kind, key: r.key, payload: structuredClone(r.payload), attempts: r.attempts, createdAt: r.createdAt, lockedUntil }));
    },

    async complete(job, now) {
      const row = held(job);
      if (!row) return false;
      Object.assign(row, { status: 'done', finishedAt: now, lockedUntil: null });
      return true;
    },

    async fail(job, error, retryAt, now) {
      const row = held(job);
      if (!row) return false;
      Object.assign(row, { attempts: row.attempts + 1, lastError: error.slice(0, 1000), lockedUntil: null }, retryAt ? { runAt: retryAt } : { status: 'failed', finishedAt: now });
      return true;
    },

    async cancel(key, now) {
      const row = rows.find((r) => r.key === key && r.status === 'queued');
      if (!row) return false;
      Object.assign(row, { status: 'cancelled', finishedAt: now, lockedUntil: null });
      return true;
    },

    async reschedule(key, runAt, now) {
      const row = rows.find((r) => r.key === key && r.status === 'queued' && free(r, now));
      if (!row) return false;
      row.runAt = runAt;
      return true;
    },

    async prune(finishedBefore) {
      const kept = rows.filter((r) => r.finishedAt === null || r.finishedAt >= finishedBefore);
      const pruned = rows.length - kept.length;
      rows.splice(0, rows.length, ...kept);
      return pruned;
    },

    async find(key) {
      const row = rows.find((r) => r.key === key);
      return row && copy(row);
    },
  };
}
