import { describe, expect, it } from 'vitest';
import type { Messaging } from '../contract/schemas';
import { buildDemoDataset } from '../../server/seed/demo';
import { checkDraft, compileMessaging } from './check-draft';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const iso = (daysFromNow: number) => new Date(NOW + daysFromNow * DAY).toISOString();

const ORDERS: Messaging = {
  id: 'msg-orders',
  theme: 'Order entry automation',
  statement: 'Orders flow from inbox to ERP without retyping.',
  talkingPoints: [
    'Cuts manual order entry by 60%',
    'Ships with connectors for SAP and Oracle',
    'Works inside the inbox your team already uses',
  ],
  avoid: ['rip and replace', 'guaranteed ROI', 'don’t need IT'],
  validFrom: iso(-30),
  validUntil: iso(60),
};
const OLD_PRICING: Messaging = {
  id: 'msg-pricing-v1',
  theme: 'Pricing',
  statement: 'One flat fee.',
  talkingPoints: ['Stop paying for idle on-premises servers', 'Pays for itself within one quarter'],
  avoid: ['free forever'],
  validFrom: iso(-200),
  validUntil: iso(-10),
};
const NEW_PRICING: Messaging = {
  id: 'msg-pricing-v2',
  theme: 'pricing',
  statement: 'Pay for what runs.',
  talkingPoints: ['Usage-based pricing: pay for workflow runs, not idle servers'],
  avoid: ['pays for itself in a quarter'],
  validFrom: iso(-10),
};
const UPCOMING: Messaging = {
  id: 'msg-upcoming',
  theme: 'Launch',
  statement: 'Not announced yet.',
  talkingPoints: ['Flow AI drafts workflows from plain English'],
  avoid: ['fully autonomous'],
  validFrom: iso(5),
};
const LIBRARY = [ORDERS, OLD_PRICING, NEW_PRICING, UPCOMING];

const check = (
  text: string,
  messaging: readonly Messaging[] = LIBRARY,
  engagement?: Map<string, number>,
) => checkDraft(text, messaging, { now: NOW, ...(engagement ? { engagement } : {}) });
const avoidedIn = (text: string) => check(text).avoided.map((a) => a.phrase);
const coveredIn = (text: string) => check(text).covered.map((c) => c.talkingPoint);

describe('checkDraft: phrases to avoid', () => {
  it.each([
    'We rip and replace your scheduler.',
    'We RIP AND REPLACE your scheduler.',
    'A rip-and-replace project',
    'A rip–and–replace project',
    'We rip & replace it',
    'We rip &amp; replace it',
    'We rip&nbsp;and&nbsp;replace it',
    'Ripping and replacing is over',
    'We ripped and replaced it',
    'We rip and\n   replace it',
    'We rip 🔥 and replace 💥 it',
    '“Rip and replace”, they said',
    'We rip and re\u00adplace it',
    'We rip and re-\nplace it',
  ])('finds "rip and replace" in %j', (text) => {
    expect(avoidedIn(text)).toEqual(['rip and replace']);
  });

  it.each([
    'Trip and replace the tyre',
    'We rip and replacement parts',
    'We rip out and replace it',
    'We rip. And replace it later',
    'We rip and\n\nreplace it',
    'ripandreplace',
    'We replace and rip',
  ])('does not find "rip and replace" in %j', (text) => {
    expect(avoidedIn(text)).toEqual([]);
  });

  it('matches curly and straight apostrophes both ways', () => {
    expect(avoidedIn("You don't need IT for this")).toEqual(['don’t need IT']);
    expect(avoidedIn('You don’t need IT for this')).toEqual(['don’t need IT']);
    expect(avoidedIn('You dont need it for this')).toEqual(['don’t need IT']);
    expect(avoidedIn('You do not need IT')).toEqual([]);
  });

  it('reports each occurrence with its offsets in the original text and the text around it', () => {
    const text =
      'Hi &amp; welcome.\nWe can rip-and-replace, then\nRIP AND REPLACE again. Guaranteed  ROI!';
    const { avoided } = check(text);
    expect(avoided.map((a) => text.slice(a.where.start, a.where.end))).toEqual([
      'rip-and-replace',
      'RIP AND REPLACE',
      'Guaranteed  ROI',
    ]);
    const last = avoided[2]!.where.excerpt;
    expect(last.text.slice(last.hitStart, last.hitEnd)).toBe('Guaranteed ROI');
    expect(avoided[0]!.where.excerpt.text).toContain('Hi & welcome. We can rip-and-replace');
    expect(avoided[0]!.messagingIds).toEqual(['msg-orders']);
  });

  it('ignores the avoid lists of expired entries, uses those of current and upcoming ones', () => {
    expect(avoidedIn('It is free forever')).toEqual([]);
    expect(avoidedIn('It is fully autonomous')).toEqual(['fully autonomous']);
    expect(avoidedIn('it pays for itself in a quarter')).toEqual(['pays for itself in a quarter']);
  });
});

