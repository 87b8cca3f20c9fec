import pino from 'pino';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { startJobRunner } from './loop.ts';

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

const nothing = { done: 0, retrying: 0, failed: 0 };

it('keeps running after a failed run, and stops only once the run under way has finished', async () => {
  const log = capturingLogger();
  let runs = 0;
  let release = () => {};
  const loop = startJobRunner(
    {
      async runDue() {
        runs += 1;
        if (runs === 1) throw new Error('database is locked');
        if (runs === 3) await new Promise<void>((resolve) => (release = resolve));
        return nothing;
      },
    },
    { logger: log.logger, intervalMs: 1 },
  );
  await expect.poll(() => runs).toBe(3);
  expect(log.lines.filter((l) => l.msg === 'job run failed')).toHaveLength(1);

  let stopped = false;
  const stopping = loop.stop().then(() => (stopped = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(stopped).toBe(false);
  release();
  await stopping;
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(runs).toBe(3);
});

it('runs at once when kicked, and once more when kicked during a run, instead of waiting for the poll', async () => {
  let runs = 0;
  let release = () => {};
  const loop = startJobRunner(
    {
      async runDue() {
        runs += 1;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
        return nothing;
      },
    },
    { logger: pino({ level: 'silent' }), intervalMs: 60_000 },
  );
  loop.kick();
  await expect.poll(() => runs).toBe(1);
  loop.kick();
  loop.kick();
  release();
  await expect.poll(() => runs, { timeout: 1_000 }).toBe(2);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(runs).toBe(2);
  await loop.stop();
  loop.kick();
  expect(runs).toBe(2);
});
