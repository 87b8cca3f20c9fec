// Issue 11: the durable job queue on a real database, with two server instances sharing it: every
// job runs once, in order per ordering key, is retried and given up by its kind's back-off, is taken
// over when an instance dies mid-run, never runs once cancelled, mail still goes out at once, and
// finished jobs are deleted after 30 days.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, test } from 'vitest';
import { createApp } from '../server/app.ts';
import { runHousekeeping } from '../server/housekeeping.ts';
import { startJobRunner } from '../server/jobs/loop.ts';
import { backoff } from '../server/jobs/retry.ts';
import { createJobRunner, type JobHandler } from '../server/jobs/runner.ts';
import { createMailer } from '../server/mail/mailer.ts';
import { MAIL_JOB, mailJobHandler } from '../server/mail/queue.ts';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { backends } from './support/api.ts';
import { CARD, heldBooking, manualHotel } from './support/manual-card.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const later = (t: TestApp, ms: number) => new Date(t.now().getTime() + ms);

describe.each(backends)('the job queue on %s', (_name, databaseUrl) => {
  const opened: TestApp[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const t of opened.reverse()) await t.close();
    opened.length = 0;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  interface Run {
    instance: string;
    key: string;
    payload: { n: number; booking?: string };
    start: number;
    end: number;
  }

  /** Runs test/support/job-worker.ts as two processes on `t`'s database until nothing is left. */
  async function twoWorkers(t: TestApp): Promise<Run[]> {
    const config = (instance: string) => JSON.stringify({ instance, ...t.instance, now: t.now().toISOString() });
    const workers = ['a', 'b'].map((instance) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/job-worker.ts', config(instance)], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.startsWith('ready') && resolve()));
      const exited = new Promise<string>((resolve, reject) =>
        child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${instance} exited with ${code}: ${err}`)))),
      );
      return { child, ready, exited };
    });
    // A worker that dies before it is ready fails the test with its output, not a timeout.
    await Promise.all(workers.map((w) => Promise.race([w.ready, w.exited])));
    for (const w of workers) w.child.stdin.write('go\n');
    const outputs = await Promise.all(workers.map((w) => w.exited));
    return outputs.flatMap((out) =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Run),
    );
  }

  async function database() {
    const dir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'directbook-jobs-'));
    if (dir) dirs.push(dir);
    const t = await createTestApp({ databaseUrl, sqlitePath: dir && join(dir, 'directbook.sqlite') });
    opened.push(t);
    return t;
  }

  test('two instances running the queue at the same time run every job exactly once', async () => {
    const t = await database();
    for (let n = 0; n < 40; n++) await t.store.jobs.enqueue({ kind: 'count', key: `count:${n}`, payload: { n } }, t.now());

    const runs = await twoWorkers(t);

    expect(runs.map((r) => r.payload.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(new Set(runs.map((r) => r.instance))).toEqual(new Set(['a', 'b']));
    expect((await t.store.backlog(t.now().toISOString())).jobs).toEqual({});
  });

  test('keeps the jobs of one ordering key in order and one at a time across two instances', async () => {
    const t = await database();
    for (let n = 1; n <= 5; n++) {
      for (const booking of ['bk_1', 'bk_2', 'bk_3', 'bk_4']) {
        await t.store.jobs.enqueue({ kind: 'webhook', key: `webhook:${booking}:${n}`, payload: { booking, n }, orderingKey: `ep_1:${booking}` }, t.now());
      }
    }

    const runs = (await twoWorkers(t)).sort((x, y) => x.start - y.start);

    for (const booking of ['bk_1', 'bk_2', 'bk_3', 'bk_4']) {
      const mine = runs.filter((r) => r.payload.booking === booking);
      expect(mine.map((r) => r.payload.n)).toEqual([1, 2, 3, 4, 5]);
      // Each starts only after the one before it ended, whichever instance ran it.
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.start).toBeGreaterThanOrEqual(mine[i - 1]!.end);
    }
  });

  /** Two instances of the server on one database, each with its own pool and its own handlers. */
  async function twoInstances(handlers: (instance: 'a' | 'b') => Record<string, JobHandler<never>>) {
    const dir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'directbook-jobs-'));
    if (dir) dirs.push(dir);
    const a = await createTestApp({ databaseUrl, sqlitePath: dir && join(dir, 'directbook.sqlite'), jobHandlers: handlers('a') });
    opened.push(a);
    const b = await createTestApp({ sameDatabaseAs: a, jobHandlers: handlers('b') });
    opened.push(b);
    return [a, b] as const;
  }

  test('retries a job whose handler keeps throwing by its kind’s back-off, then fails it for good', async () => {
    const tries: number[] = [];
    let start = 0;
    const [a] = await twoInstances(() => ({
      webhook: {
        async run() {
          tries.push((a.now().getTime() - start) / MINUTE);
          throw new Error('HTTP 503');
        },
        retry: backoff({ firstMs: MINUTE, maxMs: 2 * MINUTE, giveUpAfterMs: 10 * MINUTE }),
      },
    }));
    start = a.now().getTime();
    await a.store.jobs.enqueue({ kind: 'webhook', key: 'webhook:1', payload: {} }, a.now());

    for (let job = await a.store.jobs.find('webhook:1'); job?.status === 'queued'; job = await a.store.jobs.find('webhook:1')) {
      a.setNow(job.runAt);
      await a.runJobs();
    }

    expect(tries).toEqual([0, 1, 3, 5, 7, 9]);
    expect(await a.store.jobs.find('webhook:1')).toMatchObject({ status: 'failed', attempts: 6, lastError: 'HTTP 503' });
    a.setNow(later(a, 24 * 60 * MINUTE));
    expect(await a.runJobs()).toEqual({ done: 0, retrying: 0, failed: 0 });
  });

  test('a job whose instance died mid-run is run by another once its lease has passed, and only then', async () => {
    let ranOnB = 0;
    const [a, b] = await twoInstances((instance) => ({
      balance: {
        // Instance a dies while running it: its run never ends.
        run: instance === 'a' ? () => new Promise<void>(() => {}) : async () => void (ranOnB += 1),
      },
    }));
    await a.store.jobs.enqueue({ kind: 'balance', key: 'balance:bk_1', payload: { bookingId: 'bk_1' } }, a.now());
    void a.runJobs();
    await expect.poll(async () => (await a.store.jobs.find('balance:bk_1'))?.lockedUntil).not.toBeNull();

    b.setNow(later(b, 5 * MINUTE - 1));
    expect(await b.runJobs()).toEqual({ done: 0, retrying: 0, failed: 0 });
    b.setNow(later(b, 1));
    expect(await b.runJobs()).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(ranOnB).toBe(1);
    expect(await b.store.jobs.find('balance:bk_1')).toMatchObject({ status: 'done', finishedAt: b.now() });
  });

  test('a job scheduled once, however often it is enqueued, never runs on any instance once cancelled by its key', async () => {
    const ran: string[] = [];
    const [a, b] = await twoInstances(() => ({ balance: { run: async ({ bookingId }: { bookingId: string }) => void ran.push(bookingId) } }));
    const balance = (bookingId: string) => ({ kind: 'balance', key: `balance:${bookingId}`, payload: { bookingId }, runAt: later(a, 24 * 60 * MINUTE) });
    expect(await a.store.jobs.enqueue(balance('bk_1'), a.now())).toBe(true);
    expect(await b.store.jobs.enqueue(balance('bk_1'), b.now())).toBe(false);
    await a.store.jobs.enqueue(balance('bk_2'), a.now());
    expect(await b.store.jobs.cancel('balance:bk_2', b.now())).toBe(true);

    for (const t of [a, b]) t.setNow(later(t, 2 * 24 * 60 * MINUTE));
    // One after the other: two SQLite connections in one process would wait on each other.
    await a.runJobs();
    await b.runJobs();

    expect(ran).toEqual(['bk_1']);
  });

  test('housekeeping deletes jobs 30 days after they finished, with the e-mails they carried, and keeps the rest', async () => {
    const sent: OutgoingMail[] = [];
    const t = await createTestApp({ databaseUrl, mailTransport: { send: async (mail) => void sent.push(mail) } });
    opened.push(t);
    const hotel = await manualHotel(t);
    const { id, clientToken } = await heldBooking(t, hotel);
    expect((await t.request('POST', `/api/v1/public/bookings/${id}/card`, { key: clientToken, body: CARD })).status).toBe(200);
    await t.runJobs();
    const confirmation = `mail:${sent.find((m) => m.to === 'putri@example.com')!.messageId}`;
    await t.store.jobs.enqueue({ kind: 'balance', key: 'balance:later', payload: {}, runAt: later(t, 90 * DAY) }, t.now());
    const finished = t.now().getTime();

    t.setNow(new Date(finished + 29 * DAY).toISOString());
    expect(await runHousekeeping(t.store, t.now(), 7)).toMatchObject({ jobsPruned: 0 });
    expect(await t.store.jobs.find(confirmation)).toMatchObject({ status: 'done', payload: expect.objectContaining({ to: 'putri@example.com' }) });
    t.setNow(new Date(finished + 31 * DAY).toISOString());
    expect((await runHousekeeping(t.store, t.now(), 7)).jobsPruned).toBeGreaterThan(0);
    expect(await t.store.jobs.find(confirmation)).toBeUndefined();
    expect(await t.store.jobs.find('balance:later')).toMatchObject({ status: 'queued' });
  });

  test('sends the guest’s confirmation right after the booking commits, not at the next poll', async () => {
    const sent: { mail: OutgoingMail; at: number }[] = [];
    const t = await createTestApp({ databaseUrl });
    opened.push(t);
    const logger = pino({ level: 'silent' });
    const transport = { send: async (mail: OutgoingMail) => void sent.push({ mail, at: performance.now() }) };
    const loop = startJobRunner(createJobRunner({ queue: t.store.jobs, handlers: { [MAIL_JOB]: mailJobHandler(transport) }, logger, now: t.now }), { logger, intervalMs: 60 * MINUTE });
    const mailer = createMailer({ jobs: t.store.jobs, from: 'bookings@directbook.test', logger, now: t.now, onQueued: () => loop.kick() });
    const app = createApp({ ...t.deps, mailer });
    try {
      const hotel = await manualHotel(t);
      const { id, clientToken } = await heldBooking(t, hotel);
      const res = await app.request(`/api/v1/public/bookings/${id}/card`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clientToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(CARD),
      });
      const committed = performance.now();
      expect(res.status).toBe(200);
      await expect.poll(() => sent.some((s) => s.mail.to === 'putri@example.com'), { timeout: 2_000 }).toBe(true);
      expect(sent.find((s) => s.mail.to === 'putri@example.com')!.at - committed).toBeLessThan(2_000);
    } finally {
      await loop.stop();
    }
  });
});