describe('checkDraft: covered talking points', () => {
  it.each([
    'Our customers cut manual order entry by more than half.',
    'Teams see 60% less manual order entry.',
    'It cuts the manual work of order entry by 60 percent',
  ])('covers "Cuts manual order entry by 60%%" with %j', (text) => {
    expect(coveredIn(text)).toEqual(['Cuts manual order entry by 60%']);
  });

  it.each([
    'Please enter your order manually.',
    'Order now! ' + 'Lorem ipsum dolor sit amet. '.repeat(4) + 'Manual steps cut. Entry is free.',
    'We cut costs.',
  ])('does not cover it with %j', (text) => {
    expect(coveredIn(text)).not.toContain('Cuts manual order entry by 60%');
  });

  it('says where, with the words that matched as written', () => {
    const text = 'Hello Dana,\n\nWe shipped connectors for SAP and Oracle last year.';
    const [hit] = check(text).covered;
    expect(hit?.talkingPoint).toBe('Ships with connectors for SAP and Oracle');
    expect(hit?.matchedWords).toEqual(['shipped', 'connectors', 'SAP', 'Oracle']);
    expect(text.slice(hit!.where.start, hit!.where.end)).toBe(
      'shipped connectors for SAP and Oracle',
    );
  });

  it('does not let the library’s stock phrasing cover every claim that shares it', () => {
    // Ten entries whose talking points differ in one distinctive word: 3 of their 4 words
    // are shared, so a plain "60% of the words" rule would cover all ten at once.
    const nouns = [
      'invoice',
      'refund',
      'payroll',
      'contract',
      'claim',
      'quote',
      'ticket',
      'order',
      'return',
      'expense',
    ];
    const stock = nouns.map((noun, i): Messaging => ({
      id: `msg-${i}`,
      theme: `Theme ${noun}`,
      statement: `Statement about ${noun} handling.`,
      talkingPoints: [`Every ${noun} step is logged for auditors`],
    }));
    const result = checkDraft('Every invoice step is logged for auditors.', stock, { now: NOW });
    expect(result.covered.map((c) => c.messagingId)).toEqual(['msg-0']);
  });

  it('does not count talking points of expired or upcoming entries as covered', () => {
    expect(coveredIn('Stop paying for idle on-premises servers')).toEqual([]);
    expect(coveredIn('Flow AI drafts workflows from plain English')).toEqual([]);
  });
});

describe('checkDraft: outdated claims', () => {
  it('reports a claim of an expired entry, with its successor', () => {
    const text = 'Stop paying for idle on-prem servers. And it pays for itself within one quarter.';
    const { outdated } = check(text);
    expect(outdated.map((o) => [o.messagingId, o.claim, o.kind, o.supersededBy])).toEqual([
      [
        'msg-pricing-v1',
        'Stop paying for idle on-premises servers',
        'talkingPoint',
        'msg-pricing-v2',
      ],
      ['msg-pricing-v1', 'Pays for itself within one quarter', 'talkingPoint', 'msg-pricing-v2'],
    ]);
    expect(outdated[0]!.validUntil).toBe(OLD_PRICING.validUntil);
  });

  it('does not report an old claim where the draft makes the current claim with the same words', () => {
    const text = 'Usage-based pricing: you pay for workflow runs, not for idle servers.';
    const result = check(text);
    expect(result.covered.map((c) => c.messagingId)).toEqual(['msg-pricing-v2']);
    expect(result.outdated).toEqual([]);
  });

  it('uses the "now" it is given', () => {
    const text = 'Stop paying for idle on-premises servers';
    const before = checkDraft(text, LIBRARY, { now: NOW - 20 * DAY });
    expect(before.outdated).toEqual([]);
    expect(before.covered.map((c) => c.messagingId)).toEqual(['msg-pricing-v1']);
  });
});

