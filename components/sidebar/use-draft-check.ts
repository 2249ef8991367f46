import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import type { TabDraftCheck } from '../../utils/protocol/draft-protocol';
import { pageToBackground } from '../../utils/protocol/page-to-background';

/** Where the background keeps each tab's draft check (utils/background/draft-handlers.ts). */
const DRAFT_CHECKS_KEY = 'session:draftChecks';

/** The check of the tab's open compose, kept current as the rep types (null: no compose). */
export function useDraftCheck(tabId: number | undefined): TabDraftCheck | null {
  const [check, setCheck] = useState<{ tabId: number; check: TabDraftCheck | null }>();
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    let watched = false;
    const show = (value: TabDraftCheck | null) => live && setCheck({ tabId, check: value });
    pageToBackground
      .sendMessage('getDraftCheck', { tabId })
      // A change seen through storage meanwhile is newer than this answer.
      .then((value) => watched || show(value))
      // No answer (the worker restarting): the storage watch below brings the next check.
      .catch(() => undefined);
    const unwatch = storage.watch<Record<string, TabDraftCheck>>(DRAFT_CHECKS_KEY, (all) => {
      watched = true;
      show(all?.[String(tabId)] ?? null);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);
  return check !== undefined && check.tabId === tabId ? check.check : null;
}
