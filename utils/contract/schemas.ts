/**
 * Context API v1 in code: the zod schemas of every object and endpoint of
 * `../shared/context-api.md`. The extension parses every backend response with these, the
 * reference server validates every request with them, and `docs/openapi.json` is generated
 * from them (`npm run openapi`).
 *
 * Forward compatibility (the contract's "clients must ignore unknown fields"):
 * - objects are `looseObject`: unknown fields pass through untouched, never rejected;
 * - open vocabularies (engagement `type`, `channel`, campaign `type`, …) accept any string,
 *   the known values are listed for documentation and for the UI;
 * - a known field of the wrong type is rejected, and zod's issue path names it.
 *
 * Pure module: imports nothing from WXT or the browser (it also runs in the server).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------
// Scalars

/** ISO-8601 date-time with a `Z` or `±hh:mm` offset. */
export const DateTime = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO-8601 date-time with offset, e.g. 2026-05-01T09:30:00Z' });

/** An email, matched after trim + lowercase (the contract's normalisation). */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'not a valid email address' }))
  .meta({ description: 'Email address; trimmed and lowercased before matching.' });

export const Sha256Hex = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'must be 64 hex characters (sha256 of the trimmed, lowercased email)');

/** An https URL (the contract's "https only" fields). */
export const HttpsUrl = z
  .string()
  .regex(/^https:\/\/[^\s]+$/i, 'must be an https:// URL')
  .meta({ format: 'uri' });

/**
 * A vocabulary the contract lists today but may grow: known values are documented, any other
 * string is accepted so an older client does not reject a newer backend.
 */
function openEnum(values: readonly string[], description: string) {
  return z
    .string()
    .min(1)
    .meta({
      description: `${description} Known values: ${values.join(', ')}. Others are allowed.`,
    });
}

export const ENGAGEMENT_TYPES = [
  'email.sent',
  'email.delivered',
  'email.opened',
  'email.clicked',
  'email.replied',
  'email.bounced',
  'email.unsubscribed',
  'web.page_viewed',
  'form.submitted',
  'asset.viewed',
  'asset.downloaded',
  'video.viewed',
  'event.registered',
  'event.attended',
  'event.no_show',
  'ad.clicked',
  'social.engaged',
  'campaign.joined',
  'score.changed',
  'highlight',
] as const;
export type KnownEngagementType = (typeof ENGAGEMENT_TYPES)[number];

export const CHANNELS = ['email', 'web', 'event', 'ads', 'social', 'direct', 'other'] as const;
export const CONFIDENCES = ['human', 'machine_suspected', 'unknown'] as const;
export const CAMPAIGN_TYPES = [
  'email',
  'nurture',
  'webinar',
  'event',
  'ads',
  'content',
  'abm',
  'other',
] as const;
export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed'] as const;
export const ASSET_TYPES = [
  'email',
  'landing_page',
  'document',
  'video',
  'webinar',
  'deck',
  'case_study',
  'other',
] as const;
export const CRM_SYSTEMS = [
  'salesforce',
  'hubspot',
  'pipedrive',
  'dynamics',
  'zoho',
  'close',
  'other',
] as const;
export const INCLUDES = [
  'engagements',
  'campaigns',
  'assets',
  'messaging',
  'highlights',
  'scores',
] as const;
export type Include = (typeof INCLUDES)[number];

export const EngagementType = z
  .string()
  .regex(
    /^[a-z0-9_]+(\.[a-z0-9_]+)*$/i,
    'must be a dotted name like email.opened or custom.demo_booked',
  )
  .meta({
    description: `Engagement type. Known: ${ENGAGEMENT_TYPES.join(', ')}, and custom.<name>. Clients render unknown types generically.`,
  });

const Id = z.string().min(1).max(200);

// ---------------------------------------------------------------------------------------
// Contact references

export const CrmRef = z.looseObject({
  system: openEnum(CRM_SYSTEMS, 'CRM system.'),
  objectType: z.string().min(1),
  id: z.string().min(1),
});

/** Exactly one of `email`, `emailSha256`, `crm`. */
export const ContactRef = z
  .looseObject({
    email: Email.optional(),
    emailSha256: Sha256Hex.optional(),
    crm: CrmRef.optional(),
  })
  .check((ctx) => {
    const present = (['email', 'emailSha256', 'crm'] as const).filter(
      (k) => ctx.value[k] !== undefined,
    );
    if (present.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message:
          present.length === 0
            ? 'a contact reference needs one of email, emailSha256 or crm'
            : `a contact reference takes exactly one of email, emailSha256 or crm (got ${present.join(', ')})`,
      });
    }
  })
  .meta({ id: 'ContactRef', description: 'Exactly one of email, emailSha256 or crm.' });
export type ContactRef = z.infer<typeof ContactRef>;

