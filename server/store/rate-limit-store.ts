// Issue 9: fixed-window hit counters for hono-rate-limiter. On PostgreSQL every instance counts in
// one table, so N instances do not give a client N times the limit; SQLite is one process and
// counts in memory.
import type { Kysely } from 'kysely';
import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import { statement } from './raw-statements.ts';
import type { Database } from './schema.ts';

/** hono-rate-limiter's store, with the reads our failed-authentication limit needs. */
export type RateLimitStore = Required<Pick<Store, 'get' | 'increment' | 'decrement' | 'resetKey'>>;

/**
 * hono-rate-limiter reads what `increment` returns after an await, so a counter object that later
 * hits keep changing would show a burst its final count: each answer is a copy.
 */
export class MemoryBuckets implements RateLimitStore {
  readonly #buckets = new Map<string, { hits: number; resetAt: number }>();
  #nextSweep = 0;

  constructor(private readonly windowMs: number) {}

  get(key: string): ClientRateLimitInfo | undefined {
    const bucket = this.#buckets.get(key);
    return bucket && bucket.resetAt > Date.now() ? { totalHits: bucket.hits, resetTime: new Date(bucket.resetAt) } : undefined;
  }

  increment(key: string): ClientRateLimitInfo {
    const now = Date.now();
    this.#sweep(now);
    const bucket = this.#buckets.get(key);
    const current = bucket && bucket.resetAt > now ? { hits: bucket.hits + 1, resetAt: bucket.resetAt } : { hits: 1, resetAt: now + this.windowMs };
    this.#buckets.set(key, current);
    return { totalHits: current.hits, resetTime: new Date(current.resetAt) };
  }

  decrement(key: string) {
    const bucket = this.#buckets.get(key);
    if (bucket && bucket.hits > 0) bucket.hits--;
  }

  resetKey(key: string) {
    this.#buckets.delete(key);
  }

  /** Once a window, forgets the clients whose window ended, so memory follows recent traffic only. */
  #sweep(now: number) {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + this.windowMs;
    for (const [key, bucket] of this.#buckets) if (bucket.resetAt <= now) this.#buckets.delete(key);
  }
}

/** A hit: one atomic upsert, a new window when the bucket's has ended; made once, as every public request runs it (issue 13). */
const HIT = statement<{ hits: number; reset_at: number }>(
  'postgres',
  `insert into rate_limit_buckets (key, hits, reset_at) values (?, 1, ?)
    on conflict (key) do update set
      hits = case when rate_limit_buckets.reset_at <= ? then 1 else rate_limit_buckets.hits + 1 end,
      reset_at = case when rate_limit_buckets.reset_at <= ? then excluded.reset_at else rate_limit_buckets.reset_at end
    returning hits, reset_at`,
);

/** One row per bucket; a hit is one atomic upsert, so concurrent instances never lose a count. */
export class PostgresBuckets implements RateLimitStore {
  #nextSweep = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly windowMs: number,
  ) {}

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.db.selectFrom('rate_limit_buckets').select(['hits', 'reset_at']).where('key', '=', key).where('reset_at', '>', Date.now()).executeTakeFirst();
    return row && { totalHits: row.hits, resetTime: new Date(Number(row.reset_at)) };
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = Date.now();
    this.#sweep(now);
    const { rows } = await HIT(this.db, [key, now + this.windowMs, now, now]);
    const row = rows[0]!;
    return { totalHits: row.hits, resetTime: new Date(Number(row.reset_at)) };
  }

  async decrement(key: string) {
    await this.db
      .updateTable('rate_limit_buckets')
      .set((eb) => ({ hits: eb('hits', '-', 1) }))
      .where('key', '=', key)
      .where('hits', '>', 0)
      .execute();
  }

  async resetKey(key: string) {
    await this.db.deleteFrom('rate_limit_buckets').where('key', '=', key).execute();
  }

  /** Once a window per instance, deletes ended windows; a failure only leaves them for the next sweep. */
  #sweep(now: number) {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + this.windowMs;
    void this.db
      .deleteFrom('rate_limit_buckets')
      .where('reset_at', '<=', now)
      .execute()
      .catch(() => undefined);
  }
}

/** The counters of one limit: shared by every instance on PostgreSQL, this process's memory on SQLite. */
export function rateLimitStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', windowMs: number): RateLimitStore {
  return dialect === 'postgres' ? new PostgresBuckets(db, windowMs) : new MemoryBuckets(windowMs);
}
