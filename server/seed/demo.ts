/**
 * The demo seed's generator: turns the tables of `./demo-data/` (a fictional vendor,
 * "Northwind Flow", its campaigns, messaging and assets, and about 60 contacts at a dozen
 * prospect and customer accounts) into a dataset of engagements. Every time is relative to
 * `now`, so the data always looks recent; the same `now` always gives the same dataset
 * (seeded PRNG, never Math.random).
 *
 * Planted on purpose for the messaging features (see DEMO_SCENARIOS): an expired messaging
 * entry still attached to an active campaign, and two versions of one theme that conflict
 * (v1 says "rip and replace", v2 forbids it), both seen by the same contacts.
 */
import type * as Api from '../../utils/contract/schemas';
import type { Dataset } from './dataset';
import {
  COMPANIES,
  TIERS,
  type CompanySpec,
  type Participation,
  type PersonSpec,
  type TierProfile,
} from './demo-data/accounts';
import { CAMPAIGN_CHANNEL, RAW_TYPES, SCORE_TRIGGERS, SOCIAL_POSTS } from './demo-data/activity';
import { FEEDBACK } from './demo-data/feedback';
import {
  ASSETS,
  C,
  CAMPAIGNS,
  DEMO_VENDOR_DOMAIN,
  DEMO_WINDOW_DAYS,
  MESSAGING,
  PAGES,
  PRICING_URL,
  SUMMIT_DAYS_AGO,
  WEB,
  WEBINAR_OPS_DAYS_AGO,
  type AssetSpec,
  type CampaignKey,
  type CampaignSpec,
  type MessagingSpec,
  type Page,
  type Rep,
} from './demo-data/vendor';
import { hashString, SeededRandom } from './seeded-random';

export {
  DEMO_PROMINENT_CONTACTS,
  DEMO_SCENARIOS,
  DEMO_VENDOR_DOMAIN,
  DEMO_WINDOW_DAYS,
} from './demo-data/vendor';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const WINDOW = DEMO_WINDOW_DAYS * DAY;
const ASSET_BY_ID = new Map(ASSETS.map((a) => [a.id, a]));
const CAMPAIGN_BY_ID = new Map(CAMPAIGNS.map((c) => [c.id, c]));

function assetSpec(id: string): AssetSpec {
  const found = ASSET_BY_ID.get(id);
  if (!found) throw new Error(`demo seed: unknown asset ${id}`);
  return found;
}
function campaignSpec(id: string): CampaignSpec {
  const found = CAMPAIGN_BY_ID.get(id);
  if (!found) throw new Error(`demo seed: unknown campaign ${id}`);
  return found;
}

// ---------------------------------------------------------------------------------------
// Engagement generation

type Details = Record<string, string | number | boolean | null>;

/** An engagement before it has an id; `ago` is milliseconds before `now`. */
interface Draft {
  ago: number;
  type: string;
  title: string;
  channel: string;
  confidence?: 'human' | 'machine_suspected' | 'unknown';
  url?: string;
  campaignId?: string;
  assetId?: string;
  messagingIds?: string[];
  source: { system: string; rawType?: string };
  details?: Details;
}

interface Ctx {
  rng: SeededRandom;
  email: string;
  person: PersonSpec;
  company: CompanySpec;
  profile: TierProfile;
  hot: boolean;
  /** Apple Mail Privacy Protection fetches every email (and its pixel) on delivery. */
  mpp: boolean;
  noEmail: boolean;
  drafts: Draft[];
  memberships: Map<string, { status: string; ago: number }>;
  demoRequested: boolean;
}

function source(c: Ctx, type: string): { system: string; rawType?: string } {
  const raw = RAW_TYPES[type];
  return raw
    ? { system: c.company.marketing, rawType: raw[c.company.marketing] }
    : { system: c.company.marketing };
}

/** Keeps only what has already happened and lies inside the demo window. */
function add(c: Ctx, draft: Draft): boolean {
  if (draft.ago < MINUTE || draft.ago > WINDOW) return false;
  c.drafts.push(
    draft.messagingIds ? { ...draft, ...messagingAt(draft.messagingIds, draft.ago) } : draft,
  );
  return true;
}

/**
 * The messaging a touch `ago` ms before now carried: an asset names its messaging as of
 * today, so an entry that did not exist yet at the touch gives way to the version of its
 * theme valid then (v1 before v2 took over), or is left out. Expired entries stay: content
 * still going out with outdated messaging is one of the planted problems (DEMO_SCENARIOS).
 */
function messagingAt(ids: readonly string[], ago: number): Pick<Draft, 'messagingIds'> {
  const days = ago / DAY;
  const validThen = (m: MessagingSpec) => days <= m.validFromDaysAgo && days >= m.validUntilDaysAgo;
  const carried = new Set<string>();
  for (const id of ids) {
    const spec = MESSAGING.find((m) => m.id === id);
    if (!spec) continue;
    const then =
      days <= spec.validFromDaysAgo
        ? spec
        : MESSAGING.find((m) => m.theme === spec.theme && validThen(m));
    if (then) carried.add(then.id);
  }
  return { messagingIds: [...carried] };
}

/** Joins the campaign, or moves an existing member on to `status`. */
function join(c: Ctx, campaignId: string, ago: number, status: string): void {
  const existing = c.memberships.get(campaignId);
  if (existing) {
    existing.status = status;
    return;
  }
  if (ago < MINUTE || ago > WINDOW) return;
  c.memberships.set(campaignId, { status, ago });
  const campaign = campaignSpec(campaignId);
  add(c, {
    ago,
    type: 'campaign.joined',
    title: `Added to campaign: ${campaign.name}`,
    channel: CAMPAIGN_CHANNEL[campaign.type] ?? 'other',
    campaignId,
    ...campaignMessagingAt(campaign, ago),
    source: { system: 'salesforce', rawType: 'CampaignMember' },
    details: { memberStatus: status, campaignType: campaign.type },
  });
}

