import type * as Api from '../../utils/contract/schemas';

/**
 * Everything a seed puts into a store, as Context API objects. The demo seed
 * (`buildDemoDataset`) and the benchmark's scale seed both produce one; `loadDataset` in the
 * server writes it through the store interface, so seeds never touch SQL.
 */
export interface Dataset {
  /** Contacts; `scores` is the reference server's added optional field for lookup `scores`. */
  contacts: Array<Api.IngestContact & { scores?: Api.Score[] }>;
  campaigns: Api.Campaign[];
  assets: Api.Asset[];
  messaging: Api.Messaging[];
  memberships: Array<{
    campaignId: string;
    email: string;
    memberStatus?: string;
    joinedAt?: string;
  }>;
  /**
   * Engagements with their contact. Events of type `highlight` become the contact's
   * highlights ("interesting moments"): `details.description`, `details.weight` (0..1) and
   * `details.engagementId` (the touch it points at) fill the Highlight object.
   */
  events: Api.IngestEvent[];
  feedback?: Api.FeedbackRequest[];
}
