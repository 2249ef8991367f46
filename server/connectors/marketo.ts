import { z } from 'zod';
import type { Campaign, IngestEvent } from '../../utils/contract/schemas';
import type { ContactInput, MembershipInput } from '../store/types';
import {
  SyncError,
  type Connector,
  type ConnectorNotice,
  type SyncPage,
  type SyncStart,
} from '../sync/connector';
import { MachineSuspectedRule, type TouchToJudge } from '../sync/machine-suspected';

/**
 * Marketo Engage REST API: OAuth client credentials, activities by paging token (at most 10
 * type ids a call), leads by id (at most 300 a call), programs as campaigns. Marketo answers
 * most errors in a 200 body with `success: false` and a numeric code.
 */

export interface MarketoOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Calls per window; Marketo allows 100 per 20 s, we stay below it. */
  maxCallsPerWindow?: number;
  windowMs?: number;
  /** How long to wait after a 606/607/615 answer before asking again. */
  rateLimitWaitMs?: number;
  /** First backoff after a 5xx, a timeout or a `success: false`; doubles each attempt. */
  backoffMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
}

/** The activity types Touchpoint maps, by Marketo's standard type name. */
const ACTIVITY_MAP: Record<string, { type: string; channel: 'email' | 'web' | 'other' }> = {
  'Visit Webpage': { type: 'web.page_viewed', channel: 'web' },
  'Fill Out Form': { type: 'form.submitted', channel: 'web' },
  'Click Link': { type: 'custom.link_clicked', channel: 'web' },
  'Send Email': { type: 'email.sent', channel: 'email' },
  'Email Delivered': { type: 'email.delivered', channel: 'email' },
  'Email Bounced': { type: 'email.bounced', channel: 'email' },
  'Unsubscribe Email': { type: 'email.unsubscribed', channel: 'email' },
  'Open Email': { type: 'email.opened', channel: 'email' },
  'Click Email': { type: 'email.clicked', channel: 'email' },
  'Interesting Moment': { type: 'highlight', channel: 'other' },
  'Change Score': { type: 'score.changed', channel: 'other' },
  'Add to List': { type: 'custom.list_added', channel: 'other' },
  'Change Status in Progression': { type: 'campaign.joined', channel: 'other' },
};
/** Standard ids, used only when an instance's types call does not name a type. */
const STANDARD_IDS: Record<number, string> = {
  1: 'Visit Webpage',
  2: 'Fill Out Form',
  3: 'Click Link',
  6: 'Send Email',
  7: 'Email Delivered',
  8: 'Email Bounced',
  9: 'Unsubscribe Email',
  10: 'Open Email',
  11: 'Click Email',
  22: 'Change Score',
  24: 'Add to List',
  46: 'Interesting Moment',
  104: 'Change Status in Progression',
};
/** Marketo names a few types differently across instances and docs. */
const NAME_ALIASES: Record<string, string> = {
  'Visit Web Page': 'Visit Webpage',
  'Change Status in Program': 'Change Status in Progression',
};

const MAX_TYPE_IDS = 10;
const MAX_LEAD_IDS = 300;
const LEAD_FIELDS = ['id', 'email', 'firstName', 'lastName', 'title', 'company', 'leadScore'];
/** Codes no retry gets past: access denied, bad request, unknown field or token. */
const FATAL_CODES = new Set(['603', '609', '610', '612', '1003', '1006']);