/** The campaign's messaging that was valid at that moment (what the touch carried). */
function campaignMessagingAt(campaign: CampaignSpec, ago: number): Pick<Draft, 'messagingIds'> {
  const days = ago / DAY;
  const ids = campaign.messagingIds.filter((id) => {
    const m = MESSAGING.find((entry) => entry.id === id);
    return m !== undefined && days <= m.validFromDaysAgo && days >= m.validUntilDaysAgo;
  });
  return ids.length > 0 ? { messagingIds: ids } : {};
}

function withAsset(assetId: string | undefined): Pick<Draft, 'assetId' | 'messagingIds'> {
  if (!assetId) return {};
  return { assetId, messagingIds: [...assetSpec(assetId).messagingIds] };
}

interface EmailOutcome {
  delivered: boolean;
  opened: boolean;
  clicked: boolean;
  /** When the human clicked, if they did. */
  clickAgo?: number;
}
interface EmailForce {
  open?: boolean;
  click?: boolean;
  reply?: boolean;
}

function sendEmail(
  c: Ctx,
  ago: number,
  assetId: string,
  campaignId: string,
  force: EmailForce = {},
): EmailOutcome {
  const outcome: EmailOutcome = { delivered: false, opened: false, clicked: false };
  if (c.noEmail) return outcome;
  const { rng } = c;
  const asset = assetSpec(assetId);
  const subject = asset.subject ?? asset.title;
  const base = {
    channel: 'email',
    campaignId,
    assetId,
    messagingIds: [...asset.messagingIds],
    url: asset.url,
  };
  if (
    !add(c, {
      ...base,
      ago,
      type: 'email.sent',
      title: `Sent: ${subject}`,
      source: source(c, 'email.sent'),
      details: { subject },
    })
  ) {
    return outcome;
  }
  if (c.person.tier === 'bounced') {
    add(c, {
      ...base,
      ago: ago - rng.int(3, 30) * SECOND,
      type: 'email.bounced',
      title: `Bounced: ${subject}`,
      source: source(c, 'email.bounced'),
      details: {
        subject,
        bounceType: 'hard',
        reason: '550 5.1.1 The email account does not exist',
      },
    });
    return outcome;
  }
  const deliveredAgo = ago - rng.int(2, 40) * SECOND;
  outcome.delivered = add(c, {
    ...base,
    ago: deliveredAgo,
    type: 'email.delivered',
    title: `Delivered: ${subject}`,
    source: source(c, 'email.delivered'),
    details: { subject },
  });
  const link = asset.link;
  const linkUrl = link
    ? `${WEB}${link.path}?utm_source=${c.company.marketing}&utm_medium=email&utm_campaign=${campaignId}`
    : asset.url;
  if (c.mpp) {
    add(c, {
      ...base,
      ago: deliveredAgo - rng.int(1, 20) * SECOND,
      type: 'email.opened',
      title: `Opened: ${subject}`,
      confidence: 'machine_suspected',
      source: source(c, 'email.opened'),
      details: { subject, userAgent: 'Apple Mail Privacy Protection', proxied: true },
    });
  }
  if (c.company.linkScanner && rng.chance(0.85)) {
    add(c, {
      ...base,
      url: linkUrl,
      ago: deliveredAgo - rng.int(2, 50) * SECOND,
      type: 'email.clicked',
      title: `Clicked link in: ${subject}`,
      confidence: 'machine_suspected',
      source: source(c, 'email.clicked'),
      details: { subject, userAgent: c.company.linkScanner, linkScanner: true },
    });
  }
  if (!force.open && !rng.chance(c.profile.open)) return outcome;
  const openAgo = deliveredAgo - 5 * MINUTE - Math.min(rng.exp(6 * HOUR), 4 * DAY);
  outcome.opened = add(c, {
    ...base,
    ago: openAgo,
    type: 'email.opened',
    title: `Opened: ${subject}`,
    confidence: 'human',
    source: source(c, 'email.opened'),
    details: { subject, device: rng.chance(0.35) ? 'mobile' : 'desktop' },
  });
  if (!outcome.opened) return outcome;
  if (rng.chance(0.25)) {
    add(c, {
      ...base,
      ago: openAgo - HOUR - rng.exp(DAY),
      type: 'email.opened',
      title: `Opened: ${subject}`,
      confidence: 'human',
      source: source(c, 'email.opened'),
      details: { subject, device: 'desktop', repeatOpen: true },
    });
  }
  if (force.click || rng.chance(c.profile.click)) {
    const clickAgo = openAgo - rng.int(8, 240) * SECOND;
    outcome.clicked = add(c, {
      ...base,
      url: linkUrl,
      ago: clickAgo,
      type: 'email.clicked',
      title: `Clicked link in: ${subject}`,
      confidence: 'human',
      source: source(c, 'email.clicked'),
      details: { subject, linkText: link?.title ?? 'View in browser' },
    });
    if (outcome.clicked) {
      outcome.clickAgo = clickAgo;
      add(c, {
        ...withAsset(link?.assetId),
        channel: 'web',
        campaignId,
        url: linkUrl,
        ago: clickAgo - rng.int(2, 6) * SECOND,
        type: 'web.page_viewed',
        title: `Viewed page: ${link?.title ?? subject}`,
        confidence: 'human',
        source: source(c, 'web.page_viewed'),
        details: {
          path: link?.path ?? null,
          durationSeconds: rng.int(20, 360),
          referrer: 'email',
        },
      });
    }
  }
  if (force.reply || rng.chance(c.profile.reply)) {
    add(c, {
      ...base,
      ago: openAgo - rng.int(10, 180) * MINUTE,
      type: 'email.replied',
      title: `Replied to: ${subject}`,
      confidence: 'human',
      source: { system: 'salesforce', rawType: 'EmailMessage (Incoming)' },
      details: { subject: `Re: ${subject}`, repliedTo: c.company.owner.email },
    });
  }
  return outcome;
}

