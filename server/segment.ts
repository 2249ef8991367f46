import { createHash } from 'node:crypto';
import { channelOfType } from '../utils/contract/channels';
import {
  Email,
  ENGAGEMENT_TYPES,
  type IngestContact,
  type IngestEvent,
  type SegmentCall,
} from '../utils/contract/schemas';

/**
 * Maps Segment-spec calls (https://segment.com/docs/connections/spec/) to Context API
 * events and contact upserts, so any CDP (Segment, RudderStack, Jitsu) can feed the server.
 */

/** Segment event names (lowercased, spaces/underscores collapsed) → engagement types. */
const TRACK_NAME_TYPES: Record<string, string> = {
  'email sent': 'email.sent',
  'email delivered': 'email.delivered',
  'email opened': 'email.opened',
  'email link clicked': 'email.clicked',
  'email clicked': 'email.clicked',
  'email replied': 'email.replied',
  'email bounced': 'email.bounced',
  'email unsubscribed': 'email.unsubscribed',
  unsubscribed: 'email.unsubscribed',
  'page viewed': 'web.page_viewed',
  'form submitted': 'form.submitted',
  'asset viewed': 'asset.viewed',
  'content viewed': 'asset.viewed',
  'asset downloaded': 'asset.downloaded',
  'document downloaded': 'asset.downloaded',
  'file downloaded': 'asset.downloaded',
  'video viewed': 'video.viewed',
  'video playback started': 'video.viewed',
  'video content playing': 'video.viewed',
  'webinar registered': 'event.registered',
  'event registered': 'event.registered',
  'webinar attended': 'event.attended',
  'event attended': 'event.attended',
  'webinar no show': 'event.no_show',
  'event no show': 'event.no_show',
  'ad clicked': 'ad.clicked',
  'social engaged': 'social.engaged',
  'campaign joined': 'campaign.joined',
};

export function snakeName(name: string): string {
  const snake = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return snake || 'event';
}

/** The engagement type for a track event name; unknown names become `custom.<snake_name>`. */
export function engagementTypeForEvent(name: string): string {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
  const mapped = TRACK_NAME_TYPES[key];
  if (mapped) return mapped;
  const asType = name.trim().toLowerCase();
  if ((ENGAGEMENT_TYPES as readonly string[]).includes(asType)) return asType;
  return `custom.${snakeName(name)}`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function stringField(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function emailOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = Email.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The contact's email: `userId` when it is one, else `traits.email`, else `context.traits.email`. */
export function contactEmailOf(call: SegmentCall): string | undefined {
  const traits = call.type === 'identify' ? asRecord(call.traits) : {};
  return (
    emailOf(call.userId) ?? emailOf(traits.email) ?? emailOf(asRecord(call.context?.traits).email)
  );
}

/** Contact fields from Segment traits (identify traits win over context traits). */
export function contactFromTraits(email: string, call: SegmentCall): IngestContact {
  const traits = {
    ...asRecord(call.context?.traits),
    ...(call.type === 'identify' ? asRecord(call.traits) : {}),
  };
  const contact: IngestContact = { email };
  const fullName =
    stringField(traits, 'name') ??
    ([stringField(traits, 'firstName', 'first_name'), stringField(traits, 'lastName', 'last_name')]
      .filter((part) => part !== undefined)
      .join(' ') ||
      undefined);
  if (fullName) contact.name = fullName;
  const title = stringField(traits, 'title', 'jobTitle', 'job_title');
  if (title) contact.title = title;
  const company = traits.company;
  if (typeof company === 'string' && company.trim() !== '') contact.company = { name: company };
  else if (company && typeof company === 'object') {
    const name = stringField(asRecord(company), 'name');
    const domain = stringField(asRecord(company), 'domain', 'website');
    if (name || domain)
      contact.company = { ...(name ? { name } : {}), ...(domain ? { domain } : {}) };
  }
  return contact;
}

/** Flat details from properties: only string/number/boolean/null values survive. */
function flatDetails(properties: Record<string, unknown>) {
  const details: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      details[key] = value;
    }
  }
  return details;
}

/** A stable id for a call without messageId, so a repeated delivery is still a duplicate. */
function fallbackMessageId(call: SegmentCall): string {
  return createHash('sha256').update(JSON.stringify(call)).digest('hex').slice(0, 32);
}

/**
 * Builds the engagement event for a track or page call (not yet validated: the caller checks
 * it with the IngestEvent schema so a bad timestamp is reported, not stored).
 */
export function eventFromSegmentCall(
  call: SegmentCall & { type: 'track' | 'page' },
  email: string,
  receivedAt: string,
): IngestEvent {
  const properties = asRecord(call.properties);
  const type = call.type === 'page' ? 'web.page_viewed' : engagementTypeForEvent(call.event);
  const url = stringField(properties, 'url', 'link_url', 'href');
  const title =
    call.type === 'page'
      ? (stringField(properties, 'title') ?? call.name ?? url ?? 'Page viewed')
      : (stringField(properties, 'title', 'subject', 'name') ?? call.event);
  const event: IngestEvent = {
    id: `segment:${call.messageId ?? fallbackMessageId(call)}`,
    type,
    occurredAt: call.timestamp ?? receivedAt,
    title,
    channel: channelOfType(type),
    source: { system: 'segment', rawType: call.type === 'page' ? 'page' : call.event },
    details: flatDetails(properties),
    contact: contactFromTraits(email, call),
  };
  if (url) event.url = url;
  const campaignId = stringField(properties, 'campaignId', 'campaign_id');
  if (campaignId) event.campaignId = campaignId;
  const assetId = stringField(properties, 'assetId', 'asset_id');
  if (assetId) event.assetId = assetId;
  const messagingIds = properties.messagingIds;
  if (Array.isArray(messagingIds) && messagingIds.every((id) => typeof id === 'string')) {
    event.messagingIds = messagingIds;
  }
  return event;
}
