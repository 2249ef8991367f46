/**
 * Parsed catalog objects (assets, messaging) by id. Lookups return the same few catalog rows
 * over and over, and parsing their JSON was a quarter of a lookup's CPU (npm run
 * bench:server profile). Writes go through `set`, so a cached object is never stale within
 * this process; the cache is bounded and simply starts over when full.
 */
export class ParsedCache<T> {
  private readonly entries = new Map<string, T | null>();

  constructor(private readonly maxEntries = 20_000) {}

  /** The object for `id`, reading and parsing it with `load` on a miss; null when absent. */
  get(id: string, load: (id: string) => { data: string } | undefined): T | null {
    const cached = this.entries.get(id);
    if (cached !== undefined) return cached;
    const row = load(id);
    const value = row ? (JSON.parse(row.data) as T) : null;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, value);
    return value;
  }

  set(id: string, value: T): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, value);
  }
}