/** A website session of one or more page views, starting `ago`. */
function webVisit(c: Ctx, ago: number, entry?: Page, referrer?: string): void {
  const { rng } = c;
  const pages = 1 + Math.min(6, Math.floor(rng.exp(c.hot ? 2.2 : 1.1)));
  let t = ago;
  let sawPricing = false;
  for (let i = 0; i < pages; i++) {
    const page =
      i === 0 && entry ? entry : rng.weighted(PAGES, (p) => (c.hot ? p.hotWeight : p.weight));
    const seconds = rng.int(6, 300);
    sawPricing ||= page.path === '/pricing';
    add(c, {
      ...withAsset(page.assetId),
      ago: t,
      type: 'web.page_viewed',
      title: `Viewed page: ${page.title}`,
      url: `${WEB}${page.path}`,
      channel: 'web',
      confidence: 'human',
      source: source(c, 'web.page_viewed'),
      details: {
        path: page.path,
        durationSeconds: seconds,
        referrer:
          i > 0
            ? 'internal'
            : (referrer ?? rng.pick(['google.com', 'direct', 'linkedin.com', 'bing.com'])),
      },
    });
    t -= (seconds + rng.int(2, 20)) * SECOND;
  }
  if (sawPricing && c.hot && !c.demoRequested && rng.chance(0.1)) {
    requestDemo(c, t - rng.int(30, 120) * SECOND);
  }
}

function requestDemo(c: Ctx, ago: number): void {
  if (
    !add(c, {
      ago,
      type: 'form.submitted',
      title: 'Submitted form: Talk to sales (demo request)',
      url: `${WEB}/contact-sales`,
      channel: 'web',
      confidence: 'human',
      source: source(c, 'form.submitted'),
      details: { formName: 'Talk to sales', page: '/contact-sales', demoRequest: true },
    })
  ) {
    return;
  }
  c.demoRequested = true;
  add(c, {
    ago: ago - c.rng.int(20, 180) * MINUTE,
    type: 'custom.demo_booked',
    title: `Booked a demo with ${c.company.owner.name}`,
    channel: 'direct',
    confidence: 'human',
    source: { system: 'salesforce', rawType: 'Event (Demo)' },
    details: { meetingWith: c.company.owner.name, durationMinutes: 45 },
  });
}

/** Viewing or downloading a piece of content (gated documents ask for a form first). */
function engageAsset(c: Ctx, ago: number, assetId: string, campaignId?: string): void {
  const { rng } = c;
  const asset = assetSpec(assetId);
  const base = { ...withAsset(assetId), url: asset.url, ...(campaignId ? { campaignId } : {}) };
  switch (asset.type) {
    case 'document': {
      const gated = !c.drafts.some((d) => d.type === 'form.submitted' && d.assetId === assetId);
      if (gated) {
        add(c, {
          ...base,
          ago,
          type: 'form.submitted',
          title: `Submitted form: Download ${asset.title.replace(/^\w+: /, '')}`,
          channel: 'web',
          confidence: 'human',
          source: source(c, 'form.submitted'),
          details: { formName: 'Content download', asset: asset.title },
        });
      }
      add(c, {
        ...base,
        ago: ago - rng.int(3, 20) * SECOND,
        type: gated ? 'asset.downloaded' : 'asset.viewed',
        title: `${gated ? 'Downloaded' : 'Viewed'}: ${asset.title}`,
        channel: 'web',
        confidence: 'human',
        source: source(c, gated ? 'asset.downloaded' : 'asset.viewed'),
        details: gated ? { fileType: 'pdf' } : { secondsOnAsset: rng.int(30, 900) },
      });
      return;
    }
    case 'video':
    case 'webinar': {
      const duration = asset.type === 'webinar' ? 3600 : asset.id === 'ast-video-demo' ? 420 : 240;
      const percent = Math.min(100, Math.round(10 + rng.float() * 95));
      add(c, {
        ...base,
        ago,
        type: 'video.viewed',
        title: `Watched: ${asset.title}`,
        channel: 'web',
        confidence: 'human',
        source: source(c, 'video.viewed'),
        details: { percentWatched: percent, durationSeconds: duration },
      });
      return;
    }
    case 'deck':
      add(c, {
        ...base,
        ago,
        type: 'asset.viewed',
        title: `Viewed: ${asset.title}`,
        channel: 'web',
        confidence: 'human',
        source: source(c, 'asset.viewed'),
        details: { pagesViewed: rng.int(3, 12), totalPages: 12 },
      });
      return;
    default: {
      // Case studies are web pages with an optional PDF.
      const download = rng.chance(0.3);
      const type = download ? 'asset.downloaded' : 'asset.viewed';
      add(c, {
        ...base,
        ago,
        type,
        title: `${download ? 'Downloaded' : 'Viewed'}: ${asset.title}`,
        channel: 'web',
        confidence: 'human',
        source: source(c, type),
        details: download ? { fileType: 'pdf' } : { secondsOnAsset: rng.int(20, 600) },
      });
    }
  }
}

function eventTouch(
  c: Ctx,
  ago: number,
  type: 'event.registered' | 'event.attended' | 'event.no_show',
  campaignId: string,
  details: Details,
): boolean {
  const campaign = campaignSpec(campaignId);
  const webinar = campaign.type === 'webinar';
  const what = `${webinar ? 'webinar' : 'event'}: ${campaign.name.replace(/^Webinar: /, '')}`;
  const title = {
    'event.registered': `Registered for ${what}`,
    'event.attended': `Attended ${what}`,
    'event.no_show': `Missed ${what}`,
  }[type];
  const rawType = webinar
    ? {
        'event.registered': 'Registrant',
        'event.attended': 'Attendee',
        'event.no_show': 'No Show',
      }[type]
    : {
        'event.registered': 'Registered',
        'event.attended': 'Attended',
        'event.no_show': 'No Show',
      }[type];
  return add(c, {
    ago,
    type,
    title,
    url: campaign.url,
    channel: 'event',
    confidence: 'human',
    campaignId,
    ...campaignMessagingAt(campaign, ago),
    source: webinar
      ? { system: 'on24', rawType }
      : { system: 'salesforce', rawType: `CampaignMember: ${rawType}` },
    details,
  });
}

// Campaign scripts: what being in each campaign looks like in the data.

