/**
 * What messaging a contact was exposed to (the sidebar's Messaging view): every
 * entry of the context's `messaging` that reached them, in time order, with first and last
 * exposure, how many touches carried it and through what, flagged when outdated or when it
 * conflicts with another entry they saw.
 *
 * Routes, and what counts as a touch:
 * - an engagement's `messagingIds`: the backend says what the touch carried;
 * - the asset an engagement touched (`assetId` → the asset's `messagingIds`), keeping only
 *   messaging valid when the touch happened (an asset lists what it says today);
 * - the campaign of an engagement that names no `messagingIds` (`campaignId` → the campaign
 *   membership's `messagingIds` and the messaging whose `campaignIds` name it), keeping only
 *   messaging valid when the touch happened: a campaign carries v1 before v2;
 * - a campaign membership with no touch carrying that messaging: exposure from when they
 *   joined (or when the messaging became valid, if later) for messaging valid at some point
 *   while they were a member; no touch counted;
 * - an asset of the context no loaded engagement touched (older touches are paged out): an
 *   exposure without a time, no touch counted;
 * - messaging the backend listed for the contact that nothing in the context links to
 *   (again, touches beyond the loaded page): route `listed`, no time. Messaging linked to
 *   one of the contact's campaigns or assets but left out above for its validity stays out.
 * Each engagement counts once per messaging entry, whatever the routes. Engagements that did
 * not reach the person (`email.bounced`, `event.no_show`) and bookkeeping ones (`highlight`,
 * `score.changed`) carry nothing. Messaging ids the context has no entry for are left out
 * (nothing to show).
 */
import type { Asset, CampaignMembership, Engagement, Messaging } from '../contract/schemas';
import { conflictIds, findConflicts, type MessagingConflict } from './conflicts';

/** What exposure reads of a contact's merged context (the sidebar's, or any backend's). */
export interface ExposureInput {
  engagements: Engagement[];
  campaigns: CampaignMembership[];
  assets: Asset[];
  messaging: Messaging[];
}

export type ExposureRouteKind = 'engagement' | 'asset' | 'campaign' | 'listed';

/** One way messaging reached the contact. */
export interface ExposureRoute {
  kind: ExposureRouteKind;
  /** Engagement, asset or campaign id (absent for `listed`). */
  id?: string;
  /** Its title or name, for display. */
  label?: string;
  /** Engagements that carried the messaging this way. */
  touches: number;
  /** ISO times of the first and last exposure this way, when known. */
  first?: string;
  last?: string;
}

export interface ExposureConflict {
  /** The other entry the contact saw. */
  withId: string;
  withTheme: string;
  reason: 'uses-phrase-other-avoids' | 'avoids-phrase-other-uses' | 'same-theme';
  phrase?: string;
  /** The talking point or statement using the phrase. */
  text?: string;
  message: string;
}

export interface ExposureEntry {
  messagingId: string;
  messaging: Messaging;
  firstExposure?: string;
  lastExposure?: string;
  /** Engagements that carried it. */
  touches: number;
  via: ExposureRoute[];
  /** Its `validUntil` has passed: a rep must not repeat it. */
  outdated: boolean;
  conflicts: ExposureConflict[];
}

export interface ExposureOptions {
  /** ms since epoch; default `Date.now()`. */
  now?: number;
}

const CARRIES_NOTHING = new Set(['email.bounced', 'event.no_show', 'highlight', 'score.changed']);

