import { browser } from 'wxt/browser';

/**
 * Asks for host permissions (`originPermission`/`backendPermission` build the patterns).
 * Must run inside a click handler, before any `await`: the browser shows its prompt only
 * during a user gesture. Resolves false when the user refuses.
 */
export function requestOrigins(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins });
}