describe('checkDraft: suggestions', () => {
  it('suggests uncovered talking points of the messaging the recipient engaged with most', () => {
    const engagement = new Map([
      ['msg-pricing-v2', 1],
      ['msg-orders', 7],
    ]);
    const result = check('We cut manual order entry by 60%.', LIBRARY, engagement);
    expect(result.suggestions.map((s) => [s.messagingId, s.talkingPoint, s.touches])).toEqual([
      ['msg-orders', 'Ships with connectors for SAP and Oracle', 7],
      ['msg-orders', 'Works inside the inbox your team already uses', 7],
    ]);
  });

  it('moves on to the next entry once the first is covered, and skips messaging never seen', () => {
    const engagement = new Map([
      ['msg-pricing-v2', 1],
      ['msg-orders', 7],
    ]);
    const text =
      'We cut manual order entry by 60%. It ships with connectors for SAP and Oracle and works inside the inbox your team already uses.';
    const result = check(text, LIBRARY, engagement);
    expect(result.suggestions.map((s) => s.messagingId)).toEqual(['msg-pricing-v2']);
    expect(check(text, LIBRARY, new Map([['msg-orders', 3]])).suggestions).toEqual([]);
  });

  it('never suggests expired messaging or a talking point that uses a phrase to avoid', () => {
    const risky: Messaging = {
      id: 'msg-risky',
      theme: 'Migration',
      statement: 'Move fast.',
      talkingPoints: ['Rip and replace the old scheduler', 'Migrate one workflow at a time'],
    };
    const result = check(
      '',
      [...LIBRARY, risky],
      new Map([
        ['msg-risky', 9],
        ['msg-pricing-v1', 20],
      ]),
    );
    expect(result.suggestions.map((s) => s.talkingPoint)).toEqual([
      'Migrate one workflow at a time',
    ]);
  });
});

describe('checkDraft: edge cases', () => {
  it('handles an empty draft', () => {
    const result = check('');
    expect(result).toMatchObject({ covered: [], avoided: [], outdated: [], wordCount: 0 });
    expect(result.suggestions).toHaveLength(2);
  });

  it('handles empty messaging', () => {
    expect(check('We rip and replace. Cuts manual order entry by 60%!', [])).toEqual({
      covered: [],
      avoided: [],
      outdated: [],
      suggestions: [],
      wordCount: 10,
    });
  });

  it('counts words the rep wrote, not emoji, signs or punctuation', () => {
    // hi, dana, r, d, is, 60, done, ok
    expect(check('Hi 👋 Dana — R&D is 60% done… ok?').wordCount).toBe(8);
  });

  it('handles a very long draft and finds hits far into it with the right offsets', () => {
    const filler = 'The quarterly review covered budgets, hiring and the roadmap for next year. ';
    const text = filler.repeat(2000) + 'Then we rip and replace everything.';
    const result = check(text);
    expect(result.wordCount).toBe(12 * 2000 + 6);
    expect(result.avoided).toHaveLength(1);
    expect(text.slice(result.avoided[0]!.where.start, result.avoided[0]!.where.end)).toBe(
      'rip and replace',
    );
    expect(result.covered).toEqual([]);
  });

  it('compiles a library once per array identity', () => {
    expect(compileMessaging(LIBRARY)).toBe(compileMessaging(LIBRARY));
    expect(compileMessaging([...LIBRARY])).not.toBe(compileMessaging(LIBRARY));
  });

  it('ignores entries with empty texts and unparsable dates', () => {
    const odd: Messaging = {
      id: 'msg-odd',
      theme: '',
      statement: '',
      talkingPoints: ['', '🔥'],
      avoid: ['', '—'],
      validUntil: 'not a date',
    };
    expect(check('anything at all', [odd])).toMatchObject({
      covered: [],
      avoided: [],
      outdated: [],
    });
  });
});

