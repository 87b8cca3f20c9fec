import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createMemoryJobQueue } from '../../test/support/memory-job-queue.ts';
import { backoff, GiveUp, RetryAt } from './retry.ts';
import { createJobRunner, type JobHandler } from './runner.ts';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines, raw: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}

/** A handler that records each payload it runs and fails while `fail` says so. */
function recording<P>(fail: (payload: P, attempt: number) => Error | undefined = () => undefined) {
  const runs: P[] = [];
  const handler: JobHandler<P> = {
    async run(payload, job) {
      runs.push(payload);
      const error = fail(payload, job.attempts + 1);
      if (error) throw error;
    },
  };
  return { runs, handler };
}

describe('the job runner', () => {
  it('runs each due job with the handler of its kind, and leaves kinds it has no handler for to other instances', async () => {
    const queue = createMemoryJobQueue();
    const mail = recording<{ to: string }>();
    const runner = createJobRunner({ queue, handlers: { mail: mail.handler }, logger: pino({ level: 'silent' }) });
    await queue.enqueue({ kind: 'mail', key: 'mail:1', payload: { to: 'ana@example.com' } }, T0);
    await queue.enqueue({ kind: 'balance', key: 'balance:bk_1', payload: { bookingId: 'bk_1' } }, T0);

    expect(await runner.runDue(T0)).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(mail.runs).toEqual([{ to: 'ana@example.com' }]);
    expect(queue.rows.map((r) => [r.key, r.status])).toEqual([
      ['mail:1', 'done'],
      ['balance:bk_1', 'queued'],
    ]);
  });

  it('retries a job whose handler throws by its kind’s back-off, and fails it once the policy gives up', async () => {
    const queue = createMemoryJobQueue();
    const { runs, handler } = recording(() => new Error('HTTP 503 from the endpoint'));
    const log = capturingLogger();
    const runner = createJobRunner({ queue, handlers: { webhook: { ...handler, retry: backoff({ firstMs: 5_000, maxMs: 20_000, giveUpAfterMs: 60_000 }) } }, logger: log.logger });
    await queue.enqueue({ kind: 'webhook', key: 'webhook:1', payload: { secret: 'whsec_do_not_log' } }, T0);

    const tries: number[] = [];
    let now = T0;
    while (queue.rows[0]!.status === 'queued') {
      expect(await runner.runDue(new Date(queue.rows[0]!.runAt.getTime() - 1))).toEqual({ done: 0, retrying: 0, failed: 0 });
      now = queue.rows[0]!.runAt;
      tries.push((now.getTime() - T0.getTime()) / 1000);
      await runner.runDue(now);
    }
    // 5, 10, 20, 20 s apart; the next would fall more than a minute after the job was enqueued.
    expect(tries).toEqual([0, 5, 15, 35, 55]);
    expect(runs).toHaveLength(5);
    expect(queue.rows[0]).toMatchObject({ status: 'failed', attempts: 5, lastError: 'HTTP 503 from the endpoint', finishedAt: now });
    expect(log.lines.filter((l) => l.msg === 'job failed, will retry')).toHaveLength(4);
    expect(log.lines.find((l) => l.msg === 'job failed, giving up')).toMatchObject({ component: 'jobs', kind: 'webhook', key: 'webhook:1', attempt: 5 });
    expect(log.raw()).not.toContain('whsec_do_not_log');
  });

  it('fails a job at once when its handler gives up, keeping the reason', async () => {
    const queue = createMemoryJobQueue();
    const { handler } = recording(() => new GiveUp(Object.assign(new Error('card_declined'), { code: 'card_error' })));
    const runner = createJobRunner({ queue, handlers: { balance: handler }, logger: pino({ level: 'silent' }) });
    await queue.enqueue({ kind: 'balance', key: 'balance:bk_1', payload: {} }, T0);

    expect(await runner.runDue(T0)).toEqual({ done: 0, retrying: 0, failed: 1 });
    expect(queue.rows[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'card_error card_declined' });
  });

  it('runs a job again exactly when its handler asks', async () => {
    const queue = createMemoryJobQueue();
    const { runs, handler } = recording((_payload, attempt) => (attempt === 1 ? new RetryAt(at(90_000), 'Retry-After: 90') : undefined));
    const runner = createJobRunner({ queue, handlers: { webhook: handler }, logger: pino({ level: 'silent' }) });
    await queue.enqueue({ kind: 'webhook', key: 'webhook:1', payload: 1 }, T0);

    expect(await runner.runDue(T0)).toEqual({ done: 0, retrying: 1, failed: 0 });
    expect(queue.rows[0]).toMatchObject({ runAt: at(90_000), lastError: 'Retry-After: 90' });
    expect(await runner.runDue(at(89_999))).toEqual({ done: 0, retrying: 0, failed: 0 });
    expect(await runner.runDue(at(90_000))).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(runs).toEqual([1, 1]);
  });

  it('delivers the jobs of one ordering key in order within one run, one at a time', async () => {
    const queue = createMemoryJobQueue();
    let inFlight = 0;
    const order: number[] = [];
    const handler: JobHandler<number> = {
      async run(n) {
        inFlight += 1;
        expect(inFlight).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(n);
        inFlight -= 1;
      },
    };
    const runner = createJobRunner({ queue, handlers: { webhook: handler }, logger: pino({ level: 'silent' }) });
    for (const n of [1, 2, 3, 4]) await queue.enqueue({ kind: 'webhook', key: `webhook:${n}`, payload: n, orderingKey: 'ep_1:bk_1' }, T0);

    expect(await runner.runDue(T0)).toEqual({ done: 4, retrying: 0, failed: 0 });
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('does not mark done a job that was cancelled while it ran, and says so', async () => {
    const queue = createMemoryJobQueue();
    const log = capturingLogger();
    const handler: JobHandler = {
      async run() {
        await queue.cancel('balance:bk_1', T0);
      },
    };
    const runner = createJobRunner({ queue, handlers: { balance: handler }, logger: log.logger });
    await queue.enqueue({ kind: 'balance', key: 'balance:bk_1', payload: {} }, T0);

    await runner.runDue(T0);
    expect(queue.rows[0]?.status).toBe('cancelled');
    expect(log.lines.some((l) => l.msg === 'job outcome not recorded: its claim lapsed or it was cancelled')).toBe(true);
  });
});
