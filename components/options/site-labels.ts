import { SITES, type SiteId } from '../../utils/sites/registry';

/** How the page names each site adapter (its `defineSite` label). */
export const SITE_LABELS = Object.fromEntries(SITES.map((site) => [site.id, site.label])) as Record<
  SiteId,
  string
>;

/** The adapters with their own switch, in the order the page lists them (the fallback has none). */
export const SWITCHABLE_SITES: SiteId[] = SITES.filter((site) => !site.fallback).map(
  (site) => site.id,
);
