import type { SiteId } from '../../utils/sites/matches';

/** How the page names each site adapter. `generic` reads any page (custom domains only). */
export const SITE_LABELS: Record<SiteId, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  dynamics: 'Dynamics 365',
  zoho: 'Zoho CRM',
  generic: 'Generic (any page)',
};

/** The adapters with their own switch, in the order the page lists them. */
export const SWITCHABLE_SITES: SiteId[] = [
  'gmail',
  'outlook',
  'salesforce',
  'hubspot',
  'pipedrive',
  'dynamics',
  'zoho',
];
