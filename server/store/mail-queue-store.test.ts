// The database mail queue passes the same contract as the in-memory one, on every backend.
import { afterAll } from 'vitest';
import { describeMailQueue } from '../../test/support/mail-queue-contract.ts';
import { freshSchema } from '../../test/support/test-app.ts';
import { openStore } from './open-store.ts';
import type { Store } from './store.ts';

const opened: { store: Store; drop?: () => Promise<void> }[] = [];

async function queueOn(databaseUrl: string | undefined) {
  const schema = databaseUrl ? await freshSchema(databaseUrl) : undefined;
  const store = await openStore(schema ? { databaseUrl: schema.url, poolSize: 2 } : {});
  opened.push({ store, drop: schema?.drop });
  return store.mailQueue;
}

afterAll(async () => {
  for (const { store, drop } of opened) {
    await store.close();
    await drop?.();
  }
});

describeMailQueue('SQLite mail queue', () => queueOn(undefined));
if (process.env.DATABASE_URL) describeMailQueue('PostgreSQL mail queue', () => queueOn(process.env.DATABASE_URL));
