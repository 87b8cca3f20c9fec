// A server instance reduced to its job runner, as a process of its own: test/job-queue.test.ts runs
// two on one database. SQLite needs processes (one process's two connections would wait on each other).
// Each run is printed as a JSON line: {instance, key, payload, start, end}.
import pino from 'pino';
import { createJobRunner, type JobHandler } from '../../server/jobs/runner.ts';
import { openStore } from '../../server/store/open-store.ts';

const { instance, databaseUrl, sqlitePath, now } = JSON.parse(process.argv[2]!) as { instance: string; databaseUrl?: string; sqlitePath?: string; now: string };
const store = await openStore(databaseUrl ? { databaseUrl, poolSize: 4 } : { sqlitePath });
const clock = () => performance.timeOrigin + performance.now();

const recorded: JobHandler = {
  async run(payload, job) {
    const start = clock();
    await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 3));
    console.log(JSON.stringify({ instance, key: job.key, payload, start, end: clock() }));
  },
};
const runner = createJobRunner({ queue: store.jobs, handlers: { count: recorded, webhook: recorded }, logger: pino({ level: 'silent' }), batchSize: 3 });

// Both instances start together: each says it is ready, then waits for the test's go on stdin.
console.log('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
const at = new Date(now);
const deadline = Date.now() + 15_000;
while (Date.now() < deadline) {
  const report = await runner.runDue(at);
  if (report.done > 0) continue;
  const waiting = Object.values((await store.backlog(at.toISOString())).jobs).reduce((sum, n) => sum + n, 0);
  if (waiting === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 5));
}
await store.close();
process.stdin.destroy();
