import { defineConfig } from 'wxt';
import { isLoopbackHost } from './utils/contract/backend-url';
import { DEMO_PAGE_MATCHES, SITE_MATCHES } from './utils/sites/registry';

/**
 * The reference server's demo page (`http://127.0.0.1:<port>/demo`) is a supported page only
 * in demo builds: the quick start (a backend on loopback) or WXT_TOUCHPOINT_DEMO_PAGE=true.
 * Elsewhere a local app with a /demo path must not be scanned.
 */
function isDemoBuild(): boolean {
  if (process.env.WXT_TOUCHPOINT_DEMO_PAGE === 'true') return true;
  try {
    return isLoopbackHost(new URL(process.env.WXT_TOUCHPOINT_BACKEND_URL ?? '').hostname);
  } catch {
    return false;
  }
}

/**
 * Hosts granted at install: the build-time backend's origin, the local reference server in
 * demo builds, and `WXT_TOUCHPOINT_HOSTS` (comma-separated match patterns) for a company
 * build that pre-grants its CRM domains (the browser tests use it for a custom domain).
 */
function buildTimeHostPermissions(): string[] {
  const granted = isDemoBuild() ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];
  try {
    const origin = new URL(process.env.WXT_TOUCHPOINT_BACKEND_URL ?? '').origin;
    if (origin !== 'null' && !granted.includes(`${origin}/*`)) granted.push(`${origin}/*`);
  } catch {
    // No build-time backend.
  }
  for (const pattern of (process.env.WXT_TOUCHPOINT_HOSTS ?? '').split(',')) {
    if (pattern.trim() && !granted.includes(pattern.trim())) granted.push(pattern.trim());
  }
  return granted;
}

/** Origins a backend may be on, asked for one at a time when the admin saves a backend. */
const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Touchpoint',
    description:
      'See the marketing a contact engaged with — emails, content, events, campaigns and messaging — where you sell.',
    // scripting: content scripts on the custom domains an admin adds (registered at run time).
    // alarms: wakes the worker to retry queued feedback once a backend is back.
    permissions: [
      'storage',
      'scripting',
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Team policy: Chrome validates managed storage against this schema (public/); Firefox
    // reads it from policies.json `3rdparty.Extensions["touchpoint@touchpoint.dev"]`.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // Backends are granted one origin at a time when the admin saves them on the options page.
    // Firefox's MV2 build declares them as optional_permissions (WXT drops
    // optional_host_permissions there, and Firefox requests no origin it was not told of).
    optional_host_permissions: OPTIONAL_ORIGINS,
    ...(browser === 'firefox' ? { optional_permissions: OPTIONAL_ORIGINS } : {}),
    // Only the backend a build is wired to (and, in demo builds, the local reference server)
    // is granted at install; others are asked for when the admin saves them.
    host_permissions: buildTimeHostPermissions(),
    // The in-page sidebar: supported pages may frame the sidebar page, and only
    // those (custom domains an admin adds at run time are not covered: there the launcher's
    // frame is refused, the side panel still works). Its scripts and styles load from the
    // extension's own origin, so only the page itself is listed. No use_dynamic_url: where
    // Chrome enforces it, the frame's origin would be a per-session id that the background's
    // sender check (utils/background/door.ts) does not know, and the Chromium we test in
    // ignores it, so that path could not be tested.
    web_accessible_resources: [
      {
        // The in-page sidebar, and the content-script parts loaded on demand (utils/content/parts.ts).
        resources: ['sidebar.html', 'part-frame.js', 'part-drafts.js'],
        // Resource matches take whole origins (path /*): the demo page's becomes its host's.
        matches: [
          ...new Set(
            SITE_MATCHES.filter((m) => isDemoBuild() || !DEMO_PAGE_MATCHES.includes(m)).map(
              (m) => `${m.slice(0, m.indexOf('/', m.indexOf('//') + 2))}/*`,
            ),
          ),
        ],
      },
    ],
    // The shortcut that opens and closes the sidebar. Alt+Shift+K: not a Gmail, Outlook or
    // Chrome shortcut (Chrome has Alt+Shift+T, Gmail single keys and Shift+key).
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open or close the Touchpoint sidebar',
      },
    },
    // The sidebar page also runs in the browser's own side panel.
    ...(browser === 'firefox'
      ? { sidebar_action: { default_panel: 'sidebar.html', default_title: 'Touchpoint' } }
      : { side_panel: { default_path: 'sidebar.html' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'touchpoint@touchpoint.dev',
              // 140 ESR: the oldest ESR companies deploy, and the first with the data
              // collection declaration addons.mozilla.org requires of new add-ons.
              strict_min_version: '140.0',
              // Contacts' addresses go to the backend the admin configures (never to us).
              data_collection_permissions: { required: ['personallyIdentifyingInfo'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (isDemoBuild()) return;
      manifest.content_scripts = (manifest.content_scripts ?? [])
        .map((script) => ({
          ...script,
          matches: (script.matches ?? []).filter((m) => !DEMO_PAGE_MATCHES.includes(m)),
        }))
        .filter((script) => script.matches.length > 0);
    },
  },
});
