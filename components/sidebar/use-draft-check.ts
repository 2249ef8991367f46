import { useState } from 'react';
import type { TabDraftCheck } from '../../utils/protocol/draft-protocol';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import { watchTabDraftCheck } from '../../utils/protocol/watched-items';
import { useLiveEffect } from '../use-live-effect';

/** The check of the tab's open compose, kept current as the rep types (null: no compose). */
export function useDraftCheck(tabId: number | undefined): TabDraftCheck | null {
  const [check, setCheck] = useState<{ tabId: number; check: TabDraftCheck | null }>();
  useLiveEffect(
    (live) => {
      if (tabId === undefined) return;
      let watched = false;
      const show = (value: TabDraftCheck | null) => live() && setCheck({ tabId, check: value });
      pageToBackground
        .sendMessage('getDraftCheck', { tabId })
        // A change seen through storage meanwhile is newer than this answer.
        .then((value) => watched || show(value))
        // No answer (the worker restarting): the storage watch below brings the next check.
        .catch(() => undefined);
      return watchTabDraftCheck(tabId, (value) => {
        watched = true;
        show(value);
      });
    },
    [tabId],
  );
  return check !== undefined && check.tabId === tabId ? check.check : null;
}
