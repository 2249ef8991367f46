/**
 * The host permissions the options page asks for: a backend's origin when it is saved, a
 * custom domain's origin when it is added. Optional host permissions are requested at run
 * time (they need a user gesture), never at install.
 */
import { browser } from 'wxt/browser';
import { backendUrlProblem } from '../contract/backend-url';

export interface OriginsPermission {
  origins: string[];
}

/** Match patterns take no port (Chrome ignores it, Firefox rejects it): scheme and host. */
export function matchOrigin(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}`;
}

/** The permission the options page passes to `browser.permissions.request` for an origin. */
export function originPermission(origin: string): OriginsPermission {
  return { origins: [`${matchOrigin(origin)}/*`] };
}

/**
 * The permission the options page requests when it saves a backend (https, or http on
 * localhost / 127.0.0.1, which the manifest already grants). Throws, saying what is wrong,
 * for a URL no key may go to.
 */
export function backendPermission(baseUrl: string): OriginsPermission {
  const problem = backendUrlProblem(baseUrl);
  if (problem) throw new Error(problem);
  return originPermission(new URL(baseUrl).origin);
}

/** True when the extension holds `permission` (granted at install or since). */
export function hasPermission(permission: OriginsPermission): Promise<boolean> {
  return browser.permissions.contains(permission);
}
