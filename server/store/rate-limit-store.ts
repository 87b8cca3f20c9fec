// Issue 9: fixed-window hit counters for hono-rate-limiter. On PostgreSQL every instance counts in
// one table, so N instances do not give a client N times the limit; SQLite is one process and
// counts in memory.
import type { Kysely } from 'kysely';
import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import { perTurn } from './per-turn.ts';
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

/**
 * Hits: one atomic upsert per key, a new window when the bucket's has ended. Every booking attempt
 * counts one, so the hits of a turn go as one statement (per-turn.ts), keys in order so that two
 * instances' statements lock rows in the same order.
 */
const HITS = statement<{ key: string; hits: number; reset_at: string }>(
  'postgres',
  `insert into rate_limit_buckets (key, hits, reset_at)
    select hit.key, hit.hits, cast(? as bigint) from unnest(cast(? as text[]), cast(? as integer[])) as hit (key, hits)
    on conflict (key) do update set
      hits = case when rate_limit_buckets.reset_at <= ? then excluded.hits else rate_limit_buckets.hits + excluded.hits end,
      reset_at = case when rate_limit_buckets.reset_at <= ? then excluded.reset_at else rate_limit_buckets.reset_at end
    returning key, hits, reset_at`,
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

  increment(key: string): Promise<ClientRateLimitInfo> {
    return this.#hits.load(key);
  }

  /** The turn's hits in one statement; the n-th hit of a key that came k times sees the count after its own. */
  readonly #hits = perTurn<string, ClientRateLimitInfo>(async (keys) => {
    const now = Date.now();
    this.#sweep(now);
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const sorted = [...counts.keys()].sort();
    const { rows } = await HITS(this.db, [now + this.windowMs, sorted, sorted.map((key) => counts.get(key)), now, now]);
    const after = new Map(rows.map((row) => [row.key, { hits: Number(row.hits), resetTime: new Date(Number(row.reset_at)) }]));
    const seen = new Map<string, number>();
    return keys.map((key) => {
      const { hits, resetTime } = after.get(key)!;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      return { totalHits: hits - counts.get(key)! + nth, resetTime };
    });
  });

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
