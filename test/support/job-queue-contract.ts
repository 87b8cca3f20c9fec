// The behaviour every JobQueue must have, as tests. Run it against each implementation:
//   describeJobQueue('SQLite job queue', async () => (await openStore({})).jobs);
import { describe, expect, it } from 'vitest';
import type { JobQueue, NewJob } from '../../server/jobs/queue.ts';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const lease = (from: Date) => new Date(from.getTime() + 5 * MINUTE);
const claimAll = (queue: JobQueue, now: Date, kinds: readonly string[] = ['mail', 'balance', 'webhook']) => queue.claim(now, { kinds, limit: 10, lockedUntil: lease(now) });

export function sampleJob(n: number, overrides: Partial<NewJob> = {}): NewJob {
  return { kind: 'mail', key: `test:${n}`, payload: { n, to: `guest${n}@example.com`, lines: ['Booking HV-1'] }, ...overrides };
}

export function describeJobQueue(name: string, makeQueue: () => JobQueue | Promise<JobQueue>): void {
  describe(name, () => {
    it('hands out a job at once, with its payload exactly as enqueued and no attempts yet', async () => {
      const queue = await makeQueue();
      expect(await queue.enqueue(sampleJob(1), T0)).toBe(true);
      const [job, ...rest] = await claimAll(queue, T0);
      expect(rest).toEqual([]);
      expect(job).toMatchObject({ kind: 'mail', key: 'test:1', payload: sampleJob(1).payload, attempts: 0, createdAt: T0, lockedUntil: lease(T0) });
    });

    it('keeps one job when the same key is enqueued twice, even after it ran', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1), T0);
      expect(await queue.enqueue(sampleJob(1, { payload: 'again' }), at(1000))).toBe(false);
      const [job] = await claimAll(queue, at(2000));
      expect(job?.payload).toEqual(sampleJob(1).payload);
      await queue.complete(job!, at(2000));
      expect(await queue.enqueue(sampleJob(1), at(MINUTE))).toBe(false);
      expect(await claimAll(queue, at(MINUTE))).toEqual([]);
    });

    it('prunes the jobs finished before a moment, whatever their end, and keeps the rest', async () => {
      const queue = await makeQueue();
      for (const n of [1, 2, 3, 4, 5]) await queue.enqueue(sampleJob(n), T0);
      await queue.enqueue(sampleJob(6, { runAt: at(60 * MINUTE) }), T0);
      const [done, failed, late] = await queue.claim(T0, { kinds: ['mail'], limit: 3, lockedUntil: lease(T0) });
      await queue.complete(done!, at(1000));
      await queue.fail(failed!, 'refused', null, at(1000));
      await queue.cancel('test:4', at(1000));
      await queue.complete(late!, at(10 * MINUTE));
      expect(await queue.prune(at(MINUTE))).toBe(3);
      expect(await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => (await queue.find(`test:${n}`))?.status))).toEqual([undefined, undefined, 'done', undefined, 'queued', 'queued']);
      expect(await queue.prune(at(MINUTE))).toBe(0);
      // A pruned key is free again; one kept is not.
      expect(await queue.enqueue(sampleJob(1), at(20 * MINUTE))).toBe(true);
      expect(await queue.enqueue(sampleJob(3), at(20 * MINUTE))).toBe(false);
    });

    it('does not hand out a job scheduled for later before its time', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1, { kind: 'balance', runAt: at(60 * MINUTE) }), T0);
      expect(await claimAll(queue, at(60 * MINUTE - 1))).toEqual([]);
      expect((await claimAll(queue, at(60 * MINUTE))).map((j) => j.key)).toEqual(['test:1']);
    });

    it('hands out only the kinds asked for', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1, { kind: 'webhook' }), T0);
      await queue.enqueue(sampleJob(2, { kind: 'mail' }), T0);
      expect((await claimAll(queue, T0, ['mail'])).map((j) => j.key)).toEqual(['test:2']);
      expect(await claimAll(queue, T0, [])).toEqual([]);
    });

    it('hands out at most the limit, the longest-due first, then in enqueue order', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1, { runAt: at(3000) }), T0);
      await queue.enqueue(sampleJob(2, { runAt: at(1000) }), T0);
      await queue.enqueue(sampleJob(3, { runAt: at(1000) }), T0);
      const due = await queue.claim(at(10_000), { kinds: ['mail'], limit: 2, lockedUntil: lease(at(10_000)) });
      expect(due.map((j) => j.key)).toEqual(['test:2', 'test:3']);
    });

    it('does not hand out a claimed job again until its lease has passed, then does (a restart mid-run)', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1), T0);
      const [first] = await claimAll(queue, T0);
      expect(await claimAll(queue, at(5 * MINUTE - 1))).toEqual([]);
      const [again] = await claimAll(queue, at(5 * MINUTE));
      expect(again?.id).toBe(first?.id);
      // The first holder comes back late: its outcome no longer counts.
      expect(await queue.complete(first!, at(6 * MINUTE))).toBe(false);
      expect(await queue.fail(first!, 'late', null, at(6 * MINUTE))).toBe(false);
      expect(await queue.complete(again!, at(6 * MINUTE))).toBe(true);
      expect(await queue.find('test:1')).toMatchObject({ status: 'done', attempts: 0, finishedAt: at(6 * MINUTE), lockedUntil: null });
    });

    it('never gives the same job to two instances claiming at the same moment', async () => {
      const queue = await makeQueue();
      for (const n of [1, 2, 3, 4, 5]) await queue.enqueue(sampleJob(n), T0);
      const claims = await Promise.all(Array.from({ length: 8 }, () => queue.claim(T0, { kinds: ['mail'], limit: 2, lockedUntil: lease(T0) })));
      const ids = claims.flat().map((j) => j.id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    });

    it('hands a failed job out again at its retry time, not before, counting the attempt and keeping the error', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1), T0);
      const [job] = await claimAll(queue, T0);
      expect(await queue.fail(job!, 'ESOCKET connect ECONNREFUSED', at(MINUTE), T0)).toBe(true);
      expect(await claimAll(queue, at(MINUTE - 1))).toEqual([]);
      const [again] = await claimAll(queue, at(MINUTE));
      expect(again).toMatchObject({ id: job!.id, attempts: 1, payload: sampleJob(1).payload, createdAt: T0 });
      expect(await queue.find('test:1')).toMatchObject({ status: 'queued', attempts: 1, lastError: 'ESOCKET connect ECONNREFUSED', runAt: at(MINUTE) });
    });

    it('never hands out a job it was told to give up on, and keeps it for inspection', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1), T0);
      const [job] = await claimAll(queue, T0);
      await queue.fail(job!, '550 mailbox unavailable', null, at(1000));
      expect(await claimAll(queue, at(48 * 60 * MINUTE))).toEqual([]);
      expect(await queue.find('test:1')).toMatchObject({ status: 'failed', attempts: 1, lastError: '550 mailbox unavailable', finishedAt: at(1000) });
    });

    it('runs jobs of one ordering key one at a time, in enqueue order, whatever their run times', async () => {
      const queue = await makeQueue();
      const webhook = (n: number, overrides: Partial<NewJob> = {}) => sampleJob(n, { kind: 'webhook', orderingKey: 'ep_1:bk_1', ...overrides });
      await queue.enqueue(webhook(1), T0);
      await queue.enqueue(webhook(2), T0);
      await queue.enqueue(webhook(3), T0);
      await queue.enqueue(sampleJob(4, { kind: 'webhook', orderingKey: 'ep_1:bk_2' }), T0);
      const [first, other, ...none] = await claimAll(queue, T0);
      expect([first?.key, other?.key, none]).toEqual(['test:1', 'test:4', []]);
      // The first fails and waits a minute: the second waits behind it, even though it is due.
      await queue.fail(first!, 'HTTP 503', at(MINUTE), T0);
      expect(await claimAll(queue, at(30_000))).toEqual([]);
      const [retried] = await claimAll(queue, at(MINUTE));
      expect(retried?.key).toBe('test:1');
      await queue.complete(retried!, at(MINUTE));
      const [second] = await claimAll(queue, at(MINUTE));
      expect(second?.key).toBe('test:2');
      // A job given up on or cancelled no longer holds the others back.
      await queue.fail(second!, 'HTTP 410', null, at(MINUTE));
      expect((await claimAll(queue, at(MINUTE))).map((j) => j.key)).toEqual(['test:3']);
    });

    it('cancels a queued job by its key so it never runs, and says when there was none to cancel', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1, { kind: 'balance', key: 'balance:bk_1', runAt: at(60 * MINUTE) }), T0);
      expect(await queue.cancel('balance:bk_1', at(1000))).toBe(true);
      expect(await queue.cancel('balance:bk_1', at(2000))).toBe(false);
      expect(await queue.cancel('balance:bk_none', at(2000))).toBe(false);
      expect(await claimAll(queue, at(2 * 60 * MINUTE))).toEqual([]);
      expect(await queue.find('balance:bk_1')).toMatchObject({ status: 'cancelled', finishedAt: at(1000) });
      // Cancelled stays cancelled: the same key is not scheduled again.
      expect(await queue.enqueue(sampleJob(1, { kind: 'balance', key: 'balance:bk_1' }), at(3000))).toBe(false);
    });

    it('keeps a job cancelled while it was running cancelled when its run ends', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1), T0);
      const [job] = await claimAll(queue, T0);
      expect(await queue.cancel('test:1', at(1000))).toBe(true);
      expect(await queue.complete(job!, at(2000))).toBe(false);
      expect(await queue.fail(job!, 'x', at(MINUTE), at(2000))).toBe(false);
      expect((await queue.find('test:1'))?.status).toBe('cancelled');
    });

    it('moves a scheduled job to another time, but not one that is running or finished', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleJob(1, { runAt: at(60 * MINUTE) }), T0);
      expect(await queue.reschedule('test:1', at(10 * MINUTE), T0)).toBe(true);
      expect(await claimAll(queue, at(10 * MINUTE - 1))).toEqual([]);
      const [job] = await claimAll(queue, at(10 * MINUTE));
      expect(await queue.reschedule('test:1', at(90 * MINUTE), at(10 * MINUTE))).toBe(false);
      await queue.complete(job!, at(10 * MINUTE));
      expect(await queue.reschedule('test:1', at(90 * MINUTE), at(11 * MINUTE))).toBe(false);
      expect(await queue.reschedule('test:none', at(90 * MINUTE), at(11 * MINUTE))).toBe(false);
    });

    it('tells what it knows of a job by its key', async () => {
      const queue = await makeQueue();
      expect(await queue.find('test:1')).toBeUndefined();
      await queue.enqueue(sampleJob(1, { orderingKey: 'ep_1:bk_1', runAt: at(MINUTE) }), T0);
      expect(await queue.find('test:1')).toMatchObject({
        kind: 'mail',
        key: 'test:1',
        payload: sampleJob(1).payload,
        orderingKey: 'ep_1:bk_1',
        status: 'queued',
        runAt: at(MINUTE),
        attempts: 0,
        lockedUntil: null,
        lastError: null,
        createdAt: T0,
        finishedAt: null,
      });
    });
  });
}
