import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeZodError } from './errors';
import {
  Asset,
  Campaign,
  CampaignMembership,
  Contact,
  ContactRef,
  Engagement,
  ErrorBody,
  EventsResponse,
  FeedbackList,
  FeedbackRequest,
  HealthResponse,
  Highlight,
  IngestEvent,
  LookupRequest,
  LookupResponse,
  Messaging,
  Score,
  SegmentCall,
} from './schemas';

const NOW = '2026-11-01T09:30:00Z';

const contact = {
  id: 'c_1',
  email: 'jane@acme.example',
  name: 'Jane Doe',
  title: 'VP Operations',
  company: { name: 'Acme Logistics', domain: 'acme.example' },
  owner: { name: 'Sam Rep', email: 'sam@northwind-flow.example' },
  lifecycleStage: 'opportunity',
  crmUrl: 'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
  externalIds: [{ system: 'salesforce', type: 'Contact', id: '003000000000001AAA' }],
  consent: { emailOptOut: false },
  updatedAt: NOW,
};
const engagement = {
  id: 'e_1',
  type: 'email.opened',
  occurredAt: '2026-10-30T08:00:00+02:00',
  title: 'Opened "Q4 launch"',
  url: 'https://northwind-flow.example/launch',
  campaignId: 'cmp_1',
  messagingIds: ['msg_1'],
  channel: 'email',
  confidence: 'machine_suspected',
  source: { system: 'marketo', rawType: 'Open Email' },
  details: { userAgent: 'Apple Mail Privacy Protection', count: 2, bot: true, note: null },
};
const messaging = {
  id: 'msg_1',
  theme: 'Total cost of ownership',
  statement: 'Flow pays for itself within a year.',
  talkingPoints: ['No rip and replace'],
  avoid: ['cheapest'],
  validUntil: '2026-12-31T00:00:00Z',
};