describe('checkDraft on the demo messaging', () => {
  const now = new Date('2026-05-01T09:00:00Z');
  const { messaging } = buildDemoDataset({ now });

  it('flags the v1 pitch the demo planted: avoided phrase, outdated claim, v2 as successor', () => {
    const draft =
      'Hi Dana,\n\nNorthwind Flow lets you rip and replace your legacy scheduler in a single weekend, ' +
      'and honestly it pays for itself in a quarter.\n\nBest,\nSam';
    const result = checkDraft(draft, messaging, {
      now: now.getTime(),
      engagement: new Map([['msg-tco-v2', 4]]),
    });
    expect(result.avoided.map((a) => [a.phrase, a.messagingIds])).toEqual([
      ['rip and replace', ['msg-tco-v2', 'msg-enterprise-logistics']],
      ['pays for itself in a quarter', ['msg-tco-v2']],
    ]);
    expect(result.outdated.map((o) => [o.messagingId, o.claim, o.supersededBy])).toEqual([
      ['msg-tco-v1', 'Rip and replace your legacy scheduler in a single weekend', 'msg-tco-v2'],
      ['msg-tco-v1', 'Pays for itself within one quarter', 'msg-tco-v2'],
    ]);
    expect(result.suggestions.map((s) => s.talkingPoint)).toEqual([
      'Run alongside your existing schedulers and retire them one by one',
      'Usage-based pricing: pay for workflow runs, not idle servers',
    ]);
  });

  it('recognises the current v2 pitch as covered and clean', () => {
    const draft =
      'Dana, you can run Northwind Flow alongside your existing schedulers and retire them one by one. ' +
      'Most teams retire their first legacy scheduler within two quarters, and pricing is usage-based: ' +
      'you pay for workflow runs, not idle servers.';
    const result = checkDraft(draft, messaging, { now: now.getTime() });
    expect(result.avoided).toEqual([]);
    expect(result.outdated).toEqual([]);
    expect(result.covered.map((c) => [c.messagingId, c.talkingPointIndex])).toEqual([
      ['msg-tco-v2', 0],
      ['msg-tco-v2', 2],
      ['msg-tco-v2', 1],
    ]);
  });
});

describe('checkDraft: what a claim is made of', () => {
  const PAYBACK: Messaging = {
    id: 'msg-payback',
    theme: 'Payback',
    statement: 'Automation that earns its keep.',
    talkingPoints: ['Payback in two quarters', 'Connectors for SAP and Oracle'],
    validFrom: iso(-30),
  };

  it.each([
    ['Two of our quarters were slow this year.', false],
    ['We had two slow quarters.', false],
    ['Customers see payback within two quarters.', true],
    ['Most teams reach payback in 2 quarters.', true],
  ])('covers "payback in two quarters" with %j: %s', (draft, expected) => {
    const covered = check(draft, [PAYBACK]).covered.map((c) => c.talkingPoint);
    expect(covered.includes('Payback in two quarters')).toBe(expected);
  });

  const SOC2_V1: Messaging = {
    id: 'msg-security-v1',
    theme: 'Security',
    statement: 'Security you can audit.',
    talkingPoints: ['We are SOC 2 Type II certified'],
    validFrom: iso(-300),
    validUntil: iso(-5),
  };
  const SOC2_V2: Messaging = {
    id: 'msg-security-v2',
    theme: 'Security',
    statement: 'Security you can audit.',
    talkingPoints: ['SOC 2 Type II and ISO 27001 certified'],
    validFrom: iso(-5),
  };

  it('reports an expired claim stated in full and does not credit the part of its successor', () => {
    const result = check('Good news: we are SOC 2 Type II certified.', [SOC2_V1, SOC2_V2]);
    expect(result.outdated.map((o) => [o.messagingId, o.claim, o.supersededBy])).toEqual([
      ['msg-security-v1', 'We are SOC 2 Type II certified', 'msg-security-v2'],
    ]);
    expect(result.covered).toEqual([]);
  });

  it('credits the successor stated in full and reports nothing outdated', () => {
    const result = check('We are SOC 2 Type II and ISO 27001 certified.', [SOC2_V1, SOC2_V2]);
    expect(result.outdated).toEqual([]);
    expect(result.covered.map((c) => c.messagingId)).toEqual(['msg-security-v2']);
  });

  it('reports what an expired superset adds when the current claim dropped it', () => {
    const lapsed = { ...SOC2_V2, id: 'msg-iso-v1', validFrom: iso(-300), validUntil: iso(-5) };
    const current = { ...SOC2_V1, id: 'msg-soc-v2', validFrom: iso(-5), validUntil: undefined };
    const stated = check('We are SOC 2 Type II and ISO 27001 certified.', [lapsed, current]);
    expect(stated.outdated.map((o) => o.messagingId)).toEqual(['msg-iso-v1']);
    const clean = check('We are SOC 2 Type II certified.', [lapsed, current]);
    expect(clean.outdated).toEqual([]);
    expect(clean.covered.map((c) => c.messagingId)).toEqual(['msg-soc-v2']);
  });
});
