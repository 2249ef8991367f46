/**
 * The settings as data: zod schemas of every group, shared by the storage items, the
 * options page, import/export and the managed (team) policy. Pure: no WXT, no browser API.
 */
import { z } from 'zod';
import { backendUrlProblem } from '../contract/backend-url';
import { Email } from '../contract/schemas';
import { SITE_IDS, type SiteId } from '../sites/registry';

export { SITE_IDS };

/**
 * Caps that keep every synced group within one chrome.storage.sync item (8192 bytes: key +
 * JSON). Worst case, all lists full of the longest entries (entries are ASCII, so one byte
 * a character, plus quotes and a comma): identity 8 + 55 + 10×103 + 20×63 + 100×53 = 7653
 * bytes; sites 5 + 34 + 7×13 + 50×(100 + 37) = 7000. `schema.test.ts` checks both.
 */
export const SYNC_LIMITS = {
  ownEmails: 10,
  ownEmailLength: 100,
  internalDomains: 20,
  domainLength: 60,
  neverLookUp: 100,
  neverLookUpLength: 50,
  customDomains: 50,
  originLength: 100,
} as const;

/** A list's cap, in words that say why and what to do. */
function listCap(max: number): [number, string] {
  return [max, `at most ${max} entries (the list is synced in one item): remove some`];
}

export const BackendConfig = z.object({
  /** Stable id (client-generated); feedback and audit entries name a backend by it. */
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'give the backend a name').max(100),
  baseUrl: z
    .string()
    .trim()
    .check((ctx) => {
      const problem = backendUrlProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
    }),
  /** Secret: stored in storage.local only, never exported unless asked, never in a tab. */
  apiKey: z.string().max(500),
  enabled: z.boolean(),
});
export type BackendConfig = z.infer<typeof BackendConfig>;

export const BackendSettings = z.object({
  /** In the admin's order: contact fields come from the first backend that matched. */
  backends: z.array(BackendConfig).max(20),
  /** The backend that collects reps' feedback. */
  feedbackBackendId: z.string().optional(),
});
export type BackendSettings = z.infer<typeof BackendSettings>;

/** An origin like `https://crm.acme.example` (no path), the unit of a host permission. */
export const Origin = z
  .string()
  .trim()
  .toLowerCase()
  .max(SYNC_LIMITS.originLength, `at most ${SYNC_LIMITS.originLength} characters`)
  .check((ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(ctx.value);
    } catch {
      url = undefined;
    }
    // A match pattern would take `*.acme.example`, but a custom domain is one host: the
    // content script matches it exactly (`utils/content/start.ts`), and a wildcard would ask
    // for every subdomain, or every site.
    if (ctx.value.includes('*')) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message:
          'wildcards (*) are not allowed: enter one exact origin such as https://crm.acme.example, and add each host separately',
      });
      return;
    }
    if (!url || url.origin !== ctx.value.replace(/\/$/, '') || url.protocol !== 'https:') {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: 'enter an https origin such as https://crm.acme.example (no path)',
      });
    }
  })
  .transform((value) => value.replace(/\/$/, ''));

export const CustomDomain = z.object({
  origin: Origin,
  /** Which adapter reads pages there: a site id, or `generic`. */
  adapter: z.enum(SITE_IDS as [SiteId, ...SiteId[]]),
});
export type CustomDomain = z.infer<typeof CustomDomain>;