/** Valid and invalid examples for each object; each invalid one names the offending path. */
const cases: Array<{
  name: string;
  schema: z.ZodType;
  valid: unknown[];
  invalid: Array<{ value: unknown; path: string }>;
}> = [
  {
    name: 'ContactRef',
    schema: ContactRef,
    valid: [
      { email: 'jane@acme.example' },
      { emailSha256: 'a'.repeat(64) },
      { crm: { system: 'salesforce', objectType: 'Contact', id: '003x' } },
    ],
    invalid: [
      { value: { email: 'not-an-email' }, path: 'email' },
      { value: { emailSha256: 'abc' }, path: 'emailSha256' },
      { value: { crm: { system: 'salesforce', id: '1' } }, path: 'crm.objectType' },
      { value: {}, path: '(root)' },
      { value: { email: 'a@b.example', emailSha256: 'a'.repeat(64) }, path: '(root)' },
    ],
  },
  {
    name: 'Contact',
    schema: Contact,
    valid: [contact, { id: 'c', email: 'x@y.example', updatedAt: NOW }],
    invalid: [
      { value: { ...contact, updatedAt: 'yesterday' }, path: 'updatedAt' },
      { value: { ...contact, crmUrl: 'http://insecure.example/x' }, path: 'crmUrl' },
      { value: { ...contact, company: 'Acme' }, path: 'company' },
      { value: { ...contact, consent: { doNotContact: 'yes' } }, path: 'consent.doNotContact' },
    ],
  },
  {
    name: 'Engagement',
    schema: Engagement,
    valid: [engagement, { id: 'e', type: 'custom.demo_booked', occurredAt: NOW, title: '' }],
    invalid: [
      { value: { ...engagement, occurredAt: 1730000000 }, path: 'occurredAt' },
      { value: { ...engagement, messagingIds: 'msg_1' }, path: 'messagingIds' },
      { value: { ...engagement, details: { nested: { a: 1 } } }, path: 'details.nested' },
      { value: { ...engagement, type: 'has spaces' }, path: 'type' },
    ],
  },
  {
    name: 'Score',
    schema: Score,
    valid: [
      { name: 'lead_score', value: 87, max: 100 },
      { name: 'grade', value: 'A' },
    ],
    invalid: [{ value: { name: 'lead_score', value: true }, path: 'value' }],
  },
  {
    name: 'Highlight',
    schema: Highlight,
    valid: [{ title: 'Viewed pricing 3 times', weight: 0.9, occurredAt: NOW }],
    invalid: [{ value: { title: 'x', weight: 3 }, path: 'weight' }],
  },
  {
    name: 'CampaignMembership',
    schema: CampaignMembership,
    valid: [{ id: 'cmp_1', name: 'Q4 webinar', type: 'webinar', status: 'active' }],
    invalid: [{ value: { id: 'cmp_1' }, path: 'name' }],
  },
  {
    name: 'Asset',
    schema: Asset,
    valid: [{ id: 'a_1', title: 'ROI whitepaper', type: 'document', campaignIds: ['cmp_1'] }],
    invalid: [{ value: { id: 'a_1', title: 'x', campaignIds: [1] }, path: 'campaignIds[0]' }],
  },
  {
    name: 'Messaging',
    schema: Messaging,
    valid: [messaging],
    invalid: [
      { value: { ...messaging, talkingPoints: undefined }, path: 'talkingPoints' },
      { value: { ...messaging, validUntil: '31/12/2026' }, path: 'validUntil' },
    ],
  },
  {
    name: 'Campaign',
    schema: Campaign,
    valid: [{ id: 'cmp_1', name: 'Launch', type: 'abm', status: 'planned' }],
    invalid: [{ value: { id: 'cmp_1', name: '' }, path: 'name' }],
  },
  {
    name: 'HealthResponse',
    schema: HealthResponse,
    valid: [
      { status: 'ok', apiVersion: '1' },
      { status: 'ok', apiVersion: '1', server: { name: 's', version: '1.0.0' }, features: [] },
    ],
    invalid: [
      { value: { status: 'ok' }, path: 'apiVersion' },
      { value: { status: 'ok', apiVersion: '1', features: 'messaging' }, path: 'features' },
    ],
  },
  {
    name: 'LookupRequest',
    schema: LookupRequest,
    valid: [{ contacts: [{ email: 'a@b.example' }], include: ['engagements', 'future_part'] }],
    invalid: [
      { value: { contacts: [] }, path: 'contacts' },
      {
        value: { contacts: Array.from({ length: 51 }, (_, i) => ({ email: `u${i}@b.example` })) },
        path: 'contacts',
      },
      {
        value: { contacts: [{ email: 'a@b.example' }], engagementLimit: 201 },
        path: 'engagementLimit',
      },
      {
        value: { contacts: [{ email: 'a@b.example' }], engagementLimit: 1.5 },
        path: 'engagementLimit',
      },
    ],
  },
  {
    name: 'LookupResponse',
    schema: LookupResponse,
    valid: [
      {
        results: [
          {
            ref: { email: 'jane@acme.example' },
            match: { status: 'matched' },
            contact,
            engagements: [engagement],
            engagementsCursor: null,
            messaging: [messaging],
            sources: [{ system: 'ref', fetchedAt: NOW, partial: false, error: null }],
          },
          { ref: { email: 'nobody@acme.example' }, match: { status: 'not_found' } },
        ],
      },
    ],
    invalid: [
      {
        value: { results: [{ ref: { email: 'jane@acme.example' }, match: { status: 'matched' } }] },
        path: 'results[0].contact',
      },
      {
        value: { results: [{ ref: { email: 'j@a.example' }, match: { status: 'maybe' } }] },
        path: 'results[0].match.status',
      },
      {
        value: {
          results: [
            {
              ref: { email: 'j@a.example' },
              match: { status: 'matched' },
              contact,
              engagements: [{ ...engagement, title: 42 }],
            },
          ],
        },
        path: 'results[0].engagements[0].title',
      },
    ],
  },
  {
    name: 'IngestEvent',
    schema: IngestEvent,
    valid: [{ ...engagement, contact: { email: ' Jane@ACME.example ', name: 'Jane' } }],
    invalid: [
      { value: engagement, path: 'contact' },
      { value: { ...engagement, contact: { email: 'nope' } }, path: 'contact.email' },
    ],
  },
  {
    name: 'EventsResponse',
    schema: EventsResponse,
    valid: [{ accepted: 2, duplicates: 1, rejected: [{ index: 3, error: 'occurredAt: …' }] }],
    invalid: [{ value: { accepted: -1, duplicates: 0, rejected: [] }, path: 'accepted' }],
  },
  {
    name: 'ErrorBody',
    schema: ErrorBody,
    valid: [{ error: { code: 'invalid_request', message: 'contacts: too big', details: [1] } }],
    invalid: [{ value: { error: 'boom' }, path: 'error' }],
  },
  {
    name: 'SegmentCall',
    schema: SegmentCall,
    valid: [
      { type: 'track', event: 'Email Opened', userId: 'jane@acme.example', messageId: 'm1' },
      { type: 'identify', traits: { email: 'jane@acme.example' } },
      { type: 'page', name: 'Pricing', context: { traits: { email: 'j@a.example' } } },
    ],
    invalid: [
      { value: { type: 'track' }, path: 'event' },
      { value: { type: 'alias', userId: 'x' }, path: 'type' },
    ],
  },
  {
    name: 'FeedbackRequest',
    schema: FeedbackRequest,
    valid: [
      {
        id: '0b6a3c1e-2f4d-4f59-9d0e-3d8f0f9a1b2c',
        contact: { email: 'jane@acme.example' },
        kind: 'objection',
        text: 'Integration effort looks high',
      },
    ],
    invalid: [
      {
        value: { id: '0b6a3c1e-2f4d', contact: { email: 'j@a.example' }, kind: 'rant' },
        path: 'kind',
      },
      {
        value: {
          id: '0b6a3c1e-2f4d',
          contact: { email: 'j@a.example' },
          kind: 'note',
          text: 'x'.repeat(2001),
        },
        path: 'text',
      },
    ],
  },
  {
    name: 'FeedbackList',
    schema: FeedbackList,
    valid: [
      {
        feedback: [],
        nextCursor: null,
        summary: {
          byMessaging: { msg_1: { landed: 1, missed: 0, objections: 2 } },
          byAsset: { a_1: { helpful: 3, notHelpful: 1 } },
        },
      },
    ],
    invalid: [
      {
        value: { feedback: [], nextCursor: null, summary: { byMessaging: {}, byAsset: { a: {} } } },
        path: 'summary.byAsset.a.helpful',
      },
    ],
  },
];

