/**
 * Messages the extension's own pages (sidebar, side panel, options, library) send to the
 * background. Imported by those pages (to send) and the background (to answer through
 * `onPageMessage`, which checks the sender's URL once). The types pages need of the answers
 * are re-exported here, so a page imports nothing from the background's rooms.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EngagementsOutcome } from '../backend-client/context-client';
import type { ContactContext, EngagementCursor } from '../backend-client/context-merge';
import type { BackendStatus } from './backend-status';
import type { TabDraftCheck } from './draft-protocol';
import type {
  FeedbackDestination,
  FeedbackDraft,
  PendingFeedback,
  UndoFeedbackResult,
} from './feedback-protocol';
import type { MessagingLibraryAnswer } from './library-protocol';
import type { AuditEntry, TabContacts } from './protocol';

export type { EngagementsOutcome } from '../backend-client/context-client';
export type {
  ContactContext,
  ContextState,
  EngagementCursor,
  SourceStatus,
  SourcedEngagement,
} from '../backend-client/context-merge';
export type {
  AssetFeedback,
  LibraryEntry,
  LibrarySource,
  MessagingLibrary,
} from '../backend-client/library-client';

/** Which sidebar opens: one framed in a tab by the launcher (its token), or one for a tab. */
export type SidebarOpener =
  /** The in-page frame: the background takes the tab from the sender, and checks the token. */
  | { frameToken: string }
  /** The side panel, or `sidebar.html?tabId=`: the tab it shows. */
  | { tabId: number };

/** Everything the sidebar shows first, in one answer. */
export interface SidebarOpening {
  tabId: number;
  tabContacts: TabContacts | null;
  /**
   * The primary contact's context (cache first), as `getContactContext` answers it: absent
   * when the tab has no contact; `contexts` lacks the address when the rules exclude it.
   */
  primary?: { email: string; site: string; contexts: Record<string, ContactContext> };
}

export interface PageToBackground {
  /**
   * The sidebar's first and only question as it opens: its tab, the tab's contacts and the
   * primary contact's context. A framed sidebar without a token its tab's content script
   * announced is refused (`not_our_frame`): a page that frames sidebar.html by itself learns
   * nothing and looks nobody up.
   */
  openSidebar(data: SidebarOpener): SidebarOpening;
  /** The in-page sidebar frame: close me (Escape inside the frame). */
  closeInpageSidebar(): void;
  /** Health of the configured backend, as the background sees it (credentials stay there). */
  getBackendStatus(): BackendStatus;
  /** Checks a backend the admin is editing ("Test connection"): health, then a probe lookup. */
  testBackend(data: { baseUrl: string; apiKey: string }): BackendStatus;
  /** The audit log, oldest first. */
  getAuditLog(): AuditEntry[];
  clearAuditLog(): void;
  /**
   * The merged context of each address, keyed by the normalised address, from every enabled
   * backend (cache first unless `refresh`). Own, internal and never-look-up addresses are
   * left out (absent from the answer). `site` names the page the contacts came from, for the
   * audit log.
   */
  getContactContext(data: {
    emails: string[];
    refresh?: boolean;
    site?: string;
  }): Record<string, ContactContext>;
  /** The next page of a contact's engagements at one backend. */
  loadMoreEngagements(data: EngagementCursor & { limit?: number }): EngagementsOutcome;
  /** The last check of a tab's draft, or null when no compose is open. */
  getDraftCheck(data: { tabId: number }): TabDraftCheck | null;
  /**
   * Validates and queues one feedback item (stored before any request; sent after the undo
   * window). Rejects with a message naming what is wrong (e.g. `messagingId is required`).
   * Idempotent by `id`: the same id again answers the item already queued.
   */
  sendFeedback(data: FeedbackDraft): PendingFeedback;
  /** Removes the item if no request was started for it. */
  undoFeedback(data: { id: string }): UndoFeedbackResult;
  /** What is still waiting, oldest first. */
  listPendingFeedback(): PendingFeedback[];
  /** Sends one item (or, without `id`, every item) again now; answers the list after. */
  retryFeedback(data: { id?: string }): PendingFeedback[];
  /** Gives up on an item (any state but `sending`). */
  discardFeedback(data: { id: string }): UndoFeedbackResult;
  /** The backend feedback goes to (asks backends' health), for the options page and sidebar. */
  getFeedbackDestination(): FeedbackDestination;
  /**
   * The messaging library of every enabled backend (`GET /v1/messaging`, with the campaigns
   * it references), and from backends with the `feedback` feature the feedback counts per
   * entry and asset. Each backend's failure is reported in its own source.
   */
  getMessagingLibrary(): MessagingLibraryAnswer;
}

export const pageToBackground = defineExtensionMessaging<PageToBackground>();
