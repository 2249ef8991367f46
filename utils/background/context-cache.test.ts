import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createStorageCacheStore } from './context-cache';

beforeEach(() => fakeBrowser.reset());

describe('createStorageCacheStore', () => {
  it('keeps entries in its own area, and clear() removes only the cache’s keys', async () => {
    const session = createStorageCacheStore('session');
    const local = createStorageCacheStore('local');
    await fakeBrowser.storage.session.set({ tabContacts: { 1: 'kept' } });
    await session.set('ref|https://a.example|jane@client.example', { v: 1, fetchedAt: 1 });
    await session.set('ref|https://a.example|raj@client.example', { v: 1, fetchedAt: 2 });
    expect(await session.get('ref|https://a.example|jane@client.example')).toEqual({
      v: 1,
      fetchedAt: 1,
    });
    expect(await local.get('ref|https://a.example|jane@client.example')).toBeNull();
    await session.delete('ref|https://a.example|raj@client.example');
    expect(await session.get('ref|https://a.example|raj@client.example')).toBeNull();
    await session.clear();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ tabContacts: { 1: 'kept' } });
  });
});
