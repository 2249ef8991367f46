import { useState } from 'react';
import type { TabDraftCheck } from '../../utils/protocol/draft-protocol';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import { followDraftChecks } from '../../utils/protocol/background-to-page';
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
        // A change sent meanwhile is newer than this answer.
        .then((value) => watched || show(value))
        // No answer (the worker restarting): the next change sent brings the next check.
        .catch(() => undefined);
      return followDraftChecks((change) => {
        if (change.tabId !== tabId) return;
        watched = true;
        show(change.check);
      });
    },
    [tabId],
  );
  return check !== undefined && check.tabId === tabId ? check.check : null;
}