function runWebinarOps(c: Ctx, part: Participation | undefined): void {
  const { rng } = c;
  const start = WEBINAR_OPS_DAYS_AGO * DAY;
  const invite = sendEmail(
    c,
    start + 14 * DAY + rng.int(0, 120) * MINUTE,
    'ast-email-webinar-invite',
    C.webinarOps,
    part ? { open: true, click: true } : {},
  );
  if (!part && !invite.clicked && !rng.chance(c.profile.join * 0.3)) return;
  const regAgo = Math.max(
    start + 2 * HOUR,
    (invite.clickAgo ?? start + 10 * DAY) - rng.int(1, 5) * MINUTE,
  );
  if (
    !eventTouch(c, regAgo, 'event.registered', C.webinarOps, { channelDetail: 'registration page' })
  )
    return;
  join(c, C.webinarOps, regAgo, 'Registered');
  const attends = part === 'attend' || (part !== 'no_show' && rng.chance(c.hot ? 0.9 : 0.55));
  if (attends) {
    eventTouch(c, start - rng.int(0, 8) * MINUTE, 'event.attended', C.webinarOps, {
      minutesAttended: rng.int(18, 60),
      questionsAsked: rng.int(0, 3),
      pollsAnswered: rng.int(0, 3),
    });
    join(c, C.webinarOps, regAgo, 'Attended');
  } else {
    eventTouch(c, start - HOUR, 'event.no_show', C.webinarOps, {});
    join(c, C.webinarOps, regAgo, 'No Show');
  }
  if (rng.chance(attends ? 0.25 : 0.6)) {
    engageAsset(c, start - rng.int(1, 30) * DAY, 'ast-webinar-ops-recording', C.webinarOps);
  }
  if (attends && rng.chance(0.4)) {
    engageAsset(c, start - rng.int(1, 10) * DAY, 'ast-ebook-10-workflows', C.webinarOps);
  }
}

function runNurture(c: Ctx): void {
  const { rng } = c;
  // Members keep joining, so some get the v1 emails after v1 expired.
  const joinAgo = rng.int(12, 110) * DAY - rng.int(0, 600) * MINUTE;
  join(c, C.nurture, joinAgo, 'Member');
  // Emails 1 and 2 still carry v1 after it expired: the planted "expired on active" case.
  const first = sendEmail(
    c,
    joinAgo - DAY - rng.int(0, 300) * MINUTE,
    'ast-email-tco-1',
    C.nurture,
  );
  const second = sendEmail(
    c,
    joinAgo - 8 * DAY - rng.int(0, 300) * MINUTE,
    'ast-email-tco-2',
    C.nurture,
  );
  // Email 3 (v2) was added to the program 18 days ago and went to everyone already past step 2.
  const thirdAgo = Math.min(joinAgo - 15 * DAY, 18 * DAY) - rng.int(0, 300) * MINUTE;
  const reply = c.person.replyToNurture ?? false;
  const third = sendEmail(
    c,
    thirdAgo,
    'ast-email-tco-3',
    C.nurture,
    reply ? { open: true, click: true, reply } : {},
  );
  if (first.clicked || second.clicked || third.clicked) join(c, C.nurture, joinAgo, 'Responded');
  if (third.clickAgo !== undefined && rng.chance(0.6)) {
    engageAsset(c, third.clickAgo - rng.int(2, 20) * MINUTE, 'ast-wp-tco', C.nurture);
  }
}

function runLaunch(c: Ctx): void {
  const { rng } = c;
  const sentAgo = 28 * DAY - rng.int(0, 180) * MINUTE;
  const email = sendEmail(c, sentAgo, 'ast-email-launch', C.launch);
  join(c, C.launch, sentAgo - MINUTE, c.person.tier === 'bounced' ? 'Bounced' : 'Sent');
  if (email.opened) join(c, C.launch, sentAgo, 'Opened');
  if (email.clickAgo !== undefined) {
    join(c, C.launch, sentAgo, 'Clicked');
    if (rng.chance(0.5))
      engageAsset(c, email.clickAgo - rng.int(1, 10) * MINUTE, 'ast-video-flow-ai', C.launch);
  }
  if (c.hot && rng.chance(0.7))
    engageAsset(c, rng.int(2, 20) * DAY, 'ast-deck-flow-ai-launch', C.launch);
}

function runAbm(c: Ctx): void {
  const { rng } = c;
  const joinAgo = 89 * DAY - rng.int(0, 120) * MINUTE;
  join(c, C.abm, joinAgo, 'Member');
  let engaged = false;
  const email = sendEmail(c, rng.int(55, 60) * DAY, 'ast-email-abm-briefing', C.abm);
  engaged ||= email.clicked;
  const clicks = c.hot ? rng.int(3, 5) : c.person.tier === 'warm' ? rng.int(1, 3) : rng.int(0, 1);
  for (let i = 0; i < clicks; i++) {
    const ago = rng.int(1 * 24, 88 * 24) * HOUR;
    if (
      add(c, {
        ago,
        type: 'ad.clicked',
        title: 'Clicked ad: Shipment exceptions, handled in minutes',
        url: `${WEB}/enterprise/logistics?utm_source=linkedin&utm_medium=paid_social&utm_campaign=${C.abm}`,
        channel: 'ads',
        confidence: 'human',
        campaignId: C.abm,
        messagingIds: ['msg-enterprise-logistics'],
        source: source(c, 'ad.clicked'),
        details: {
          network: 'LinkedIn',
          adFormat: 'carousel',
          adName: 'Exceptions in minutes (tier 1)',
        },
      })
    ) {
      engaged = true;
      const entry = PAGES.find((p) => p.path === '/enterprise/logistics');
      webVisit(c, ago - 5 * SECOND, entry, 'linkedin.com');
    }
  }
  if (c.hot || (c.person.tier === 'warm' && rng.chance(0.6))) {
    engageAsset(c, rng.int(3, 50) * DAY, 'ast-deck-exec-briefing', C.abm);
    engageAsset(c, rng.int(3, 80) * DAY, 'ast-video-contoso', C.abm);
    engaged = true;
  }
  if (engaged) join(c, C.abm, joinAgo, 'Engaged');
}

