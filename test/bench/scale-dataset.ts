/**
 * Deterministic scale seed for the server benchmark: N contacts and E engagements with a
 * realistic skew (a few hundred contacts with over a thousand touches, the median contact
 * with about five), every contact with CRM external ids so `crm` lookups can be measured.
 *
 * Everything is a pure function of (options, contact index): the same options always give
 * the same dataset, and a contact's email, hash and CRM id can be computed without building
 * anything (the benchmark draws lookup targets that way). Events come in chunks, so 2M of
 * them never sit in memory at once: `scaleDatasets()` yields the base dataset (contacts,
 * campaigns, assets, messaging, memberships) and then event-only datasets, each written
 * with `loadDataset`.
 *
 * Bump SCALE_GENERATOR_VERSION whenever the output changes: the benchmark's cached
 * database is keyed by it.
 */
import { createHash } from 'node:crypto';
import type {
  Asset,
  Campaign,
  IngestContact,
  IngestEvent,
  Messaging,
  Score,
} from '../../utils/contract/schemas';
import type { Dataset } from '../../server/seed/dataset';
import { SeededRandom } from '../../server/seed/seeded-random';

export const SCALE_GENERATOR_VERSION = 1;

export interface ScaleOptions {
  contacts: number;
  engagements: number;
  /** Newest possible event time; fixed so the dataset (and its cache) never changes. */
  now?: Date;
  /** Events per yielded dataset. Default 200,000 (one store transaction each). */
  chunkSize?: number;
}

const DEFAULT_NOW = new Date('2026-06-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
/** Events spread over the two years before `now`. */
const WINDOW = 730 * DAY;
/** Skew: engagements of the contact at popularity rank r ∝ (r + OFFSET)^-EXPONENT, plus one. */
const SKEW_EXPONENT = 1;
const SKEW_OFFSET = 50;
const VENDOR = 'https://www.scale-vendor.example';

// ---------------------------------------------------------------------------------------
// Names

// prettier-ignore
const FIRST = [
  'ada', 'ben', 'carla', 'dev', 'elif', 'farah', 'gus', 'hana', 'ivan', 'jade', 'kofi', 'lina',
  'mateo', 'nora', 'omar', 'pia', 'quinn', 'rosa', 'sven', 'tara', 'umar', 'vera', 'wes', 'xena',
  'yusuf', 'zoe', 'amir', 'bea', 'cole', 'dina', 'emil', 'fern',
];
// prettier-ignore
const LAST = [
  'adler', 'brooks', 'castro', 'dube', 'ekdahl', 'fujita', 'garcia', 'haas', 'ibsen', 'jensen',
  'kaur', 'lopez', 'moreau', 'nakamura', 'okafor', 'petrov', 'quist', 'rossi', 'singh', 'tanaka',
  'ueda', 'vogel', 'walsh', 'xu', 'yilmaz', 'zhang', 'abe', 'bauer', 'chen', 'diaz', 'eriksen',
  'fox',
];
// prettier-ignore
const COMPANY_WORDS = [
  'acme', 'globex', 'initech', 'umbrella', 'stark', 'wayne', 'tyrell', 'cyberdyne', 'hooli',
  'vandelay', 'wonka', 'soylent', 'oscorp', 'gringotts', 'monarch', 'pied', 'dunder', 'aperture',
  'massive', 'nakatomi',
];
const COMPANY_KINDS = ['logistics', 'health', 'retail', 'bank', 'mfg', 'energy', 'media', 'labs'];
// prettier-ignore
const TITLES = [
  'VP Operations', 'Director of IT', 'Procurement Manager', 'CFO', 'Operations Analyst',
  'Head of Automation', 'IT Architect', 'COO', 'Finance Manager', 'Engineering Manager',
];
const STAGES = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer'];
const OWNERS = Array.from({ length: 40 }, (_, i) => ({
  name: `Rep ${i + 1}`,
  email: `rep${i + 1}@scale-vendor.example`,
}));

function companyOf(index: number, contactCount: number): { name: string; domain: string } {
  // About 20 contacts per company.
  const companies = Math.max(1, Math.floor(contactCount / 20));
  const c = index % companies;
  const word = COMPANY_WORDS[c % COMPANY_WORDS.length] as string;
  const kind = COMPANY_KINDS[Math.floor(c / COMPANY_WORDS.length) % COMPANY_KINDS.length] as string;
  const domain = `${word}-${kind}-${c.toString(36)}.example`;
  return { name: `${word[0]?.toUpperCase()}${word.slice(1)} ${kind} ${c}`, domain };
}

/** The stored (lowercase) email of contact `index`. */
export function scaleContactEmail(index: number, contactCount: number): string {
  const first = FIRST[index % FIRST.length] as string;
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] as string;
  return `${first}.${last}.${index.toString(36)}@${companyOf(index, contactCount).domain}`;
}

