/**
 * Messages of the in-page launcher, the in-page sidebar frame and the keyboard shortcut
 * (issue 5). Part of `ProtocolMap` (protocol.ts).
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

export interface LauncherProtocol {
  /** Content script → background: the display settings the launcher follows. */
  getLauncherSettings(): LauncherSettings;
  /**
   * Content script → background: the summary of ITS OWN tab's primary contact (the sender's
   * tab; null when none). Looks the contact up through the cached context client, which also
   * warms the cache for the sidebar, unless privacy.lookupOnlyWhenOpened.
   */
  getLauncherSummary(): LauncherSummary | null;
  /**
   * Content script → background, inside the launcher's click: opens the browser's side panel
   * on the sender's tab. False when it could not (no side panel API, or the gesture was lost);
   * the content script then opens the in-page frame instead.
   */
  openSidePanel(): boolean;
  /** Background → a tab's content script: open, close or (no `open`) toggle the in-page frame. */
  toggleInpageSidebar(data: { open?: boolean }): void;
  /**
   * Content script → background, as it creates the in-page frame: the token in the frame's
   * URL (`#frame=<token>`), for the sender's tab.
   */
  expectFrame(data: { token: string }): void;
  /**
   * The framed sidebar → background: whether its token is one its own tab's content script
   * announced (false for a sidebar that a page framed by itself).
   */
  claimFrame(data: { token: string }): boolean;
  /** The in-page sidebar frame → background: close me (Escape inside the frame). */
  closeInpageSidebar(): void;
}