function runSummit(c: Ctx, part: Participation | undefined): void {
  const { rng } = c;
  const start = SUMMIT_DAYS_AGO * DAY;
  const regAgo = start + rng.int(2, 18) * DAY + rng.int(0, 600) * MINUTE;
  add(c, {
    ...withAsset('ast-summit-page'),
    ago: regAgo + rng.int(40, 300) * SECOND,
    type: 'web.page_viewed',
    title: 'Viewed page: Supply Chain Automation Summit',
    url: `${WEB}/events/supply-chain-summit`,
    channel: 'web',
    confidence: 'human',
    campaignId: C.summit,
    source: source(c, 'web.page_viewed'),
    details: {
      path: '/events/supply-chain-summit',
      durationSeconds: rng.int(30, 200),
      referrer: 'linkedin.com',
    },
  });
  add(c, {
    ...withAsset('ast-summit-page'),
    ago: regAgo,
    type: 'form.submitted',
    title: 'Submitted form: Book a meeting at booth B-214',
    url: `${WEB}/events/supply-chain-summit`,
    channel: 'web',
    confidence: 'human',
    campaignId: C.summit,
    source: source(c, 'form.submitted'),
    details: { formName: 'Summit meeting request', page: '/events/supply-chain-summit' },
  });
  if (!eventTouch(c, regAgo - 30 * SECOND, 'event.registered', C.summit, { pass: 'Expo' })) return;
  join(c, C.summit, regAgo, 'Registered');
  const attends = part === 'attend' || (part !== 'no_show' && rng.chance(0.65));
  if (attends) {
    eventTouch(c, start - rng.int(1, 40) * HOUR, 'event.attended', C.summit, {
      boothScan: true,
      booth: 'B-214',
      session: rng.chance(0.5) ? 'Roundtable: exceptions at scale' : null,
      scannedBy: c.company.owner.name,
    });
    join(c, C.summit, regAgo, 'Attended');
  } else {
    eventTouch(c, start - 2 * DAY, 'event.no_show', C.summit, {});
    join(c, C.summit, regAgo, 'No Show');
  }
  const followUp = sendEmail(
    c,
    start - 3 * DAY - rng.int(0, 120) * MINUTE,
    'ast-email-summit-followup',
    C.summit,
  );
  if (followUp.clickAgo !== undefined) {
    engageAsset(c, followUp.clickAgo - 30 * SECOND, 'ast-wp-supply-chain', C.summit);
  }
}

function runAds(c: Ctx): void {
  const { rng } = c;
  const clicks = c.hot ? rng.int(2, 4) : rng.int(1, 2);
  const entry = PAGES.find((p) => p.path === '/integrations');
  for (let i = 0; i < clicks; i++) {
    const ago = rng.int(1 * 24, 59 * 24) * HOUR;
    const network = rng.chance(0.7) ? 'LinkedIn' : 'Google Ads';
    if (
      !add(c, {
        ago,
        type: 'ad.clicked',
        title: 'Clicked ad: 400+ prebuilt connectors',
        url: `${WEB}/integrations?utm_source=${network === 'LinkedIn' ? 'linkedin' : 'google'}&utm_medium=paid&utm_campaign=${C.ads}`,
        channel: 'ads',
        confidence: 'human',
        campaignId: C.ads,
        messagingIds: ['msg-integrations'],
        source: source(c, 'ad.clicked'),
        details: {
          network,
          adName:
            network === 'LinkedIn' ? 'Connectors, single image' : 'Search: workflow automation SAP',
        },
      })
    ) {
      continue;
    }
    join(c, C.ads, ago, 'Clicked');
    webVisit(c, ago - 4 * SECOND, entry, network === 'LinkedIn' ? 'linkedin.com' : 'google.com');
  }
  if (c.memberships.has(C.ads) && rng.chance(0.4)) {
    engageAsset(c, rng.int(1, 50) * DAY, 'ast-webinar-integrations-recording', C.ads);
    join(c, C.ads, 0, 'Responded');
  }
}

function runContent(c: Ctx): void {
  const { rng } = c;
  const ago = rng.int(31, 117) * DAY + rng.int(0, 600) * MINUTE;
  add(c, {
    ...withAsset('ast-roi-guide-page'),
    ago: ago + 40 * SECOND,
    type: 'web.page_viewed',
    title: 'Viewed page: ROI guide',
    url: `${WEB}/resources/roi-guide?utm_source=syndication&utm_campaign=${C.content}`,
    channel: 'web',
    confidence: 'human',
    campaignId: C.content,
    source: source(c, 'web.page_viewed'),
    details: {
      path: '/resources/roi-guide',
      durationSeconds: rng.int(30, 120),
      referrer: 'techtarget.com',
    },
  });
  engageAsset(c, ago, 'ast-wp-roi', C.content);
  join(c, C.content, ago, 'Responded');
  if (rng.chance(0.4))
    engageAsset(c, ago - rng.int(1, 20) * DAY, 'ast-cs-fabrikam-health', C.content);
}

function runWebinarSecurity(c: Ctx, part: Participation | undefined): void {
  const { rng } = c;
  const invite = sendEmail(
    c,
    10 * DAY - rng.int(0, 120) * MINUTE,
    'ast-email-security-invite',
    C.webinarSecurity,
    part ? { open: true, click: true } : {},
  );
  if (!part && !invite.clicked) return;
  const regAgo = invite.clickAgo !== undefined ? invite.clickAgo - 2 * MINUTE : rng.int(1, 8) * DAY;
  if (eventTouch(c, regAgo, 'event.registered', C.webinarSecurity, { startsInDays: 14 })) {
    join(c, C.webinarSecurity, regAgo, 'Registered');
  }
}

const FILLER_ASSETS = ASSETS.filter((a) =>
  ['document', 'case_study', 'video', 'webinar', 'deck'].includes(a.type ?? ''),
);

