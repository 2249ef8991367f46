import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backendPermission, hasPermission, originPermission } from './permissions';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('permission helpers', () => {
  it('asks for the origin (match patterns take no port)', () => {
    expect(originPermission('https://crm.acme.example')).toEqual({
      origins: ['https://crm.acme.example/*'],
    });
    expect(backendPermission('https://ctx.acme.example:8443/context/')).toEqual({
      origins: ['https://ctx.acme.example/*'],
    });
    expect(backendPermission('http://127.0.0.1:8787')).toEqual({
      origins: ['http://127.0.0.1/*'],
    });
    expect(backendPermission('http://localhost:8787/ctx')).toEqual({
      origins: ['http://localhost/*'],
    });
  });

  it('refuses a backend URL no key may go to, saying why', () => {
    expect(() => backendPermission('http://ctx.acme.example')).toThrow(/plain http/);
    expect(() => backendPermission('ctx.acme.example')).toThrow(/is not a URL/);
    // The manifest can grant http only for these two hosts: other loopback forms would
    // ask for a permission the browser refuses.
    expect(() => backendPermission('http://127.0.0.2:8787')).toThrow(/localhost.*127\.0\.0\.1/);
    expect(() => backendPermission('http://[::1]:8787')).toThrow(/localhost.*127\.0\.0\.1/);
  });

  it('asks the browser whether the permission is held', async () => {
    const contains = vi.fn(async ({ origins }: { origins?: string[] }) =>
      (origins ?? []).every((o) => o === 'https://crm.acme.example/*'),
    );
    fakeBrowser.permissions.contains = contains as typeof fakeBrowser.permissions.contains;
    expect(await hasPermission(originPermission('https://crm.acme.example'))).toBe(true);
    expect(await hasPermission(originPermission('https://other.example'))).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://other.example/*'] });
  });
});
