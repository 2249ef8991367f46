import { useState } from 'react';
import { browser } from 'wxt/browser';
import {
  backendPermission,
  hasPermission,
  originPermission,
  type BackendConfig,
  type CustomDomain,
  type OriginsPermission,
} from '../../utils/settings';
import { useLiveEffect } from '../use-live-effect';

/** An origin Touchpoint must be allowed to reach, and what for (ends a sentence). */
export interface HostNeed {
  origin: string;
  permission: OriginsPermission;
  purpose: string;
}

/**
 * The origins of the enabled backends. A policy or an import sets backends without the Save
 * that asks for their permission, so the page checks what is actually granted.
 */
export function backendHostNeeds(backends: readonly BackendConfig[]): HostNeed[] {
  return unique(
    backends
      .filter((backend) => backend.enabled)
      .flatMap((backend) => {
        try {
          return [
            {
              origin: new URL(backend.baseUrl).origin,
              permission: backendPermission(backend.baseUrl),
              purpose: `look contacts up in ${backend.name}`,
            },
          ];
        } catch {
          // A URL no key may go to is reported by the backend's own field, not here.
          return [];
        }
      }),
  );
}

/** The origins of the custom domains (added here, by a policy or by an import). */
export function customDomainHostNeeds(domains: readonly CustomDomain[]): HostNeed[] {
  return unique(
    domains.flatMap((domain) => {
      try {
        return [
          {
            origin: domain.origin,
            permission: originPermission(domain.origin),
            purpose: 'read contacts on its pages',
          },
        ];
      } catch {
        return [];
      }
    }),
  );
}

function unique(needs: HostNeed[]): HostNeed[] {
  const seen = new Set<string>();
  return needs.filter((need) => {
    const key = need.permission.origins.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The needs whose permission is not granted; unreadable counts as not granted. */
export async function missingHostAccess(needs: readonly HostNeed[]): Promise<HostNeed[]> {
  const granted = await Promise.all(
    needs.map((need) => hasPermission(need.permission).catch(() => false)),
  );
  return needs.filter((_, index) => !granted[index]);
}

/**
 * The needs not granted, kept current: checked again when `needs` change and whenever a
 * permission is granted or removed (here, on Save, or in the browser's extension settings).
 */
export function useMissingHostAccess(needs: readonly HostNeed[]): HostNeed[] {
  const key = JSON.stringify(needs);
  const [missing, setMissing] = useState<{ key: string; needs: HostNeed[] }>();
  useLiveEffect(
    (live) => {
      const wanted = JSON.parse(key) as HostNeed[];
      const check = () =>
        void missingHostAccess(wanted).then((list) => live() && setMissing({ key, needs: list }));
      check();
      browser.permissions.onAdded.addListener(check);
      browser.permissions.onRemoved.addListener(check);
      return () => {
        browser.permissions.onAdded.removeListener(check);
        browser.permissions.onRemoved.removeListener(check);
      };
    },
    [key],
  );
  // Until the check of the current needs is done, show nothing rather than stale notices.
  return missing?.key === key ? missing.needs : [];
}