/** Everyday activity outside campaign scripts, until the contact's touch budget is met. */
function fill(c: Ctx, target: number): void {
  const { rng } = c;
  for (let guard = 0; c.drafts.length < target && guard < 2000; guard++) {
    // Contacts close to buying are more active lately.
    const ago = Math.max(30 * MINUTE, WINDOW * Math.pow(rng.float(), c.hot ? 1.7 : 1) - HOUR);
    const kind = rng.weighted(
      ['web', 'content', 'reopen', 'social', 'video'] as const,
      (k) => ({ web: 48, content: 18, reopen: c.noEmail ? 0 : 12, social: 8, video: 8 })[k],
    );
    if (kind === 'web') {
      webVisit(c, ago);
    } else if (kind === 'content') {
      const asset = rng.pick(FILLER_ASSETS);
      const campaignId = asset.campaignIds.find((id) => c.memberships.has(id));
      engageAsset(c, ago, asset.id, campaignId);
    } else if (kind === 'video') {
      engageAsset(c, ago, 'ast-video-demo');
    } else if (kind === 'social') {
      const action = rng.pick(['liked', 'shared', 'commented on'] as const);
      const post = rng.pick(SOCIAL_POSTS);
      add(c, {
        ago,
        type: 'social.engaged',
        title: `${action[0]?.toUpperCase()}${action.slice(1)} LinkedIn post: ${post}`,
        url: `https://www.linkedin.example/posts/northwind-flow_${hashString(post).toString(36)}`,
        channel: 'social',
        confidence: 'human',
        source: source(c, 'social.engaged'),
        details: { network: 'LinkedIn', action, post },
      });
    } else {
      const delivered = c.drafts.filter((d) => d.type === 'email.delivered');
      if (delivered.length === 0) {
        webVisit(c, ago);
        continue;
      }
      const email = rng.pick(delivered);
      add(c, {
        ...email,
        ago: email.ago - HOUR - rng.exp(3 * DAY),
        type: 'email.opened',
        title: email.title.replace(/^Delivered: /, 'Opened: '),
        confidence: 'human',
        source: source(c, 'email.opened'),
        details: { ...email.details, repeatOpen: true },
      });
    }
  }
}

/** Scripted moments of the prominent contacts, so the demo always has them. */
function runScriptedMoments(c: Ctx): void {
  const { rng, person } = c;
  const pricing = PAGES.find((p) => p.path === '/pricing');
  for (let i = 0; i < (person.pricingThisWeek ?? 0); i++) {
    webVisit(
      c,
      (1 + i * 1.7) * DAY - rng.int(0, 300) * MINUTE,
      pricing,
      i === 0 ? 'direct' : 'google.com',
    );
  }
  if (person.demoDaysAgo !== undefined)
    requestDemo(c, person.demoDaysAgo * DAY - rng.int(0, 300) * MINUTE);
  if (person.trialDaysAgo !== undefined) {
    add(c, {
      ago: person.trialDaysAgo * DAY - rng.int(0, 300) * MINUTE,
      type: 'custom.trial_started',
      title: 'Started a 14-day trial (Business plan)',
      url: `https://app.${DEMO_VENDOR_DOMAIN}/signup`,
      channel: 'web',
      confidence: 'human',
      source: { system: 'salesforce', rawType: 'Trial__c' },
      details: { plan: 'Business', trialDays: 14, workspace: `${c.company.key}-ops` },
    });
  }
}

/** Unsubscribing stops the email stream: nothing is sent after the opt-out. */
function applyOptOut(c: Ctx): void {
  const anchors = c.drafts
    .filter((d) => d.type === 'email.opened' && d.confidence === 'human')
    .sort((a, b) => b.ago - a.ago);
  const anchor = anchors[1] ?? anchors[0] ?? c.drafts.find((d) => d.type === 'email.delivered');
  if (!anchor) return;
  const unsubAgo = anchor.ago - 40 * SECOND;
  c.drafts = c.drafts.filter((d) => !(d.type.startsWith('email.') && d.ago < unsubAgo));
  add(c, {
    ...anchor,
    ago: unsubAgo,
    type: 'email.unsubscribed',
    title: 'Unsubscribed from marketing email',
    confidence: 'human',
    source: source(c, 'email.unsubscribed'),
    details: { subject: anchor.details?.subject ?? null, list: 'All marketing email' },
  });
}

/** The lead score climbs at a few meaningful touches and ends at the contact's score. */
function addScoreChanges(c: Ctx, finalScore: number): number | undefined {
  const { rng } = c;
  const triggers = c.drafts
    .filter((d) => SCORE_TRIGGERS.has(d.type) && d.confidence === 'human')
    .sort((a, b) => b.ago - a.ago);
  const steps = Math.min(triggers.length, c.hot ? 6 : c.person.tier === 'warm' ? 3 : 2);
  if (steps === 0 || finalScore < 5) return undefined;
  let value = Math.round(finalScore * (0.25 + rng.float() * 0.2));
  let lastAgo: number | undefined;
  for (let i = 0; i < steps; i++) {
    const trigger = triggers[Math.floor(((i + 1) * triggers.length) / (steps + 1))] ?? triggers[0];
    if (!trigger) break;
    const to =
      i === steps - 1
        ? finalScore
        : Math.min(finalScore - 1, value + rng.int(3, Math.max(4, (finalScore - value) / 2)));
    const ago = Math.max(MINUTE, trigger.ago - rng.int(1, 10) * MINUTE);
    if (
      to > value &&
      add(c, {
        ago,
        type: 'score.changed',
        title: `Lead score ${value} → ${to}`,
        channel: 'other',
        source: source(c, 'score.changed'),
        details: { scoreName: 'lead_score', from: value, to, reason: trigger.title },
      })
    ) {
      lastAgo = ago;
      value = to;
    }
  }
  return lastAgo;
}

interface HighlightDraft {
  title: string;
  description: string;
  weight: number;
  engagement: Draft & { id: string };
}

