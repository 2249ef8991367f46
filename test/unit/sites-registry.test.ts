/**
 * The registry is the one list of sites: the adapters, the content-script entrypoints and the
 * README's "Supported sites" table must each hold exactly its sites, and each site's test
 * URLs must fall inside its own manifest match patterns and outside every other site's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '../../utils/sites/index';
import { SITE_IDS, SITES } from '../../utils/sites/registry';

/**
 * Chrome's match-pattern test (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * scheme, host (`*.` also matches the bare domain), path glob; the port is ignored.
 */
function matchesPattern(pattern: string, url: string): boolean {
  const parts = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`unsupported pattern ${pattern}`);
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const parsed = new URL(url);
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(protocol) : scheme !== protocol) return false;
  const hostname = parsed.hostname;
  const hostOk = host.startsWith('*.')
    ? hostname === host.slice(2) || hostname.endsWith(host.slice(1))
    : hostname === host;
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return hostOk && glob.test(parsed.pathname + parsed.search);
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

const hostOf = (pattern: string) => /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? pattern;

describe('the site registry', () => {
  it('has one adapter per site, in its order', () => {
    expect(SITE_ADAPTERS.map((adapter) => adapter.id)).toEqual(SITE_IDS);
    for (const [index, adapter] of SITE_ADAPTERS.entries()) {
      expect(adapter.label).toBe(SITES[index]!.label);
      expect(adapter.matchPatterns).toEqual(SITES[index]!.matchPatterns);
    }
    expect(new Set(SITE_IDS).size).toBe(SITE_IDS.length);
    expect(SITES.filter((site) => site.fallback).map((site) => site.id)).toEqual(['generic']);
    expect(SITES.at(-1)?.fallback).toBe(true);
  });

  it('has one content-script entrypoint per site, and no other', () => {
    const entries = readdirSync('entrypoints')
      .filter((file) => file.endsWith('.content.ts'))
      .map((file) => file.slice(0, -'.content.ts'.length));
    expect(entries.sort()).toEqual([...SITE_IDS].sort());
    for (const id of SITE_IDS) {
      const source = readFileSync(`entrypoints/${id}.content.ts`, 'utf8');
      expect(source, id).toContain(`siteContentScript(${id})`);
      expect(source, id).toContain(`from '../utils/sites/${id}'`);
    }
  });

  it('has fixture pages per site, and no fixtures of an unknown site', () => {
    const folders = readdirSync('test/fixtures', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...SITE_IDS].sort());
    for (const id of SITE_IDS) {
      const pages = readdirSync(`test/fixtures/${id}`).filter((file) => file.endsWith('.html'));
      expect(pages.length, id).toBeGreaterThan(0);
    }
  });

  it.each(SITE_ADAPTERS.filter((adapter) => !adapter.fallback).map((a) => [a.id, a] as const))(
    "%s: its test URLs are inside its own match patterns and no other site's",
    (id, adapter) => {
      const urls = [...adapter.testUrls.accept, ...(adapter.testUrls.reject ?? [])];
      for (const url of urls) {
        const owners = SITES.filter((site) =>
          site.matchPatterns.some((pattern) => matchesPattern(pattern, url)),
        ).map((site) => site.id);
        expect(owners, url).toEqual([id]);
      }
    },
  );

  it('the fallback runs on the demo page by its patterns, and on no dedicated site', () => {
    const generic = SITE_ADAPTERS.find((adapter) => adapter.fallback)!;
    const demo = generic.testUrls.accept.filter((url) => /\/demo/.test(url));
    expect(demo.length).toBeGreaterThan(0);
    for (const url of demo) {
      expect(
        generic.matchPatterns.some((pattern) => matchesPattern(pattern, url)),
        url,
      ).toBe(true);
    }
    for (const url of generic.testUrls.accept) {
      const dedicated = SITES.filter((site) => !site.fallback).filter((site) =>
        site.matchPatterns.some((pattern) => matchesPattern(pattern, url)),
      );
      expect(dedicated, url).toEqual([]);
    }
  });
});

describe("the README's supported sites", () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(
    readme.indexOf('## Supported sites'),
    readme.indexOf('\n#', readme.indexOf('## Supported sites') + 1),
  );
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

  it('has one row per site, in the registry order', () => {
    expect(rows).toHaveLength(SITES.length);
    rows.forEach(([name], index) => {
      expect(name?.startsWith(SITES[index]!.label), `${name} / ${SITES[index]!.label}`).toBe(true);
    });
  });

  it.each(SITES.map((site, index) => [site.id, site, index] as const))(
    '%s: its row names every host of its match patterns',
    (_id, site, index) => {
      const pages = rows[index]?.[1] ?? '';
      const tokens = [...pages.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
      for (const pattern of site.matchPatterns) {
        expect(
          tokens.includes(pattern) || tokens.includes(hostOf(pattern)),
          `${pattern} in "${pages}"`,
        ).toBe(true);
      }
    },
  );
});
