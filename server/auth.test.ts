import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../utils/contract/backend-url';
import { KeyRing, parseKeysEnv, scopeAllows } from './auth';
import { RateLimiter } from './rate-limit';

describe('parseKeysEnv', () => {
  it('reads several keys per scope', () => {
    expect(parseKeysEnv(' read:readkey01, read:readkey02 ,admin:adminkey1')).toEqual({
      read: ['readkey01', 'readkey02'],
      write: [],
      admin: ['adminkey1'],
    });
  });

  it.each([
    ['', /is empty/],
    ['readkey01', /entry 1 has scope "readkey01"/],
    ['read:short', /entry 1 \(read\) needs a key of at least 8 characters/],
    ['read:goodkey01,owner:goodkey02', /entry 2 has scope "owner"/],
  ])('rejects %j with a message saying what is wrong', (value, message) => {
    expect(() => parseKeysEnv(value)).toThrow(message);
  });
});

describe('KeyRing', () => {
  it('resolves bearer keys to scopes and ids that do not reveal the key', () => {
    const ring = new KeyRing({ read: 'readkey01', admin: ['adminkey1'] });
    const grant = ring.resolve('Bearer readkey01');
    expect(grant?.scope).toBe('read');
    expect(grant?.keyId).toMatch(/^read:[0-9a-f]{8}$/);
    expect(grant?.keyId).not.toContain('readkey01');
    expect(ring.resolve('bearer  adminkey1 ')?.scope).toBe('admin');
    expect(ring.resolve('Bearer nope')).toBeNull();
    expect(ring.resolve('Basic readkey01')).toBeNull();
    expect(ring.resolve(undefined)).toBeNull();
  });

  it('orders scopes admin > write > read', () => {
    expect(scopeAllows('admin', 'write')).toBe(true);
    expect(scopeAllows('write', 'read')).toBe(true);
    expect(scopeAllows('write', 'admin')).toBe(false);
    expect(scopeAllows('read', 'write')).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('RateLimiter', () => {
  it('allows a burst of the per-minute allowance, then refills continuously', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('k')).toBe(0);
    expect(limiter.take('k')).toBe(1);
    now += 999;
    expect(limiter.take('k')).toBe(1);
    now += 2;
    expect(limiter.take('k')).toBe(0);
    expect(limiter.take('other')).toBe(0);
  });

  it('refuses a non-positive allowance', () => {
    expect(() => new RateLimiter(0)).toThrow(/positive/);
  });
});