/** The few touches a rep should see first (Marketo "interesting moments"). */
function findHighlights(events: Array<Draft & { id: string }>): HighlightDraft[] {
  const found: HighlightDraft[] = [];
  const latest = (match: (d: Draft) => boolean) => {
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i];
      if (e && match(e)) return e;
    }
    return undefined;
  };
  const pricingWeek = events.filter(
    (d) => d.type === 'web.page_viewed' && d.url === PRICING_URL && d.ago <= 7 * DAY,
  );
  const lastPricing = pricingWeek[pricingWeek.length - 1];
  if (pricingWeek.length >= 2 && lastPricing) {
    found.push({
      title: `Viewed pricing page ${pricingWeek.length} times this week`,
      description: `${pricingWeek.length} visits to /pricing in the last 7 days; the latest lasted ${Math.round(Number(lastPricing.details?.durationSeconds ?? 0) / 6) / 10} min.`,
      weight: 0.9,
      engagement: lastPricing,
    });
  }
  const demo = latest((d) => d.type === 'form.submitted' && d.details?.demoRequest === true);
  if (demo) {
    found.push({
      title: 'Requested a demo',
      description: 'Submitted the Talk to sales form.',
      weight: 0.95,
      engagement: demo,
    });
  }
  const trial = latest((d) => d.type === 'custom.trial_started');
  if (trial) {
    found.push({
      title: 'Started a free trial',
      description: 'Business plan, 14 days.',
      weight: 0.9,
      engagement: trial,
    });
  }
  const reply = latest((d) => d.type === 'email.replied');
  if (reply) {
    found.push({
      title: `Replied to "${String(reply.details?.subject ?? '').replace(/^Re: /, '')}"`,
      description: 'A reply to a marketing email: worth reading before the next call.',
      weight: 0.85,
      engagement: reply,
    });
  }
  const attended = latest((d) => d.type === 'event.attended');
  if (attended && attended.campaignId) {
    const campaign = campaignSpec(attended.campaignId);
    const webinar = campaign.type === 'webinar';
    found.push({
      title: webinar
        ? `Attended webinar: ${campaign.name.replace(/^Webinar: /, '')}`
        : `Visited our booth at the Supply Chain Automation Summit`,
      description: webinar
        ? `Stayed ${String(attended.details?.minutesAttended)} of 60 minutes and asked ${String(attended.details?.questionsAsked)} question(s).`
        : `Badge scanned at booth B-214 by ${String(attended.details?.scannedBy)}.`,
      weight: 0.8,
      engagement: attended,
    });
  }
  const roi = latest((d) => d.type === 'asset.downloaded' && d.assetId === 'ast-wp-roi');
  if (roi) {
    found.push({
      title: 'Downloaded ROI whitepaper',
      description: 'The ROI of workflow automation: payback model and worksheet.',
      weight: 0.7,
      engagement: roi,
    });
  }
  const tco = latest((d) => d.type === 'asset.downloaded' && d.assetId === 'ast-wp-tco');
  if (tco) {
    found.push({
      title: 'Downloaded TCO whitepaper',
      description: 'Comparing costs against legacy schedulers.',
      weight: 0.65,
      engagement: tco,
    });
  }
  const demoVideo = latest(
    (d) =>
      d.type === 'video.viewed' &&
      d.assetId === 'ast-video-demo' &&
      Number(d.details?.percentWatched) >= 75,
  );
  if (demoVideo) {
    found.push({
      title: 'Watched the 7-minute product demo',
      description: `${String(demoVideo.details?.percentWatched)}% watched.`,
      weight: 0.6,
      engagement: demoVideo,
    });
  }
  return found.sort((a, b) => b.weight - a.weight).slice(0, 6);
}

// ---------------------------------------------------------------------------------------
// Contacts

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

/** An 18-character Salesforce id: 15 characters plus the case-checksum suffix Salesforce uses. */
function salesforceId(rng: SeededRandom, prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = `${prefix}Dn00000`;
  while (id.length < 15) id += alphabet.charAt(rng.int(0, alphabet.length - 1));
  return id + salesforceChecksum(id);
}
export function salesforceChecksum(id15: string): string {
  const map = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += map.charAt(bits);
  }
  return suffix;
}

const HUBSPOT_PORTAL = '4815162';

function buildContact(
  rng: SeededRandom,
  company: CompanySpec,
  person: PersonSpec,
  email: string,
): Api.IngestContact {
  const externalIds: Array<{ system: string; type?: string; id: string }> = [];
  let crmUrl: string;
  const hubspotId = String(rng.int(1_000_000, 99_999_999));
  if (company.marketing === 'hubspot') {
    externalIds.push({ system: 'hubspot', type: 'contact', id: hubspotId });
    crmUrl = `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL}/record/0-1/${hubspotId}`;
  } else {
    const sfId = salesforceId(rng, '003');
    externalIds.push({ system: 'salesforce', type: 'Contact', id: sfId });
    // Some records are also synced to the HubSpot portal the SMB team uses.
    if (rng.chance(0.3)) externalIds.push({ system: 'hubspot', type: 'contact', id: hubspotId });
    crmUrl = `https://northwind-flow.lightning.force.com/lightning/r/Contact/${sfId}/view`;
  }
  return {
    email,
    name: `${person.first} ${person.last}`,
    title: person.title,
    company: { name: company.name, domain: company.domain },
    ...(person.stage === 'subscriber' ? {} : { owner: { ...company.owner } }),
    lifecycleStage: person.stage,
    crmUrl,
    externalIds,
    ...(person.consent ? { consent: { ...person.consent } } : {}),
  };
}

function grade(rng: SeededRandom, title: string): string {
  // Grade is fit (seniority), not activity: executives are always A.
  if (/\b(VP|CIO|COO|CISO|Head)\b/.test(title)) return 'A';
  if (/Director/.test(title)) return rng.chance(0.6) ? 'A' : 'B';
  if (/Manager|Lead|Architect/.test(title)) return rng.chance(0.6) ? 'B' : 'C';
  return rng.chance(0.5) ? 'C' : 'D';
}

// ---------------------------------------------------------------------------------------
// Build

/**
 * Builds the demo dataset. Pure and deterministic: the same `now` gives a deep-equal result,
 * and a different `now` shifts every time by the same amount.
 */
