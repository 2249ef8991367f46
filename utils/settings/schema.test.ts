import { describe, expect, it } from 'vitest';
import type { SiteId } from '../sites/registry';
import {
  CustomDomain,
  IdentitySettings,
  Origin,
  SITE_IDS,
  SiteSettings,
  SYNC_LIMITS,
} from './schema';
import { SYNC_QUOTA_BYTES_PER_ITEM, syncItemBytes } from './settings-store';

/** An entry of exactly `length` characters ending in `suffix`. */
function padded(length: number, suffix: string, fill = 'a'): string {
  return fill.repeat(length - suffix.length) + suffix;
}

describe('sync limits', () => {
  it('the fullest valid identity fits one sync item', () => {
    const worst = IdentitySettings.parse({
      ownEmails: Array.from({ length: SYNC_LIMITS.ownEmails }, (_, i) =>
        padded(SYNC_LIMITS.ownEmailLength, `${i}@b.example`),
      ),
      internalDomains: Array.from({ length: SYNC_LIMITS.internalDomains }, (_, i) =>
        padded(SYNC_LIMITS.domainLength, `${i}.example`),
      ),
      // Characters JSON would escape are not allowed, so none makes an entry bigger.
      neverLookUp: Array.from({ length: SYNC_LIMITS.neverLookUp }, (_, i) =>
        padded(SYNC_LIMITS.neverLookUpLength, `${i}@b.example`, "'"),
      ),
    });
    expect(syncItemBytes('identity', worst)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
  });

  it('the fullest valid site settings fit one sync item', () => {
    const longestAdapter = [...SITE_IDS].sort((a, b) => b.length - a.length)[0] as SiteId;
    const worst = SiteSettings.parse({
      disabled: SITE_IDS,
      customDomains: Array.from({ length: SYNC_LIMITS.customDomains }, (_, i) => ({
        origin: padded(SYNC_LIMITS.originLength, `${i}.example`).replace(/^aaaaaaaa/, 'https://'),
        adapter: longestAdapter,
      })),
    });
    expect(worst.customDomains[0]!.origin).toHaveLength(SYNC_LIMITS.originLength);
    expect(syncItemBytes('sites', worst)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
  });

  it('refuses one entry too many or too long, saying what to do', () => {
    const tooMany = IdentitySettings.safeParse({
      ownEmails: [],
      internalDomains: [],
      neverLookUp: Array.from({ length: SYNC_LIMITS.neverLookUp + 1 }, (_, i) => `p${i}@x.example`),
    });
    expect(tooMany.error?.issues[0]?.message).toBe(
      `at most ${SYNC_LIMITS.neverLookUp} entries (the list is synced in one item): remove some`,
    );
    const tooLong = IdentitySettings.safeParse({
      ownEmails: [],
      internalDomains: [],
      neverLookUp: [padded(SYNC_LIMITS.neverLookUpLength + 1, '@x.example')],
    });
    expect(tooLong.success).toBe(false);
    const escaped = IdentitySettings.safeParse({
      ownEmails: [],
      internalDomains: [],
      neverLookUp: ['a"\\\u0001@x.example', 'ü@x.example'],
    });
    expect(escaped.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'neverLookUp.0',
      'neverLookUp.1',
    ]);
  });
});

describe('Origin', () => {
  it('refuses wildcards anywhere in the host, saying why', () => {
    for (const value of [
      'https://*',
      'https://*.acme.example',
      'https://crm.*.example',
      'https://*:8443',
    ]) {
      const result = Origin.safeParse(value);
      expect(result.error?.issues[0]?.message, value).toMatch(/^wildcards \(\*\) are not allowed/);
    }
  });

  it('stores exactly what the page reports as location.origin (start.ts matches it exactly)', () => {
    for (const [value, page] of [
      ['https://CRM.acme.example/', 'https://crm.acme.example/lightning/r/Contact/1/view'],
      ['https://crm.acme.example:8443', 'https://crm.acme.example:8443/app'],
      ['https://acme.my.salesforce.com', 'https://acme.my.salesforce.com/003'],
    ] as const) {
      const domain = CustomDomain.parse({ origin: value, adapter: 'generic' });
      expect(domain.origin).toBe(new URL(page).origin);
    }
  });

  it('still refuses http, paths and non-URLs', () => {
    for (const value of ['http://crm.acme.example', 'https://crm.acme.example/app', 'crm']) {
      expect(Origin.safeParse(value).error?.issues[0]?.message, value).toMatch(
        /^enter an https origin/,
      );
    }
  });
});
