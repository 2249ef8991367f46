/**
 * How a site file describes itself: `defineSite` names the site and where it runs,
 * `defineAdapter` adds its reader. Two exports per site file, so code that needs only the
 * list of sites (manifest, options page, settings) imports no extractor: the bundler drops
 * what is not imported.
 */
import type { SiteAdapter, SiteInfo } from './types';

/** A site's id, label and match patterns; `const` keeps the id a literal for `SiteId`. */
// The annotation tells the bundler an unused result can go, with all its reader pulls in.
/* @__NO_SIDE_EFFECTS__ */
export function defineSite<const Id extends string>(site: SiteInfo<Id>): SiteInfo<Id> {
  return site;
}

/** The site's reader: its URL matcher, its extractor and the URLs its tests run on. */
/* @__NO_SIDE_EFFECTS__ */
export function defineAdapter<Id extends string>(
  site: SiteInfo<Id>,
  reader: Pick<SiteAdapter, 'matches' | 'extract' | 'testUrls'>,
): SiteAdapter & { id: Id } {
  return { ...site, ...reader };
}
