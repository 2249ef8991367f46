import type {
  Asset,
  Campaign,
  CampaignMembership,
  Contact,
  ContactRef,
  Engagement,
  Feedback,
  FeedbackRequest,
  IngestContact,
  IngestEvent,
  Messaging,
  Score,
} from '../../utils/contract/schemas';

/**
 * What the routes need from storage, in Context API objects only: no SQL, no rows. Every
 * method is async so a networked store (PostgreSQL) can implement the same interface; the
 * SQLite store answers synchronously inside.
 */

/** A contact as stored: the contract's Contact plus the reference server's `scores`. */
export type StoredContact = Contact & { scores?: Score[] };

/** Contact fields a writer sends; `scores` is the reference server's optional extra. */
export type ContactInput = IngestContact & { scores?: Score[] };

/** Where a newest-first engagement page stops: keyset on (occurredAt, id). */
export interface EngagementPosition {
  occurredMs: number;
  id: string;
}

export interface EngagementQuery {
  contactId: string;
  limit: number;
  /** Return only engagements strictly older than this position. */
  before?: EngagementPosition;
  /** Return only engagements at or after this instant (epoch ms). */
  sinceMs?: number;
  /** Keep only these types; without it every type except `highlight` is listed. */
  types?: string[];
}

export interface EngagementPageResult {
  engagements: Engagement[];
  /** Position of the last engagement returned when more exist, else null. */
  next: EngagementPosition | null;
}

export interface IngestOutcome {
  accepted: number;
  duplicates: number;
}

export interface MembershipInput {
  campaignId: string;
  email: string;
  memberStatus?: string;
  joinedAt?: string;
}

export interface FeedbackQuery {
  messagingId?: string;
  assetId?: string;
  campaignId?: string;
  sinceMs?: number;
  /** Return only feedback received strictly before this position (newest first). */
  before?: { receivedMs: number; id: string };
  limit: number;
}

export interface FeedbackPageResult {
  feedback: Feedback[];
  next: { receivedMs: number; id: string } | null;
  summary: {
    byMessaging: Record<string, { landed: number; missed: number; objections: number }>;
    byAsset: Record<string, { helpful: number; notHelpful: number }>;
  };
}

export interface Store {
  /**
   * Insert or update contacts in one transaction. `merge` keeps fields the input leaves out
   * (events carry partial contacts); `replace` stores exactly the input (PUT semantics).
   */
  upsertContacts(contacts: ContactInput[], mode: 'merge' | 'replace'): Promise<StoredContact[]>;
  /** Every contact a reference matches (0, 1, or several for an ambiguous CRM id). */
  findContacts(ref: ContactRef): Promise<StoredContact[]>;
  getContactById(id: string): Promise<StoredContact | null>;
  /** Contacts with the most engagements, for the demo page. */
  listBusiestContacts(limit: number): Promise<StoredContact[]>;
  countContacts(): Promise<number>;

  /**
   * Store events in one transaction, idempotent by event id: an id already stored (or seen
   * earlier in the same batch) counts as a duplicate and changes nothing.
   */
  ingestEvents(events: IngestEvent[]): Promise<IngestOutcome>;
  listEngagements(query: EngagementQuery): Promise<EngagementPageResult>;
  /** Engagements of type `highlight`, most important first. */
  listHighlightEvents(contactId: string, limit: number, sinceMs?: number): Promise<Engagement[]>;

  upsertCampaigns(campaigns: Campaign[]): Promise<Campaign[]>;
  getCampaign(id: string): Promise<Campaign | null>;
  /**
   * The campaigns this messaging references: those its `campaignIds` name and those whose
   * `messagingIds` name it, by id (`GET /v1/messaging` lists them for campaign status).
   */
  listCampaignsOfMessaging(messaging: readonly Messaging[]): Promise<Campaign[]>;
  upsertAssets(assets: Asset[]): Promise<Asset[]>;
  upsertMessaging(messaging: Messaging[]): Promise<Messaging[]>;
  /** Memberships in one transaction; unknown contacts are created from the email alone. */
  upsertMemberships(memberships: MembershipInput[]): Promise<CampaignMembership[]>;
  /** The contact's memberships joined with their campaigns. */
  listCampaignMemberships(contactId: string): Promise<CampaignMembership[]>;
  /** Assets the contact's engagements touched, most recently touched first, at most `limit`. */
  listEngagedAssets(contactId: string, limit: number): Promise<Asset[]>;
  /** Messaging ids referenced by the contact's engagements. */
  listEngagedMessagingIds(contactId: string): Promise<string[]>;
  listMessaging(filter: { ids?: string[]; campaignId?: string }): Promise<Messaging[]>;

  /** Erase the contact, its engagements, memberships and feedback. False when unknown. */
  eraseContact(email: string): Promise<boolean>;

  /** Store feedback, idempotent by id; `created` is false for a repeat. */
  addFeedback(
    feedback: FeedbackRequest,
    contactId: string | null,
    receivedAt: string,
  ): Promise<{ created: boolean }>;
  listFeedback(query: FeedbackQuery): Promise<FeedbackPageResult>;

  close(): Promise<void>;
}