export const SiteSettings = z.object({
  /** Adapter ids switched off. */
  disabled: z.array(z.enum(SITE_IDS as [SiteId, ...SiteId[]])).max(SITE_IDS.length),
  customDomains: z.array(CustomDomain).max(...listCap(SYNC_LIMITS.customDomains)),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/**
 * An address or a domain (`acme.example`, `@acme.example`). ASCII only (RFC 5322 atext in
 * the local part), so an entry's length is its size in the synced item.
 */
const AddressOrDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(SYNC_LIMITS.neverLookUpLength, `at most ${SYNC_LIMITS.neverLookUpLength} characters`)
  .regex(
    /^(?:[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@)?@?[a-z0-9.-]+\.[a-z]{2,}$/,
    'enter an email address or a domain',
  );

export const IdentitySettings = z.object({
  /** The user's own addresses (besides the ones pages show as signed in). */
  ownEmails: z
    .array(
      z
        .string()
        .trim()
        .max(SYNC_LIMITS.ownEmailLength, `at most ${SYNC_LIMITS.ownEmailLength} characters`)
        .pipe(Email),
    )
    .max(...listCap(SYNC_LIMITS.ownEmails)),
  /** Colleagues' domains: never looked up (subdomains included). */
  internalDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(SYNC_LIMITS.domainLength, `at most ${SYNC_LIMITS.domainLength} characters`)
        .regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/, 'enter a domain such as acme.example'),
    )
    .max(...listCap(SYNC_LIMITS.internalDomains)),
  /** Addresses and domains never looked up (family, investors, personal contacts). */
  neverLookUp: z.array(AddressOrDomain).max(...listCap(SYNC_LIMITS.neverLookUp)),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;

export const PrivacySettings = z.object({
  /** Look contacts up by sha256 of the address (only with backends listing `emailSha256`). */
  hashedLookups: z.boolean(),
  /** No lookup until the rep opens the sidebar. */
  lookupOnlyWhenOpened: z.boolean(),
  /** Keep cached context across browser restarts (storage.local) instead of the session. */
  persistCache: z.boolean(),
  /** Record each lookup (time, site, contact or hash, outcome; the last 500) locally. */
  auditLog: z.boolean(),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

export const DisplaySettings = z.object({
  /** The in-page sidebar (iframe) or the browser's own side panel. */
  mode: z.enum(['inpage', 'sidepanel']),
  /** Open when a contact is detected, or only on click / shortcut. */
  autoOpen: z.boolean(),
  launcherPosition: z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left']),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

export const DEFAULT_SITE_SETTINGS: SiteSettings = { disabled: [], customDomains: [] };
export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = {
  ownEmails: [],
  internalDomains: [],
  neverLookUp: [],
};
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  hashedLookups: false,
  lookupOnlyWhenOpened: false,
  persistCache: false,
  auditLog: true,
};
export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = {
  mode: 'inpage',
  autoOpen: false,
  launcherPosition: 'bottom-right',
};

/**
 * Everything the options page exports and imports (and what a team policy may set, each
 * group partially). `apiKey`s are present only when the admin chose to export them.
 */
export const SettingsFile = z.object({
  touchpointSettings: z.literal(1),
  backends: BackendSettings.extend({
    backends: z.array(BackendConfig.extend({ apiKey: z.string().max(500).optional() })).max(20),
  }),
  sites: SiteSettings,
  identity: IdentitySettings,
  privacy: PrivacySettings,
  display: DisplaySettings,
});
export type SettingsFile = z.infer<typeof SettingsFile>;

/** The settings groups, by the names the settings file and the policy use. */
export const SETTINGS_SCHEMAS = {
  backends: BackendSettings,
  sites: SiteSettings,
  identity: IdentitySettings,
  privacy: PrivacySettings,
  display: DisplaySettings,
} as const;

export type SettingsGroup = keyof typeof SETTINGS_SCHEMAS;
export const SETTINGS_GROUPS = Object.keys(SETTINGS_SCHEMAS) as SettingsGroup[];

/** Every group's value. */
export interface AllSettings {
  backends: BackendSettings;
  sites: SiteSettings;
  identity: IdentitySettings;
  privacy: PrivacySettings;
  display: DisplaySettings;
}

/** One group's value (`GroupValue<'privacy'>` is `PrivacySettings`). */
export type GroupValue<G extends SettingsGroup> = AllSettings[G];