// ---------------------------------------------------------------------------------------
// Objects

const PersonName = z.looseObject({ name: z.string().optional(), email: z.string().optional() });

export const Company = z.looseObject({
  name: z.string().optional(),
  domain: z.string().optional(),
});

export const Contact = z
  .looseObject({
    id: Id,
    email: Email,
    name: z.string().optional(),
    title: z.string().optional(),
    company: Company.optional(),
    owner: PersonName.optional(),
    lifecycleStage: z.string().optional(),
    crmUrl: HttpsUrl.optional(),
    externalIds: z
      .array(z.looseObject({ system: z.string(), type: z.string().optional(), id: z.string() }))
      .optional(),
    consent: z
      .looseObject({ emailOptOut: z.boolean().optional(), doNotContact: z.boolean().optional() })
      .optional(),
    updatedAt: DateTime,
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

export const ContactSummary = z
  .looseObject({
    id: Id,
    email: Email,
    name: z.string().optional(),
    company: Company.optional(),
  })
  .meta({ id: 'ContactSummary' });
export type ContactSummary = z.infer<typeof ContactSummary>;

export const Score = z
  .looseObject({
    name: z.string().min(1),
    value: z.union([z.number(), z.string()]),
    max: z.number().optional(),
    label: z.string().optional(),
    asOf: DateTime.optional(),
    source: z.string().optional(),
  })
  .meta({ id: 'Score' });
export type Score = z.infer<typeof Score>;

export const Highlight = z
  .looseObject({
    title: z.string().min(1),
    description: z.string().optional(),
    occurredAt: DateTime.optional(),
    engagementId: z.string().optional(),
    weight: z.number().min(0).max(1).optional(),
  })
  .meta({
    id: 'Highlight',
    description: 'An "interesting moment": one of the few touches that matter.',
  });
export type Highlight = z.infer<typeof Highlight>;

export const EngagementDetails = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

export const Engagement = z
  .looseObject({
    id: Id,
    type: EngagementType,
    occurredAt: DateTime,
    title: z.string(),
    url: z.string().optional(),
    campaignId: z.string().optional(),
    assetId: z.string().optional(),
    messagingIds: z.array(z.string()).optional(),
    channel: openEnum(CHANNELS, 'Channel.').optional(),
    confidence: openEnum(
      CONFIDENCES,
      'How sure the source is that a human did it (machine_suspected: privacy proxies, link scanners).',
    ).optional(),
    source: z.looseObject({ system: z.string(), rawType: z.string().optional() }).optional(),
    details: EngagementDetails.optional(),
  })
  .meta({ id: 'Engagement' });
export type Engagement = z.infer<typeof Engagement>;

/** What a campaign and a contact's membership of it both say of the campaign. */
const campaignFields = () => ({
  type: openEnum(CAMPAIGN_TYPES, 'Campaign type.').optional(),
  status: openEnum(CAMPAIGN_STATUSES, 'Campaign status.').optional(),
  url: z.string().optional(),
  messagingIds: z.array(z.string()).optional(),
});

export const CampaignMembership = z
  .looseObject({
    id: Id,
    name: z.string(),
    ...campaignFields(),
    memberStatus: z.string().optional(),
    joinedAt: DateTime.optional(),
  })
  .meta({ id: 'CampaignMembership' });
export type CampaignMembership = z.infer<typeof CampaignMembership>;

/** A campaign (`PUT /v1/campaigns/{id}`; also listed by `GET /v1/messaging`). */
export const Campaign = z
  .looseObject({
    id: Id,
    name: z.string().min(1),
    ...campaignFields(),
    startsAt: DateTime.optional(),
    endsAt: DateTime.optional(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

export const Asset = z
  .looseObject({
    id: Id,
    title: z.string(),
    type: openEnum(ASSET_TYPES, 'Asset type.').optional(),
    url: z.string().optional(),
    campaignIds: z.array(z.string()).optional(),
    messagingIds: z.array(z.string()).optional(),
    summary: z.string().optional(),
  })
  .meta({ id: 'Asset' });
export type Asset = z.infer<typeof Asset>;

export const Messaging = z
  .looseObject({
    id: Id,
    theme: z.string(),
    statement: z.string(),
    talkingPoints: z.array(z.string()),
    proofPoints: z.array(z.string()).optional(),
    avoid: z.array(z.string()).optional().meta({ description: 'Phrases a rep must not use.' }),
    audience: z.array(z.string()).optional(),
    campaignIds: z.array(z.string()).optional(),
    version: z.union([z.string(), z.number()]).optional(),
    validFrom: DateTime.optional(),
    validUntil: DateTime.optional(),
    owner: z.string().optional().meta({ description: 'Who owns this messaging (team or person).' }),
  })
  .meta({ id: 'Messaging' });
export type Messaging = z.infer<typeof Messaging>;

export const Source = z
  .looseObject({
    system: z.string(),
    fetchedAt: DateTime,
    partial: z.boolean(),
    error: z.string().nullable(),
  })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof Source>;

export const MatchStatus = z.enum(['matched', 'not_found', 'ambiguous']);

export const LookupResult = z
  .looseObject({
    ref: ContactRef,
    match: z.looseObject({
      status: MatchStatus,
      candidates: z.array(ContactSummary).optional(),
    }),
    contact: Contact.optional(),
    scores: z.array(Score).optional(),
    highlights: z.array(Highlight).optional(),
    engagements: z.array(Engagement).optional(),
    engagementsCursor: z.string().nullable().optional(),
    campaigns: z.array(CampaignMembership).optional(),
    assets: z.array(Asset).optional(),
    messaging: z.array(Messaging).optional(),
    sources: z.array(Source).optional(),
  })
  .check((ctx) => {
    if (ctx.value.match.status === 'matched' && !ctx.value.contact) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['contact'],
        message: 'a matched result must carry its contact',
      });
    }
  })
  .meta({ id: 'LookupResult' });
export type LookupResult = z.infer<typeof LookupResult>;

// ---------------------------------------------------------------------------------------
// Endpoints

export const ErrorCode = openEnum(
  [
    'invalid_request',
    'unauthorized',
    'forbidden',
    'not_found',
    'payload_too_large',
    'rate_limited',
    'internal',
  ] as const,
  'Error code.',
);

export const ErrorBody = z
  .looseObject({
    error: z.looseObject({
      code: ErrorCode,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const HealthResponse = z
  .looseObject({
    status: z.literal('ok'),
    apiVersion: z.string(),
    server: z.looseObject({ name: z.string(), version: z.string() }).optional(),
    features: z.array(z.string()).optional(),
  })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof HealthResponse>;

export const MAX_LOOKUP_CONTACTS = 50;
export const MAX_ENGAGEMENT_LIMIT = 200;
export const DEFAULT_ENGAGEMENT_LIMIT = 50;

export const LookupRequest = z
  .looseObject({
    contacts: z.array(ContactRef).min(1).max(MAX_LOOKUP_CONTACTS),
    include: z
      .array(z.string())
      .optional()
      .meta({
        description: `Parts to include: ${INCLUDES.join(', ')}. Unknown values are ignored. Default: all.`,
      }),
    engagementLimit: z.int().min(1).max(MAX_ENGAGEMENT_LIMIT).default(DEFAULT_ENGAGEMENT_LIMIT),
    since: DateTime.optional(),
  })
  .meta({ id: 'LookupRequest' });
export type LookupRequest = z.infer<typeof LookupRequest>;

export const LookupResponse = z
  .looseObject({ results: z.array(LookupResult) })
  .meta({ id: 'LookupResponse' });
export type LookupResponse = z.infer<typeof LookupResponse>;

export const EngagementsQuery = z.looseObject({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_ENGAGEMENT_LIMIT).default(DEFAULT_ENGAGEMENT_LIMIT),
  types: z.string().optional().meta({ description: 'Comma-separated engagement types to keep.' }),
});

export const EngagementsPage = z
  .looseObject({ engagements: z.array(Engagement), nextCursor: z.string().nullable() })
  .meta({ id: 'EngagementsPage' });
export type EngagementsPage = z.infer<typeof EngagementsPage>;

export const MessagingQuery = z.looseObject({
  campaignId: z.string().optional(),
  ids: z.string().optional().meta({ description: 'Comma-separated messaging ids.' }),
});

export const MessagingList = z
  .looseObject({
    messaging: z.array(Messaging),
    // Additive (optional): the messaging library page needs each campaign's status to flag
    // expired messaging still attached to a running campaign.
    campaigns: z.array(Campaign).optional().meta({
      description:
        'Optional: the campaigns the returned messaging references (its campaignIds, and campaigns whose messagingIds name it), so a client can tell which are active. Other backends may leave it out: clients must work without it.',
    }),
  })
  .meta({ id: 'MessagingList' });
export type MessagingList = z.infer<typeof MessagingList>;

// ---------------------------------------------------------------------------------------
// Ingestion

export const IngestContact = z
  .looseObject({
    email: Email,
    name: z.string().optional(),
    title: z.string().optional(),
    company: Company.optional(),
    owner: PersonName.optional(),
    lifecycleStage: z.string().optional(),
    crmUrl: HttpsUrl.optional(),
    externalIds: Contact.shape.externalIds,
    consent: Contact.shape.consent,
  })
  .meta({ id: 'IngestContact' });
export type IngestContact = z.infer<typeof IngestContact>;

export const IngestEvent = Engagement.extend({ contact: IngestContact }).meta({
  id: 'IngestEvent',
  description: 'An Engagement plus its contact; `id` is the idempotency key.',
});
export type IngestEvent = z.infer<typeof IngestEvent>;

export const MAX_EVENTS_PER_BATCH = 1000;

/** Events are validated one by one by the server, so the batch only checks its bounds. */
export const EventsRequest = z
  .looseObject({
    events: z
      .array(z.unknown())
      .min(1)
      .max(MAX_EVENTS_PER_BATCH)
      .meta({
        items: { $ref: '#/components/schemas/IngestEvent' },
      }),
  })
  .meta({ id: 'EventsRequest' });

export const EventsResponse = z
  .looseObject({
    accepted: z.int().min(0),
    duplicates: z.int().min(0),
    rejected: z.array(z.looseObject({ index: z.int().min(0), error: z.string() })),
  })
  .meta({ id: 'EventsResponse' });
export type EventsResponse = z.infer<typeof EventsResponse>;

/** `PUT /v1/contacts/{email}`: the contact without server-assigned fields. */
export const ContactUpsert = IngestContact.extend({ email: Email.optional() }).meta({
  id: 'ContactUpsert',
});

export const MembershipUpsert = z
  .looseObject({ memberStatus: z.string().optional(), joinedAt: DateTime.optional() })
  .meta({ id: 'MembershipUpsert' });

// Segment spec (https://segment.com/docs/connections/spec/): the fields we map.
const SegmentBase = {
  messageId: z.string().min(1).optional(),
  userId: z.union([z.string(), z.number()]).nullable().optional(),
  anonymousId: z.union([z.string(), z.number()]).nullable().optional(),
  timestamp: z.string().optional(),
  context: z.looseObject({ traits: z.record(z.string(), z.unknown()).optional() }).optional(),
};
export const SegmentTrack = z.looseObject({
  type: z.literal('track'),
  event: z.string().min(1),
  properties: z.record(z.string(), z.unknown()).optional(),
  ...SegmentBase,
});
export const SegmentPage = z.looseObject({
  type: z.literal('page'),
  name: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  ...SegmentBase,
});
export const SegmentIdentify = z.looseObject({
  type: z.literal('identify'),
  traits: z.record(z.string(), z.unknown()).optional(),
  ...SegmentBase,
});
export const SegmentCall = z
  .discriminatedUnion('type', [SegmentTrack, SegmentPage, SegmentIdentify])
  .meta({ id: 'SegmentCall' });
export type SegmentCall = z.infer<typeof SegmentCall>;

export const SegmentRequest = z
  .union([
    z.looseObject({
      batch: z
        .array(z.unknown())
        .min(1)
        .max(MAX_EVENTS_PER_BATCH)
        .meta({
          items: { $ref: '#/components/schemas/SegmentCall' },
        }),
    }),
    z.looseObject({ type: z.string() }),
  ])
  .meta({ id: 'SegmentRequest', description: 'One Segment call, or {"batch": [...]}.' });

// ---------------------------------------------------------------------------------------
// Feedback (optional feature `feedback`)

export const FEEDBACK_KINDS = [
  'objection',
  'content_helpful',
  'content_not_helpful',
  'messaging_landed',
  'messaging_missed',
  'note',
] as const;
import { MAX_FEEDBACK_TEXT } from './limits';

export { MAX_FEEDBACK_TEXT };

export const FeedbackRequest = z
  .looseObject({
    id: z.string().min(8).max(100).meta({ description: 'Client-generated id (idempotency key).' }),
    contact: ContactRef,
    kind: z.enum(FEEDBACK_KINDS),
    messagingId: z.string().optional(),
    assetId: z.string().optional(),
    campaignId: z.string().optional(),
    text: z.string().max(MAX_FEEDBACK_TEXT).optional(),
    occurredAt: DateTime.optional(),
    rep: z.looseObject({ email: z.string().optional(), name: z.string().optional() }).optional(),
  })
  .meta({ id: 'FeedbackRequest' });
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

export const Feedback = FeedbackRequest.extend({ receivedAt: DateTime.optional() }).meta({
  id: 'Feedback',
});
export type Feedback = z.infer<typeof Feedback>;

export const FeedbackCreated = z.looseObject({ id: z.string() }).meta({ id: 'FeedbackCreated' });

export const FeedbackList = z
  .looseObject({
    feedback: z.array(Feedback),
    nextCursor: z.string().nullable(),
    summary: z.looseObject({
      byMessaging: z.record(
        z.string(),
        z.looseObject({ landed: z.int(), missed: z.int(), objections: z.int() }),
      ),
      byAsset: z.record(z.string(), z.looseObject({ helpful: z.int(), notHelpful: z.int() })),
    }),
  })
  .meta({ id: 'FeedbackList' });
export type FeedbackList = z.infer<typeof FeedbackList>;