describe.each(cases)('$name', ({ schema, valid, invalid }) => {
  it.each(valid.map((value, i) => [i, value]))('accepts valid example %i', (_i, value) => {
    const result = schema.safeParse(value);
    expect(result.success, result.success ? '' : describeZodError(result.error)).toBe(true);
  });

  it.each(invalid.map(({ value, path }) => [path, value]))(
    'rejects a wrong %s and names the path',
    (path, value) => {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      if (!result.success) expect(describeZodError(result.error, 10)).toContain(`${path}:`);
    },
  );
});

describe('forward compatibility', () => {
  it('keeps unknown fields on objects, nested ones too', () => {
    const parsed = LookupResponse.parse({
      results: [
        {
          ref: { email: 'jane@acme.example' },
          match: { status: 'matched', confidence: 0.9 },
          contact: { ...contact, pronouns: 'she/her', company: { ...contact.company, size: 500 } },
          newPart: [{ anything: true }],
        },
      ],
      apiRevision: '1.3',
    });
    expect(parsed).toMatchObject({ apiRevision: '1.3' });
    const result = parsed.results[0]!;
    expect(result).toMatchObject({ newPart: [{ anything: true }] });
    expect(result.match).toMatchObject({ confidence: 0.9 });
    expect(result.contact).toMatchObject({ pronouns: 'she/her', company: { size: 500 } });
  });

  it('parses unknown engagement types, channels and confidences', () => {
    const parsed = Engagement.parse({
      ...engagement,
      type: 'podcast.listened',
      channel: 'audio',
      confidence: 'probably_human',
    });
    expect(parsed.type).toBe('podcast.listened');
    expect(parsed.channel).toBe('audio');
  });

  it('ignores include values it does not know, defaults engagementLimit to 50', () => {
    const parsed = LookupRequest.parse({ contacts: [{ email: 'a@b.example' }], include: ['x'] });
    expect(parsed.engagementLimit).toBe(50);
    expect(parsed.include).toEqual(['x']);
  });

  it('normalises emails with trim + lowercase', () => {
    expect(ContactRef.parse({ email: '  Jane@ACME.Example ' })).toEqual({
      email: 'jane@acme.example',
    });
  });
});

describe('describeZodError', () => {
  it('names paths with indexes and counts the rest', () => {
    const result = LookupResponse.safeParse({
      results: [{ ref: {}, match: {} }, { ref: 1 }, { ref: 2 }, { ref: 3 }],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = describeZodError(result.error, 2);
    expect(text).toMatch(/^results\[0\]/);
    expect(text).toMatch(/\(and \d+ more\)$/);
  });
});