const Envelope = z.looseObject({
  success: z.boolean(),
  errors: z
    .array(
      z.looseObject({ code: z.union([z.string(), z.number()]), message: z.string().optional() }),
    )
    .optional(),
});
const TypesBody = z.looseObject({
  result: z.array(z.looseObject({ id: z.number(), name: z.string() })),
});
const PagingTokenBody = z.looseObject({ nextPageToken: z.string().min(1) });
const Activity = z.looseObject({
  id: z.number(),
  leadId: z.number(),
  activityDate: z.iso.datetime({ offset: true }),
  activityTypeId: z.number(),
  primaryAttributeValueId: z.union([z.number(), z.string()]).optional(),
  primaryAttributeValue: z.union([z.string(), z.number()]).nullable().optional(),
  campaignId: z.number().nullable().optional(),
  attributes: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).optional(),
});
type Activity = z.infer<typeof Activity>;
const ActivitiesBody = z.looseObject({
  nextPageToken: z.string().min(1),
  moreResult: z.boolean(),
  result: z.array(Activity).optional(),
});
const Lead = z.looseObject({
  id: z.number(),
  email: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  company: z.string().nullable().optional(),
  leadScore: z.number().nullable().optional(),
});
type Lead = z.infer<typeof Lead>;
const LeadsBody = z.looseObject({ result: z.array(Lead).optional() });
const ProgramsBody = z.looseObject({
  result: z
    .array(
      z.looseObject({
        id: z.number(),
        name: z.string(),
        type: z.string().optional(),
        status: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .optional(),
});

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new SyncError('marketo: stopped'));
    });
  });

/** Sliding-window call budget: waits before a call that would pass the vendor's limit. */
export class CallBudget {
  private readonly times: number[] = [];
  constructor(
    private readonly maxCalls: number,
    private readonly windowMs: number,
  ) {}
  /** Milliseconds to wait before the next call may go. */
  delayFor(now: number): number {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    return this.times.length < this.maxCalls ? 0 : this.times[0]! + this.windowMs - now;
  }
  record(now: number) {
    this.times.push(now);
  }
}

function isLoopback(hostname: string) {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
}