function time(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function validAt(m: Messaging, at: number): boolean {
  const from = time(m.validFrom);
  const until = time(m.validUntil);
  return (from === undefined || from <= at) && (until === undefined || until >= at);
}

interface Accumulator {
  messaging: Messaging;
  engagements: Set<string>;
  first?: number;
  last?: number;
  firstIso?: string;
  lastIso?: string;
  routes: Map<string, ExposureRoute & { firstMs?: number; lastMs?: number }>;
}

/** Every messaging entry the contact was exposed to, oldest first exposure first. */
export function messagingExposure(
  context: ExposureInput,
  options: ExposureOptions = {},
): ExposureEntry[] {
  const now = options.now ?? Date.now();
  const messagingById = new Map<string, Messaging>();
  for (const m of context.messaging) if (!messagingById.has(m.id)) messagingById.set(m.id, m);
  const assets = new Map(context.assets.map((a) => [a.id, a]));
  const campaigns = new Map(context.campaigns.map((c) => [c.id, c]));
  const byCampaignId = new Map<string, Set<string>>();
  const campaignMessaging = (campaignId: string): Set<string> => {
    let ids = byCampaignId.get(campaignId);
    if (!ids) {
      ids = new Set(campaigns.get(campaignId)?.messagingIds ?? []);
      for (const m of messagingById.values())
        if (m.campaignIds?.includes(campaignId)) ids.add(m.id);
      byCampaignId.set(campaignId, ids);
    }
    return ids;
  };

  const found = new Map<string, Accumulator>();
  const record = (
    messagingId: string,
    route: { kind: ExposureRouteKind; id?: string; label?: string },
    at: { ms: number; iso: string } | undefined,
    engagementId: string | undefined,
  ) => {
    const messaging = messagingById.get(messagingId);
    if (!messaging) return;
    let acc = found.get(messagingId);
    if (!acc)
      found.set(messagingId, (acc = { messaging, engagements: new Set(), routes: new Map() }));
    if (engagementId !== undefined) acc.engagements.add(engagementId);
    if (at) {
      if (acc.first === undefined || at.ms < acc.first) [acc.first, acc.firstIso] = [at.ms, at.iso];
      if (acc.last === undefined || at.ms > acc.last) [acc.last, acc.lastIso] = [at.ms, at.iso];
    }
    const key = `${route.kind}\u0000${route.id ?? ''}`;
    let r = acc.routes.get(key);
    if (!r) acc.routes.set(key, (r = { ...route, touches: 0 }));
    if (engagementId !== undefined) r.touches++;
    if (at) {
      if (r.firstMs === undefined || at.ms < r.firstMs) [r.firstMs, r.first] = [at.ms, at.iso];
      if (r.lastMs === undefined || at.ms > r.lastMs) [r.lastMs, r.last] = [at.ms, at.iso];
    }
  };

  const touchedAssets = new Set<string>();
  const touchedCampaignMessaging = new Set<string>(); // `${campaignId}\0${messagingId}`
  const engagements = [...context.engagements].sort(
    (a, b) => (time(a.occurredAt) ?? 0) - (time(b.occurredAt) ?? 0),
  );
  for (const e of engagements) {
    if (CARRIES_NOTHING.has(e.type)) continue;
    const ms = time(e.occurredAt);
    const at = ms === undefined ? undefined : { ms, iso: e.occurredAt };
    for (const id of new Set(e.messagingIds ?? [])) {
      record(id, { kind: 'engagement', id: e.id, label: e.title }, at, e.id);
    }
    if (e.assetId !== undefined) {
      touchedAssets.add(e.assetId);
      const asset = assets.get(e.assetId);
      for (const id of asset?.messagingIds ?? []) {
        const m = messagingById.get(id);
        if (!m || (ms !== undefined && !validAt(m, ms))) continue;
        record(id, { kind: 'asset', id: e.assetId, label: asset?.title }, at, e.id);
      }
    }
    if (e.campaignId !== undefined) {
      const carried = e.messagingIds ?? [];
      for (const id of carried) touchedCampaignMessaging.add(`${e.campaignId}\u0000${id}`);
      if (carried.length === 0) {
        for (const id of campaignMessaging(e.campaignId)) {
          const m = messagingById.get(id);
          if (!m || (ms !== undefined && !validAt(m, ms))) continue;
          touchedCampaignMessaging.add(`${e.campaignId}\u0000${id}`);
          record(id, campaignRoute(e, campaigns.get(e.campaignId)), at, e.id);
        }
      }
    }
  }

  for (const c of context.campaigns) {
    const joined = time(c.joinedAt);
    for (const id of campaignMessaging(c.id)) {
      if (touchedCampaignMessaging.has(`${c.id}\u0000${id}`)) continue;
      const m = messagingById.get(id);
      if (!m) continue;
      const from = time(m.validFrom);
      const until = time(m.validUntil);
      if (joined !== undefined && until !== undefined && until < joined) continue; // gone before they joined
      if (from !== undefined && from > now) continue; // not live yet
      const ms = joined === undefined ? undefined : Math.max(joined, from ?? joined);
      const at = ms === undefined ? undefined : { ms, iso: new Date(ms).toISOString() };
      record(id, { kind: 'campaign', id: c.id, label: c.name }, at, undefined);
    }
  }
  for (const a of context.assets) {
    if (touchedAssets.has(a.id)) continue;
    for (const id of a.messagingIds ?? []) {
      record(id, { kind: 'asset', id: a.id, label: a.title }, undefined, undefined);
    }
  }
  const linked = new Set<string>();
  for (const c of context.campaigns) for (const id of campaignMessaging(c.id)) linked.add(id);
  for (const a of context.assets) for (const id of a.messagingIds ?? []) linked.add(id);
  for (const m of messagingById.values()) {
    if (!found.has(m.id) && !linked.has(m.id)) {
      record(m.id, { kind: 'listed' }, undefined, undefined);
    }
  }

  const exposed = [...found.values()];
  const conflicts = findConflicts(exposed.map((acc) => acc.messaging));
  const entries = exposed.map((acc): ExposureEntry => {
    const until = time(acc.messaging.validUntil);
    const via = [...acc.routes.values()]
      .sort((a, b) => (a.firstMs ?? Infinity) - (b.firstMs ?? Infinity))
      .map(({ firstMs: _f, lastMs: _l, ...route }) => route);
    return {
      messagingId: acc.messaging.id,
      messaging: acc.messaging,
      ...(acc.firstIso === undefined ? {} : { firstExposure: acc.firstIso }),
      ...(acc.lastIso === undefined ? {} : { lastExposure: acc.lastIso }),
      touches: acc.engagements.size,
      via,
      outdated: until !== undefined && until < now,
      conflicts: conflicts.flatMap((c) => describe(c, acc.messaging.id, messagingById)),
    };
  });
  const firstMs = new Map(exposed.map((acc) => [acc.messaging.id, acc.first]));
  return entries.sort(
    (a, b) =>
      (firstMs.get(a.messagingId) ?? Infinity) - (firstMs.get(b.messagingId) ?? Infinity) ||
      a.messagingId.localeCompare(b.messagingId),
  );
}

function campaignRoute(e: Engagement, campaign: CampaignMembership | undefined) {
  return { kind: 'campaign' as const, id: e.campaignId, label: campaign?.name };
}

function describe(
  c: MessagingConflict,
  selfId: string,
  byId: ReadonlyMap<string, Messaging>,
): ExposureConflict[] {
  const [a, b] = conflictIds(c);
  if (a !== selfId && b !== selfId) return [];
  const withId = a === selfId ? b : a;
  const other = byId.get(withId);
  const withTheme = other?.theme ?? withId;
  if (c.kind === 'same-theme') {
    const self = byId.get(selfId);
    return [
      {
        withId,
        withTheme,
        reason: 'same-theme',
        message:
          `Two versions of “${c.theme}” reached this contact ` +
          `(${selfId}${self?.version === undefined ? '' : ` v${self.version}`} and ` +
          `${withId}${other?.version === undefined ? '' : ` v${other.version}`}).`,
      },
    ];
  }
  const uses = c.usedBy === selfId;
  return [
    {
      withId,
      withTheme,
      reason: uses ? 'uses-phrase-other-avoids' : 'avoids-phrase-other-uses',
      phrase: c.phrase,
      text: c.text,
      message: uses
        ? `Says “${c.phrase}” (“${c.text}”), which ${withId} says to avoid.`
        : `Says to avoid “${c.phrase}”, which ${withId} uses (“${c.text}”).`,
    },
  ];
}

/** messagingId → touches, for `checkDraft`'s `engagement` option. */
export function exposureTouches(entries: readonly ExposureEntry[]): Map<string, number> {
  return new Map(entries.map((e) => [e.messagingId, e.touches]));
}
