// The database job queue passes the same contract as the in-memory one, on every backend.
import { afterAll } from 'vitest';
import { describeJobQueue } from '../../test/support/job-queue-contract.ts';
import { freshSchema } from '../../test/support/test-app.ts';
import { openStore } from './open-store.ts';
import type { Store } from './store.ts';

const opened: { store: Store; drop?: () => Promise<void> }[] = [];

async function queueOn(databaseUrl: string | undefined) {
  const schema = databaseUrl ? await freshSchema(databaseUrl) : undefined;
  const store = await openStore(schema ? { databaseUrl: schema.url, poolSize: 2 } : {});
  opened.push({ store, drop: schema?.drop });
  return store.jobs;
}

afterAll(async () => {
  for (const { store, drop } of opened) {
    await store.close();
    await drop?.();
  }
});

describeJobQueue('SQLite job queue', () => queueOn(undefined));
if (process.env.DATABASE_URL) describeJobQueue('PostgreSQL job queue', () => queueOn(process.env.DATABASE_URL));
