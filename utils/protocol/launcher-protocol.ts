/**
 * Data of the in-page launcher (its messages: content-to-background.ts).
 */
export type LauncherPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** What the content script needs of the display settings (the storage library stays out of it). */
export interface LauncherSettings {
  /** Where the sidebar opens: the in-page frame or the browser's own side panel. */
  mode: 'inpage' | 'sidepanel';
  /** Open the in-page frame when a contact is detected (once per page). */
  autoOpen: boolean;
  position: LauncherPosition;
}

/**
 * The launcher's view of the tab's primary contact: a few words, never the context itself
 * (the page's scripts share the DOM the launcher draws in).
 */
export interface LauncherSummary {
  /** The primary contact's normalised address: the content script drops a late answer. */
  email: string;
  initials: string;
  /** The backend's name for the contact, else the page's. */
  name?: string;
  /** E.g. "3 highlights" or "Score 82"; absent before a lookup (privacy.lookupOnlyWhenOpened). */
  signal?: string;
}
