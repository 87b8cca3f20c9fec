// Issue 13: what a booking is priced with, kept per property until the owner changes it. Every
// request asks the database for the property's catalog version (one indexed read) and reuses what
// this instance loaded for that version, so a price set through any instance counts at once.
import { loadCatalog, type PropertyCatalog } from './catalog.ts';
import { windowOf } from './catalog-window.ts';
import type { PropertyRecord, Store } from './store/store.ts';

interface Entry {
  version: number;
  property: Promise<PropertyRecord | undefined>;
  catalogs: Map<string, Promise<PropertyCatalog>>;
}

/** Drops the oldest entries past `max`: Maps iterate in insertion order. */
function bound<K, V>(map: Map<K, V>, max: number) {
  while (map.size > max) map.delete(map.keys().next().value!);
}

export class CurrentCatalogs {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly store: Store,
    readonly maxProperties = 1_000,
    readonly maxStaysPerProperty = 64,
  ) {}

  /** The property as the database has it now; undefined when there is no such property. */
  async property(id: string): Promise<PropertyRecord | undefined> {
    const version = await this.store.catalogVersion(id);
    if (version === undefined) {
      this.#entries.delete(id);
      return undefined;
    }
    let entry = this.#entries.get(id);
    if (!entry || entry.version !== version) {
      const property = this.store.getProperty(id);
      const fresh: Entry = { version, property, catalogs: new Map() };
      property.catch(() => this.#entries.get(id) === fresh && this.#entries.delete(id));
      this.#entries.delete(id);
      this.#entries.set(id, (entry = fresh));
      bound(this.#entries, this.maxProperties);
    }
    return entry.property;
  }

  /**
   * Room types, rates, prices and extras covering the nights from..to, of the property `property()` gave;
   * a property read otherwise (or since replaced) gets a fresh load. Sales counts in it (`soldTotal`)
   * are as of its loading: the booking's transaction is what checks them.
   */
  async catalog(property: PropertyRecord, from: string, to: string): Promise<PropertyCatalog> {
    const entry = this.#entries.get(property.id);
    if (!entry || (await entry.property) !== property) return loadCatalog(this.store, property, from, to);
    // Stays in one aligned window share its catalog (server/catalog-window.ts): a rush on thirty
    // different nights loads one or two, not thirty.
    const window = windowOf(from, to);
    const key = `${window.from}|${window.to}`;
    let catalog = entry.catalogs.get(key);
    if (!catalog) {
      const loading = loadCatalog(this.store, property, window.from, window.to);
      loading.catch(() => entry.catalogs.get(key) === loading && entry.catalogs.delete(key));
      entry.catalogs.set(key, (catalog = loading));
      bound(entry.catalogs, this.maxStaysPerProperty);
    }
    return catalog;
  }
}
