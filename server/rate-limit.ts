/**
 * Per-key token buckets: each key may burst up to its per-minute allowance and refills
 * continuously. In memory, per process — enough for one reference server.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!Number.isFinite(perMinute) || perMinute <= 0) {
      throw new Error(`rateLimitPerMinute must be a positive number (got ${perMinute}).`);
    }
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one token; returns 0 when allowed, else the seconds to wait before retrying. */
  take(keyId: string): number {
    const now = this.now();
    const bucket = this.buckets.get(keyId) ?? { tokens: this.perMinute, updatedMs: now };
    bucket.tokens = Math.min(
      this.perMinute,
      bucket.tokens + (now - bucket.updatedMs) * this.refillPerMs,
    );
    bucket.updatedMs = now;
    this.buckets.set(keyId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000));
  }
}
