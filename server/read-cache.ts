// Public reads come in bursts (every widget on a page load asks for the same things), so their
// static parts are kept for a moment. Writes through this instance invalidate a property at once;
// other instances see them when the entry ages out (TTL), which is why only the public read path
// uses this cache: quotes and bookings always read fresh, and holds are checked atomically anyway.

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

export class ReadCache {
  readonly #versions = new Map<string, number>();
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs = 2_000,
    readonly maxEntries = 2_000,
  ) {}

  /** Forgets everything cached for the property (called after any write to it). */
  invalidate(propertyId: string): void {
    this.#versions.set(propertyId, (this.#versions.get(propertyId) ?? 0) + 1);
  }

  /** The cached value for (property, key), or `load()` — shared by concurrent callers. */
  get<T>(propertyId: string, key: string, load: () => Promise<T>, ttlMs = this.ttlMs): Promise<T> {
    const id = `${propertyId}\u0000${this.#versions.get(propertyId) ?? 0}\u0000${key}`;
    const now = performance.now();
    const hit = this.#entries.get(id);
    if (hit && hit.expires > now) {
      // Used again, so last to be dropped past the bound: a catalog many answers read outlives them.
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit.value as Promise<T>;
    }
    this.#evict(now);
    const value = load();
    this.#entries.set(id, { expires: now + ttlMs, value });
    // A failed load is not remembered.
    value.catch(() => this.#entries.delete(id));
    return value;
  }

  /** Drops expired entries from the oldest end, and the oldest live ones past the bound. */
  #evict(now: number) {
    for (const [id, entry] of this.#entries) {
      if (entry.expires > now && this.#entries.size < this.maxEntries) break;
      this.#entries.delete(id);
    }
  }
}
