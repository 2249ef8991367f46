import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Touchpoint',
    description:
      'See the marketing a contact engaged with — emails, content, events, campaigns and messaging — where you sell.',
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Backends are granted one origin at a time when the admin saves them (issue: options page).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    // The sidebar page also runs in the browser's own side panel.
    ...(browser === 'firefox'
      ? { sidebar_action: { default_panel: 'sidebar.html', default_title: 'Touchpoint' } }
      : { side_panel: { default_path: 'sidebar.html' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'touchpoint@touchpoint.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