export function checkBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SyncError(
      `marketo: --base-url "${raw}" is not a URL (e.g. https://123-ABC-456.mktorest.com)`,
    );
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new SyncError(`marketo: --base-url must be https (plain http only for a loopback host)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SyncError(`marketo: --base-url must be an http(s) URL`);
  }
  return url;
}

/** One Marketo client: a token, a call budget, retries. */
class MarketoClient {
  private token: string | null = null;
  private readonly budget: CallBudget;
  private readonly base: URL;

  constructor(
    private readonly options: MarketoOptions,
    private readonly notify: (n: ConnectorNotice) => void,
    private readonly signal?: AbortSignal,
  ) {
    this.base = checkBaseUrl(options.baseUrl);
    this.budget = new CallBudget(options.maxCallsPerWindow ?? 90, options.windowMs ?? 20_000);
  }

  private url(path: string, params: Record<string, string>) {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url;
  }

  private async httpGet(url: URL, headers: Record<string, string>, what: string) {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const backoff = this.options.backoffMs ?? 1_000;
    for (let attempt = 1; ; attempt++) {
      const wait = this.budget.delayFor(Date.now());
      if (wait > 0) {
        this.notify({ kind: 'wait', reason: 'staying under 100 calls per 20 s', ms: wait });
        await sleep(wait, this.signal);
      }
      this.budget.record(Date.now());
      let fault: string;
      try {
        const response = await fetch(url, {
          headers,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        const text = await response.text();
        if (response.status < 500) return { status: response.status, text };
        fault = `HTTP ${response.status}`;
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        fault =
          error instanceof Error && error.name === 'TimeoutError'
            ? 'timed out'
            : `unreachable (${cause ?? (error instanceof Error ? error.message : String(error))})`;
      }
      if (attempt >= maxAttempts) {
        throw new SyncError(
          `marketo: ${what} ${fault} after ${attempt} attempts (${this.base.host})`,
        );
      }
      this.notify({ kind: 'retry', reason: `${what}: ${fault}`, attempt });
      await sleep(backoff * 2 ** (attempt - 1), this.signal);
    }
  }

  private async authenticate() {
    const url = this.url('/identity/oauth/token', {
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
    });
    const { status, text } = await this.httpGet(url, {}, 'token');
    let body: { access_token?: unknown; error_description?: unknown; error?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new SyncError(`marketo: the token answer (HTTP ${status}) is not JSON`);
    }
    if (status !== 200 || typeof body.access_token !== 'string') {
      const why =
        typeof body.error_description === 'string' ? body.error_description : `HTTP ${status}`;
      throw new SyncError(
        `marketo: wrong credentials (${why}): check --client-id and --client-secret`,
      );
    }
    this.token = body.access_token;
  }

  /** GET a REST path; re-authenticates on 601/602 and waits on 606/607/615, same request. */
  async get<T extends z.ZodType>(
    path: string,
    params: Record<string, string>,
    schema: T,
    what: string,
  ): Promise<z.infer<T>> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const backoff = this.options.backoffMs ?? 1_000;
    const url = this.url(path, params);
    let reauths = 0;
    for (let attempt = 1; ; attempt++) {
      if (this.token === null) await this.authenticate();
      const { status, text } = await this.httpGet(
        url,
        { Authorization: `Bearer ${this.token}` },
        what,
      );
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SyncError(
          `marketo: ${what}: the answer (HTTP ${status}) is not JSON; nothing of it was stored`,
        );
      }
      const envelope = Envelope.safeParse(json);
      if (!envelope.success) {
        throw new SyncError(
          `marketo: ${what}: malformed answer (${issuesOf(envelope.error)}); nothing of it was stored`,
        );
      }
      if (envelope.data.success) {
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          throw new SyncError(
            `marketo: ${what}: malformed page (${issuesOf(parsed.error)}); nothing of it was stored`,
          );
        }
        return parsed.data;
      }
      const first = envelope.data.errors?.[0];
      const code = String(first?.code ?? '');
      const message = `${code || 'no code'} ${first?.message ?? ''}`.trim();
      if (code === '601' || code === '602') {
        if (++reauths > 3)
          throw new SyncError(`marketo: the API keeps refusing new tokens (${message})`);
        this.token = null;
        this.notify({
          kind: 'info',
          message: `token ${code === '601' ? 'invalid' : 'expired'}: signing in again`,
        });
        attempt--;
        continue;
      }
      if (FATAL_CODES.has(code)) throw new SyncError(`marketo: ${what}: Marketo error ${message}`);
      if (attempt >= maxAttempts) {
        throw new SyncError(`marketo: ${what}: Marketo error ${message} after ${attempt} attempts`);
      }
      if (code === '606' || code === '607' || code === '615') {
        const reason =
          code === '606'
            ? 'rate limit'
            : code === '607'
              ? 'daily quota'
              : 'too many concurrent calls';
        const ms = this.options.rateLimitWaitMs ?? 20_000;
        this.notify({ kind: 'wait', reason: `Marketo ${code}: ${reason}`, ms });
        await sleep(ms, this.signal);
      } else {
        this.notify({ kind: 'retry', reason: `${what}: Marketo error ${message}`, attempt });
        await sleep(backoff * 2 ** (attempt - 1), this.signal);
      }
    }
  }
}

interface MarketoCheckpoint {
  /** Paging token per group of type ids (comma-joined), where the next page starts. */
  tokens: Record<string, string>;
}

function attributeMap(activity: Activity): Map<string, unknown> {
  return new Map((activity.attributes ?? []).map((a) => [a.name, a.value]));
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return String(value);
}

function contactOf(lead: Lead): ContactInput | null {
  const email = lead.email?.trim().toLowerCase();
  if (!email || !email.includes('@')) return null;
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  const contact: ContactInput = {
    email,
    externalIds: [{ system: 'marketo', type: 'lead', id: String(lead.id) }],
  };
  if (name) contact.name = name;
  if (lead.title) contact.title = lead.title;
  if (lead.company) contact.company = { name: lead.company };
  if (typeof lead.leadScore === 'number') {
    contact.scores = [{ name: 'Marketo lead score', value: lead.leadScore, source: 'marketo' }];
  }
  return contact;
}

function campaignType(programType: string | undefined): Campaign['type'] {
  switch (programType?.toLowerCase()) {
    case 'email':
      return 'email';
    case 'engagement':
      return 'nurture';
    case 'event':
      return 'event';
    case 'event with webinar':
      return 'webinar';
    default:
      return 'other';
  }
}

export function programCampaignId(programId: number | string) {
  return `marketo:program:${programId}`;
}

export class MarketoConnector implements Connector {
  readonly system = 'marketo';
  constructor(private readonly options: MarketoOptions) {
    checkBaseUrl(options.baseUrl);
  }

  async *pages(start: SyncStart): AsyncGenerator<SyncPage> {
    const client = new MarketoClient(this.options, start.notify, start.signal);
    const checkpoint: MarketoCheckpoint = start.checkpoint
      ? (JSON.parse(start.checkpoint) as MarketoCheckpoint)
      : { tokens: {} };

    const types = await client.get(
      '/rest/v1/activities/types.json',
      {},
      TypesBody,
      'activity types',
    );
    const typeNames = new Map<number, string>();
    for (const t of types.result) typeNames.set(t.id, NAME_ALIASES[t.name] ?? t.name);
    for (const [id, name] of Object.entries(STANDARD_IDS)) {
      if (!typeNames.has(Number(id))) typeNames.set(Number(id), name);
    }
    const wanted = [...typeNames].filter(([, name]) => ACTIVITY_MAP[name]).map(([id]) => id);
    wanted.sort((a, b) => a - b);
    const groups: string[] = [];
    for (let i = 0; i < wanted.length; i += MAX_TYPE_IDS) {
      groups.push(wanted.slice(i, i + MAX_TYPE_IDS).join(','));
    }

    // Programs first: activities name them as campaigns.
    const campaigns: Campaign[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await client.get(
        '/rest/asset/v1/programs.json',
        { offset: String(offset), maxReturn: '200' },
        ProgramsBody,
        `programs from ${offset}`,
      );
      const result = page.result ?? [];
      for (const p of result) {
        const campaign: Campaign = {
          id: programCampaignId(p.id),
          name: p.name,
          type: campaignType(p.type),
        };
        if (p.url?.startsWith('https:')) campaign.url = p.url;
        campaigns.push(campaign);
      }
      if (result.length < 200) break;
    }
    if (campaigns.length > 0) {
      yield { events: [], campaigns, checkpoint: JSON.stringify(checkpoint) };
    }

    const rule = new MachineSuspectedRule();
    for (const group of groups) {
      let token: string | undefined = checkpoint.tokens[group];
      if (token === undefined) {
        const paging = await client.get(
          '/rest/v1/activities/pagingtoken.json',
          { sinceDatetime: start.since.toISOString() },
          PagingTokenBody,
          'paging token',
        );
        token = paging.nextPageToken;
      }
      for (let pageNumber = 1; ; pageNumber++) {
        const page: z.infer<typeof ActivitiesBody> = await client.get(
          '/rest/v1/activities.json',
          { nextPageToken: token, activityTypeIds: group },
          ActivitiesBody,
          `activities page ${pageNumber} (types ${group})`,
        );
        const activities = page.result ?? [];
        const leads = await this.leadsOf(client, activities);
        const mapped = this.mapPage(activities, leads, typeNames, rule);
        checkpoint.tokens[group] = page.nextPageToken;
        yield { ...mapped, checkpoint: JSON.stringify(checkpoint) };
        token = page.nextPageToken;
        if (!page.moreResult) break;
      }
    }
  }

  private async leadsOf(client: MarketoClient, activities: Activity[]) {
    const ids = [...new Set(activities.map((a) => a.leadId))];
    const leads = new Map<number, ContactInput | null>();
    for (let i = 0; i < ids.length; i += MAX_LEAD_IDS) {
      const chunk = ids.slice(i, i + MAX_LEAD_IDS);
      const body = await client.get(
        '/rest/v1/leads.json',
        { filterType: 'id', filterValues: chunk.join(','), fields: LEAD_FIELDS.join(',') },
        LeadsBody,
        `leads (${chunk.length})`,
      );
      for (const lead of body.result ?? []) leads.set(lead.id, contactOf(lead));
    }
    return leads;
  }

  private mapPage(
    activities: Activity[],
    leads: Map<number, ContactInput | null>,
    typeNames: Map<number, string>,
    rule: MachineSuspectedRule,
  ): Omit<SyncPage, 'checkpoint'> {
    const events: IngestEvent[] = [];
    const touches: TouchToJudge[] = [];
    const memberships: MembershipInput[] = [];
    let skipped = 0;
    for (const activity of activities) {
      const rawType = typeNames.get(activity.activityTypeId) ?? String(activity.activityTypeId);
      const mapping = ACTIVITY_MAP[rawType];
      const contact = leads.get(activity.leadId);
      if (!mapping || !contact) {
        skipped++;
        continue;
      }
      const attributes = attributeMap(activity);
      const primary = text(activity.primaryAttributeValue);
      const occurredAt = new Date(activity.activityDate).toISOString();
      const details: Record<string, string | number | boolean | null> = {
        marketoLeadId: activity.leadId,
      };
      const event: IngestEvent = {
        id: `marketo:${activity.id}`,
        type: mapping.type,
        occurredAt,
        title: primary ?? rawType,
        channel: mapping.channel,
        source: { system: 'marketo', rawType },
        contact,
      };
      const url = text(attributes.get('Webpage URL')) ?? text(attributes.get('Link'));
      if (url) event.url = url;
      if (mapping.type === 'highlight') {
        event.title = text(attributes.get('Description')) ?? primary ?? 'Interesting moment';
      }
      if (mapping.type === 'score.changed') {
        const change = attributes.get('Change Value');
        const value = attributes.get('New Value');
        if (typeof value === 'number' || typeof value === 'string') details.newValue = value;
        if (typeof change === 'number' || typeof change === 'string') details.change = change;
        event.title = `Score ${text(change) ?? 'changed'}${text(attributes.get('Reason')) ? `: ${text(attributes.get('Reason'))}` : ''}`;
      }
      if (mapping.type === 'campaign.joined' && activity.primaryAttributeValueId !== undefined) {
        event.campaignId = programCampaignId(activity.primaryAttributeValueId);
        const status = text(attributes.get('New Status'));
        if (status) details.memberStatus = status;
        memberships.push({
          campaignId: event.campaignId,
          email: contact.email,
          ...(status ? { memberStatus: status } : {}),
          joinedAt: occurredAt,
        });
      }
      const userAgent = text(attributes.get('User Agent'));
      const botFlag = attributes.get('Is Bot Activity');
      const botPattern = text(attributes.get('Bot Activity Pattern'));
      if (botFlag !== undefined) details.isBotActivity = botFlag === true || botFlag === 'true';
      event.details = details;
      events.push(event);
      touches.push({
        type: mapping.type,
        occurredMs: Date.parse(occurredAt),
        contactKey: contact.email,
        emailKey:
          activity.primaryAttributeValueId !== undefined
            ? String(activity.primaryAttributeValueId)
            : undefined,
        url,
        userAgent,
        vendorBot: botFlag === true || botFlag === 'true',
        vendorBotPattern: botPattern,
      });
    }
    let machineSuspected = 0;
    rule.judge(touches).forEach((reason, i) => {
      const event = events[i]!;
      if (reason) {
        event.confidence = 'machine_suspected';
        event.details = { ...event.details, machineReason: reason };
        machineSuspected++;
      } else if (event.type === 'email.opened' || event.type === 'email.clicked') {
        event.confidence = 'human';
      }
    });
    return { events, memberships, skipped, machineSuspected };
  }
}
