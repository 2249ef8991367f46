import { Hono } from 'hono';
import { MAX_LOOKUP_ASSETS, MAX_LOOKUP_HIGHLIGHTS } from '../../utils/contract/limits';
import { ROUTES } from '../../utils/contract/routes';
import {
  INCLUDES,
  type ContactRef,
  type EngagementsPage,
  type Highlight,
  type Include,
  type LookupResponse,
  type LookupResult,
  type MessagingList,
} from '../../utils/contract/schemas';
import { ApiError } from '../api-error';
import { decodeEngagementCursor, encodeEngagementCursor } from '../cursor';
import type { AppEnv } from '../middleware';
import type { Store, StoredContact } from '../store/types';
import { onRoute, pathParam, readBody, readQuery, type RouteDeps } from './on-route';

const SOURCE_SYSTEM = 'touchpoint-reference';

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

/** The contact as the contract shows it: `scores` is reported beside it, not inside. */
function publicContact(contact: StoredContact) {
  const { scores: _scores, ...rest } = contact;
  return rest;
}

function highlightFromEvent(event: {
  id: string;
  title: string;
  occurredAt: string;
  details?: Record<string, string | number | boolean | null>;
}): Highlight {
  const highlight: Highlight = { title: event.title, occurredAt: event.occurredAt };
  const description = event.details?.description;
  if (typeof description === 'string') highlight.description = description;
  const weight = event.details?.weight;
  if (typeof weight === 'number' && weight >= 0 && weight <= 1) highlight.weight = weight;
  const engagementId = event.details?.engagementId;
  if (typeof engagementId === 'string') highlight.engagementId = engagementId;
  return highlight;
}

async function buildResult(
  store: Store,
  ref: ContactRef,
  include: Set<Include>,
  engagementLimit: number,
  sinceMs: number | undefined,
  fetchedAt: string,
): Promise<LookupResult> {
  const sources = [{ system: SOURCE_SYSTEM, fetchedAt, partial: false, error: null }];
  const found = await store.findContacts(ref);
  if (found.length === 0) return { ref, match: { status: 'not_found' }, sources };
  if (found.length > 1) {
    return {
      ref,
      match: {
        status: 'ambiguous',
        candidates: found.map((c) => ({
          id: c.id,
          email: c.email,
          ...(c.name === undefined ? {} : { name: c.name }),
          ...(c.company === undefined ? {} : { company: c.company }),
        })),
      },
      sources,
    };
  }
  const contact = found[0] as StoredContact;
  const result: LookupResult = {
    ref,
    match: { status: 'matched' },
    contact: publicContact(contact),
  };
  if (include.has('scores')) result.scores = contact.scores ?? [];
  if (include.has('highlights')) {
    const events = await store.listHighlightEvents(contact.id, MAX_LOOKUP_HIGHLIGHTS, sinceMs);
    result.highlights = events
      .map(highlightFromEvent)
      .sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  }
  if (include.has('engagements')) {
    const page = await store.listEngagements({
      contactId: contact.id,
      limit: engagementLimit,
      sinceMs,
    });
    result.engagements = page.engagements;
    result.engagementsCursor = page.next
      ? encodeEngagementCursor({ contactId: contact.id, ...page.next, sinceMs })
      : null;
  }
  const needCampaigns = include.has('campaigns') || include.has('messaging');
  const needAssets = include.has('assets') || include.has('messaging');
  const campaigns = needCampaigns ? await store.listCampaignMemberships(contact.id) : [];
  const assets = needAssets ? await store.listEngagedAssets(contact.id, MAX_LOOKUP_ASSETS) : [];
  if (include.has('campaigns')) result.campaigns = campaigns;
  if (include.has('assets')) result.assets = assets;
  if (include.has('messaging')) {
    // Everything that carried messaging to this contact: touches, campaigns and assets.
    const ids = new Set(await store.listEngagedMessagingIds(contact.id));
    for (const item of [...campaigns, ...assets]) {
      for (const id of item.messagingIds ?? []) ids.add(id);
    }
    result.messaging = ids.size > 0 ? await store.listMessaging({ ids: [...ids].sort() }) : [];
  }
  result.sources = sources;
  return result;
}

/** Lookup, a contact's engagement pages and the messaging library. */
export function readRoutes({ store, guard }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  onRoute(app, ROUTES.lookupContacts, guard, async (c) => {
    const request = await readBody(c, ROUTES.lookupContacts);
    const include = new Set<Include>(
      request.include ? INCLUDES.filter((part) => request.include?.includes(part)) : [...INCLUDES],
    );
    const sinceMs = request.since === undefined ? undefined : Date.parse(request.since);
    const fetchedAt = new Date().toISOString();
    const results: LookupResult[] = [];
    for (const ref of request.contacts) {
      results.push(
        await buildResult(store, ref, include, request.engagementLimit, sinceMs, fetchedAt),
      );
    }
    const body: LookupResponse = { results };
    return c.json(body);
  });

  onRoute(app, ROUTES.listEngagements, guard, async (c) => {
    const contactId = pathParam(c, 'contactId');
    const query = readQuery(c, ROUTES.listEngagements);
    const contact = await store.getContactById(contactId);
    if (!contact) {
      throw new ApiError(
        'not_found',
        `No contact with id "${contactId}". Contact ids come from POST /v1/lookup.`,
      );
    }
    const cursor =
      query.cursor === undefined ? undefined : decodeEngagementCursor(query.cursor, contactId);
    const page = await store.listEngagements({
      contactId,
      limit: query.limit,
      before: cursor,
      sinceMs: cursor?.sinceMs,
      types: splitList(query.types),
    });
    const body: EngagementsPage = {
      engagements: page.engagements,
      nextCursor: page.next
        ? encodeEngagementCursor({ contactId, ...page.next, sinceMs: cursor?.sinceMs })
        : null,
    };
    return c.json(body);
  });

  onRoute(app, ROUTES.listMessaging, guard, async (c) => {
    const query = readQuery(c, ROUTES.listMessaging);
    const messaging = await store.listMessaging({
      ids: splitList(query.ids),
      campaignId: query.campaignId,
    });
    // Additive to the contract: the campaigns it references, so a client sees their status.
    const body: MessagingList = {
      messaging,
      campaigns: await store.listCampaignsOfMessaging(messaging),
    };
    return c.json(body);
  });

  return app;
}