export function scaleContactEmailSha256(index: number, contactCount: number): string {
  return createHash('sha256').update(scaleContactEmail(index, contactCount)).digest('hex');
}

/** The Salesforce contact id every scale contact carries. */
export function scaleContactCrmRef(index: number): {
  system: 'salesforce';
  objectType: string;
  id: string;
} {
  return {
    system: 'salesforce',
    objectType: 'contact',
    id: `003SC${index.toString(36).padStart(10, '0')}`,
  };
}

// ---------------------------------------------------------------------------------------
// Skew

/** Engagements per contact index: sums to exactly `engagements`, heavy-tailed. */
export function engagementCounts(options: ScaleOptions): Uint32Array {
  const n = options.contacts;
  const total = options.engagements;
  const counts = new Uint32Array(n);
  if (n === 0) return counts;
  const base = total >= n ? 1 : 0;
  let weightSum = 0;
  for (let r = 0; r < n; r++) weightSum += Math.pow(r + SKEW_OFFSET, -SKEW_EXPONENT);
  const rest = total - base * n;
  // Popularity rank r lives at contact index (r * stride) mod n, so heavy contacts are spread.
  const stride = coprimeStride(n);
  let assigned = 0;
  for (let r = 0; r < n; r++) {
    const c = base + Math.floor((rest * Math.pow(r + SKEW_OFFSET, -SKEW_EXPONENT)) / weightSum);
    counts[(r * stride) % n] = c;
    assigned += c;
  }
  // Rounding leftovers go one each to the most popular contacts.
  for (let r = 0; assigned < total; r = (r + 1) % n, assigned++) {
    const i = (r * stride) % n;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function coprimeStride(n: number): number {
  let stride = 7919 % n || 1;
  while (gcd(stride, n) !== 1) stride++;
  return stride;
}

/** Contact indexes sorted by engagement count, busiest first. */
export function busiestContactIndexes(options: ScaleOptions, limit: number): number[] {
  const counts = engagementCounts(options);
  const stride = coprimeStride(options.contacts);
  return Array.from({ length: Math.min(limit, options.contacts) }, (_, r) => {
    return (r * stride) % options.contacts;
  }).sort((a, b) => (counts[b] as number) - (counts[a] as number));
}

// ---------------------------------------------------------------------------------------
// Marketing objects

const CAMPAIGN_COUNT = 200;
const ASSET_COUNT = 500;
const MESSAGING_COUNT = 60;
const CAMPAIGN_TYPES = ['email', 'nurture', 'webinar', 'event', 'ads', 'content', 'abm'] as const;
const ASSET_TYPES = ['document', 'video', 'webinar', 'deck', 'case_study', 'landing_page'] as const;

const campaignId = (i: number) => `cmp-${i.toString().padStart(3, '0')}`;
const assetId = (i: number) => `ast-${i.toString().padStart(3, '0')}`;
const messagingId = (i: number) => `msg-${i.toString().padStart(2, '0')}`;
const campaignMessaging = (c: number) => [messagingId(c % MESSAGING_COUNT)];
const assetMessaging = (a: number) => [messagingId((a * 7) % MESSAGING_COUNT)];

function buildMessaging(now: number): Messaging[] {
  return Array.from({ length: MESSAGING_COUNT }, (_, i) => ({
    id: messagingId(i),
    theme: `Theme ${i}`,
    statement: `Statement ${i}: automate the hand-offs between systems instead of adding headcount.`,
    talkingPoints: [`Talking point ${i}.1`, `Talking point ${i}.2`, `Talking point ${i}.3`],
    proofPoints: [`Customer ${i} handles 30% more volume with the same team`],
    avoid: ['rip and replace', 'guaranteed ROI'],
    audience: ['VP Operations', 'CFO'],
    campaignIds: [campaignId(i)],
    version: 1 + (i % 3),
    validFrom: new Date(now - 400 * DAY).toISOString(),
    validUntil: new Date(now + 200 * DAY).toISOString(),
    owner: 'Product Marketing',
  }));
}

function buildCampaigns(now: number): Campaign[] {
  return Array.from({ length: CAMPAIGN_COUNT }, (_, i) => ({
    id: campaignId(i),
    name: `Campaign ${i}: ${CAMPAIGN_TYPES[i % CAMPAIGN_TYPES.length]} program`,
    type: CAMPAIGN_TYPES[i % CAMPAIGN_TYPES.length],
    status: i % 5 === 0 ? 'completed' : 'active',
    url: `${VENDOR}/campaigns/${i}`,
    messagingIds: campaignMessaging(i),
    startsAt: new Date(now - (30 + (i % 300)) * DAY).toISOString(),
  }));
}

function buildAssets(): Asset[] {
  return Array.from({ length: ASSET_COUNT }, (_, i) => ({
    id: assetId(i),
    title: `Asset ${i}: ${ASSET_TYPES[i % ASSET_TYPES.length]}`,
    type: ASSET_TYPES[i % ASSET_TYPES.length],
    url: `${VENDOR}/assets/${i}`,
    campaignIds: [campaignId(i % CAMPAIGN_COUNT)],
    messagingIds: assetMessaging(i),
    summary: `What asset ${i} covers, in one sentence.`,
  }));
}

// ---------------------------------------------------------------------------------------
// Contacts and memberships

function buildContact(index: number, options: ScaleOptions): IngestContact {
  const rng = new SeededRandom(`touchpoint-scale:contact:${index}`);
  const email = scaleContactEmail(index, options.contacts);
  const [first = '', last = ''] = email.split('@')[0]?.split('.') ?? [];
  const scores: Score[] = [
    { name: 'lead_score', value: rng.below(101), max: 100, source: 'marketo' },
    { name: 'grade', value: rng.pick(['A', 'B', 'C', 'D']), source: 'marketo' },
  ];
  const crm = scaleContactCrmRef(index);
  const contact: IngestContact & { scores: Score[] } = {
    email,
    name: `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}`,
    title: rng.pick(TITLES),
    company: companyOf(index, options.contacts),
    owner: rng.pick(OWNERS),
    lifecycleStage: rng.pick(STAGES),
    crmUrl: `https://scale.my.salesforce.example/lightning/r/Contact/${crm.id}/view`,
    externalIds: [{ system: crm.system, type: crm.objectType, id: crm.id }],
    consent: { emailOptOut: rng.float() < 0.03 },
    scores,
  };
  if (rng.float() < 0.3) {
    contact.externalIds?.push({ system: 'hubspot', type: 'contact', id: String(500000 + index) });
  }
  return contact;
}

/** 0–3 campaigns per contact, busier contacts in more of them. */
function contactCampaigns(index: number, engagementCount: number): number[] {
  const rng = new SeededRandom(`touchpoint-scale:campaigns:${index}`);
  const n = Math.min(3, Math.floor(Math.log10(engagementCount + 1) + rng.float() * 1.5));
  const set = new Set<number>();
  for (let k = 0; k < n; k++) set.add(rng.below(CAMPAIGN_COUNT));
  return [...set].sort((a, b) => a - b);
}

/** The base dataset: everything but events. */
export function buildScaleBase(options: ScaleOptions): Dataset {
  const now = (options.now ?? DEFAULT_NOW).getTime();
  const counts = engagementCounts(options);
  const contacts: Dataset['contacts'] = [];
  const memberships: Dataset['memberships'] = [];
  for (let i = 0; i < options.contacts; i++) {
    contacts.push(buildContact(i, options));
    const email = scaleContactEmail(i, options.contacts);
    const rng = new SeededRandom(`touchpoint-scale:joined:${i}`);
    for (const c of contactCampaigns(i, counts[i] as number)) {
      memberships.push({
        campaignId: campaignId(c),
        email,
        memberStatus: rng.pick(['Member', 'Responded', 'Registered', 'Attended']),
        joinedAt: new Date(now - Math.floor(rng.float() * WINDOW)).toISOString(),
      });
    }
  }
  return {
    contacts,
    campaigns: buildCampaigns(now),
    assets: buildAssets(),
    messaging: buildMessaging(now),
    memberships,
    events: [],
  };
}

// ---------------------------------------------------------------------------------------
// Events

type Kind = {
  type: string;
  weight: number;
  channel: 'email' | 'web' | 'event' | 'ads' | 'social' | 'other';
  /** Carries a campaign, an asset, messaging ids. */
  campaign?: boolean;
  asset?: boolean;
  messaging?: boolean;
  rawType: string;
};
// prettier-ignore
const KINDS: Kind[] = [
  { type: 'email.sent', weight: 22, channel: 'email', campaign: true, messaging: true, rawType: 'Send Email' },
  { type: 'email.delivered', weight: 20, channel: 'email', campaign: true, rawType: 'Email Delivered' },
  { type: 'email.opened', weight: 16, channel: 'email', campaign: true, rawType: 'Open Email' },
  { type: 'email.clicked', weight: 5, channel: 'email', campaign: true, messaging: true, rawType: 'Click Email' },
  { type: 'web.page_viewed', weight: 24, channel: 'web', rawType: 'Visit Webpage' },
  { type: 'form.submitted', weight: 2, channel: 'web', campaign: true, asset: true, rawType: 'Fill Out Form' },
  { type: 'asset.viewed', weight: 3, channel: 'web', asset: true, messaging: true, rawType: 'View Asset' },
  { type: 'asset.downloaded', weight: 2, channel: 'web', asset: true, messaging: true, rawType: 'Download Asset' },
  { type: 'video.viewed', weight: 1.5, channel: 'web', asset: true, rawType: 'Watch Video' },
  { type: 'event.registered', weight: 1, channel: 'event', campaign: true, rawType: 'Register for Event' },
  { type: 'event.attended', weight: 0.7, channel: 'event', campaign: true, messaging: true, rawType: 'Attend Event' },
  { type: 'ad.clicked', weight: 1, channel: 'ads', campaign: true, rawType: 'Click Ad' },
  { type: 'social.engaged', weight: 0.5, channel: 'social', rawType: 'Social Engagement' },
  { type: 'score.changed', weight: 0.6, channel: 'other', rawType: 'Change Score' },
  { type: 'highlight', weight: 0.4, channel: 'other', rawType: 'Interesting Moment' },
];
const KIND_TOTAL = KINDS.reduce((sum, kind) => sum + kind.weight, 0);

function pickKind(rng: SeededRandom): Kind {
  let r = rng.float() * KIND_TOTAL;
  for (const kind of KINDS) {
    r -= kind.weight;
    if (r < 0) return kind;
  }
  return KINDS[0] as Kind;
}

const PAGES = ['/pricing', '/product', '/integrations', '/customers', '/blog/roi', '/security'];

/** The events of one contact (ids sort in generation order, which keeps inserts cheap). */
function contactEvents(index: number, count: number, email: string, now: number): IngestEvent[] {
  const rng = new SeededRandom(`touchpoint-scale:events:${index}`);
  const campaigns = contactCampaigns(index, count);
  const events: IngestEvent[] = [];
  const idPrefix = `ev${index.toString(36).padStart(5, '0')}-`;
  for (let j = 0; j < count; j++) {
    const kind = pickKind(rng);
    const occurred = now - Math.floor(rng.float() * rng.float() * WINDOW);
    const event: IngestEvent = {
      id: `${idPrefix}${j.toString(36).padStart(4, '0')}`,
      type: kind.type,
      occurredAt: new Date(occurred).toISOString(),
      title: '',
      channel: kind.channel,
      source: { system: 'marketo', rawType: kind.rawType },
      contact: { email },
    };
    const c =
      campaigns.length > 0 && rng.float() < 0.8 ? rng.pick(campaigns) : rng.below(CAMPAIGN_COUNT);
    const a = rng.below(ASSET_COUNT);
    if (kind.campaign) event.campaignId = campaignId(c);
    if (kind.asset) event.assetId = assetId(a);
    if (kind.messaging) {
      event.messagingIds = kind.asset ? assetMessaging(a) : campaignMessaging(c);
    }
    switch (kind.channel) {
      case 'email':
        event.title = `Campaign ${c} email ${1 + rng.below(6)}`;
        if (kind.type === 'email.opened') {
          event.confidence = rng.float() < 0.4 ? 'machine_suspected' : 'human';
        }
        event.details = { subject: `Step ${1 + rng.below(6)} of campaign ${c}` };
        break;
      case 'web': {
        const page = rng.pick(PAGES);
        event.title = kind.asset ? `Asset ${a}` : `Viewed ${page}`;
        event.url = kind.asset ? `${VENDOR}/assets/${a}` : `${VENDOR}${page}`;
        if (kind.type === 'web.page_viewed') event.details = { durationSec: rng.below(300) };
        break;
      }
      default:
        event.title =
          kind.type === 'highlight'
            ? 'Visited pricing three times this week'
            : `${kind.rawType} (campaign ${c})`;
    }
    if (kind.type === 'highlight') {
      event.details = {
        description: 'A burst of high-intent visits',
        weight: Math.round(rng.float() * 100) / 100,
      };
    }
    events.push(event);
  }
  return events;
}

/** Events in chunks of about `chunkSize` (whole contacts per chunk). */
export function* scaleEventChunks(options: ScaleOptions): Generator<IngestEvent[]> {
  const now = (options.now ?? DEFAULT_NOW).getTime();
  const chunkSize = options.chunkSize ?? 200_000;
  const counts = engagementCounts(options);
  let chunk: IngestEvent[] = [];
  for (let i = 0; i < options.contacts; i++) {
    const count = counts[i] as number;
    if (count === 0) continue;
    const events = contactEvents(i, count, scaleContactEmail(i, options.contacts), now);
    for (const event of events) chunk.push(event);
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The base dataset, then event-only datasets: pass each to `loadDataset` in turn. */
export function* scaleDatasets(options: ScaleOptions): Generator<Dataset> {
  yield buildScaleBase(options);
  for (const events of scaleEventChunks(options)) {
    yield { contacts: [], campaigns: [], assets: [], messaging: [], memberships: [], events };
  }
}