export function buildDemoDataset(options: { now?: Date } = {}): Dataset {
  const nowMs = (options.now ?? new Date()).getTime();
  const iso = (ago: number) => new Date(nowMs - ago).toISOString();
  const isoDays = (daysAgo: number) => iso(daysAgo * DAY);

  const contacts: Dataset['contacts'] = [];
  const events: Api.IngestEvent[] = [];
  const memberships: Dataset['memberships'] = [];
  const ownerByEmail = new Map<string, Rep>();

  let contactNo = 0;
  for (const company of COMPANIES) {
    for (const person of company.people) {
      contactNo++;
      const email = `${slug(person.first)}.${slug(person.last)}@${company.domain}`;
      const rng = new SeededRandom(`touchpoint-demo:${email}`);
      const contact = buildContact(rng, company, person, email);
      ownerByEmail.set(email, company.owner);
      const profile = TIERS[person.tier];
      const c: Ctx = {
        rng,
        email,
        person,
        company,
        profile,
        hot: person.tier === 'hot',
        mpp: person.tier === 'hot' ? contactNo === 1 || rng.chance(0.3) : rng.chance(0.3),
        noEmail: person.consent?.doNotContact === true,
        drafts: [],
        memberships: new Map(),
        demoRequested: false,
      };

      if (person.tier !== 'none') {
        const scripted = person.campaigns;
        const joins = (key: CampaignKey) =>
          scripted ? scripted[key] !== undefined : rng.chance(profile.join);
        // Webinar and security invites go to the whole database; registering is the choice.
        if (scripted ? scripted.webinarOps !== undefined : person.tier !== 'bounced') {
          runWebinarOps(c, scripted?.webinarOps);
        }
        // Nobody is put on an email program they cannot receive.
        if (!c.noEmail && joins('nurture')) runNurture(c);
        if (!c.noEmail && joins('launch')) runLaunch(c);
        if (company.abm && person.tier !== 'cold') runAbm(c);
        if (joins('summit')) runSummit(c, scripted?.summit);
        if (joins('ads')) runAds(c);
        if (joins('content')) runContent(c);
        if (scripted ? scripted.webinarSecurity !== undefined : person.tier !== 'bounced') {
          runWebinarSecurity(c, scripted?.webinarSecurity);
        }
        runScriptedMoments(c);
        const [low, high] = profile.target;
        fill(c, person.target ?? rng.int(low, high));
        if (person.consent?.emailOptOut) applyOptOut(c);
      }

      const [scoreLow, scoreHigh] = profile.leadScore;
      const leadScore = rng.int(scoreLow, scoreHigh);
      const scoreAgo = addScoreChanges(c, leadScore);

      c.drafts.sort((a, b) => b.ago - a.ago);
      const prefix = `ev-${String(contactNo).padStart(2, '0')}`;
      const numbered = c.drafts.map((d, i) => ({
        ...d,
        id: `${prefix}-${String(i + 1).padStart(4, '0')}`,
      }));
      const toEvent = (d: Draft & { id: string }): Api.IngestEvent => {
        const { ago, ...rest } = d;
        return { ...rest, occurredAt: iso(ago), contact };
      };
      events.push(...numbered.map(toEvent));
      findHighlights(numbered).forEach((h, i) => {
        const e = h.engagement;
        events.push({
          id: `hl-${String(contactNo).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`,
          type: 'highlight',
          occurredAt: iso(e.ago),
          title: h.title,
          channel: e.channel,
          ...(e.url ? { url: e.url } : {}),
          ...(e.campaignId ? { campaignId: e.campaignId } : {}),
          ...(e.assetId ? { assetId: e.assetId } : {}),
          ...(e.messagingIds ? { messagingIds: [...e.messagingIds] } : {}),
          confidence: 'human',
          source: source(c, 'highlight'),
          details: { description: h.description, weight: h.weight, engagementId: e.id },
          contact,
        });
      });

      for (const [campaignId, m] of c.memberships) {
        memberships.push({ campaignId, email, memberStatus: m.status, joinedAt: iso(m.ago) });
      }

      const scores: Api.Score[] = [
        {
          name: 'lead_score',
          value: leadScore,
          max: 100,
          label: leadScore >= 75 ? 'Hot' : leadScore >= 45 ? 'Warm' : 'Cold',
          asOf: iso(scoreAgo ?? 3 * HOUR),
          source: company.marketing,
        },
        {
          name: 'grade',
          value: grade(rng, person.title),
          asOf: isoDays(3),
          source: company.marketing,
        },
        {
          name: 'intent',
          value: company.intent,
          label:
            company.intent === 'High'
              ? 'Surging: workflow automation, TMS integration'
              : company.intent === 'Medium'
                ? 'Researching: workflow automation'
                : 'No recent research signal',
          asOf: isoDays(1),
          source: 'bombora',
        },
      ];
      contacts.push({ ...contact, scores });
    }
  }

  const campaigns: Api.Campaign[] = CAMPAIGNS.map((c) => ({
    id: c.id,
    name: c.name,
    type: c.type,
    status: c.status,
    url: c.url,
    messagingIds: [...c.messagingIds],
    startsAt: isoDays(c.startDaysAgo),
    endsAt: isoDays(c.endDaysAgo),
  }));

  const messaging: Api.Messaging[] = MESSAGING.map((m) => ({
    id: m.id,
    theme: m.theme,
    statement: m.statement,
    talkingPoints: [...m.talkingPoints],
    proofPoints: [...m.proofPoints],
    avoid: [...m.avoid],
    audience: [...m.audience],
    // One source of truth: a campaign lists its messaging, the messaging lists it back.
    campaignIds: CAMPAIGNS.filter((c) => c.messagingIds.includes(m.id)).map((c) => c.id),
    version: m.version,
    validFrom: isoDays(m.validFromDaysAgo),
    validUntil: isoDays(m.validUntilDaysAgo),
    owner: m.owner,
  }));

  const assets: Api.Asset[] = ASSETS.map((a) => ({
    id: a.id,
    title: a.title,
    type: a.type,
    url: a.url,
    campaignIds: [...a.campaignIds],
    messagingIds: [...a.messagingIds],
    summary: a.summary,
  }));

  const feedback: Api.FeedbackRequest[] = FEEDBACK.map((f, i) => {
    const rep = ownerByEmail.get(f.email);
    return {
      id: `fb-demo-${String(i + 1).padStart(4, '0')}`,
      contact: { email: f.email },
      kind: f.kind,
      ...(f.messagingId ? { messagingId: f.messagingId } : {}),
      ...(f.assetId ? { assetId: f.assetId } : {}),
      ...(f.campaignId ? { campaignId: f.campaignId } : {}),
      text: f.text,
      occurredAt: iso(f.daysAgo * DAY + (i + 1) * 37 * MINUTE),
      ...(rep ? { rep: { email: rep.email, name: rep.name } } : {}),
    };
  });

  return { contacts, campaigns, assets, messaging, memberships, events, feedback };
}
