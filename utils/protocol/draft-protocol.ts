/**
 * Data of the draft check (its messages: content-to-background.ts `draftChanged`,
 * page-to-background.ts `getDraftCheck`). The draft's text goes from the content script to the background only; it is never sent to a backend
 * nor written to disk (results live in session storage, which Chrome keeps in memory).
 */
import type { DraftCheck } from '../consistency/check-draft';

/** The check of a tab's open compose, as the sidebar shows it. */
export interface TabDraftCheck {
  /** ms since epoch. */
  checkedAt: number;
  /** The compose's recipients (external ones), or the page's primary contact. */
  recipients: string[];
  /** How many messaging entries the draft was checked against. */
  messagingCount: number;
  check: DraftCheck;
  /**
   * Why the check is partial or empty, and what to do (no backend, library unreachable,
   * recipients not looked up yet).
   */
  message?: string;
}

/** What the launcher shows of a draft check: counts only. */
export interface DraftSummary {
  /** Phrases to avoid and outdated claims found. */
  problems: number;
  covered: number;
}
