/**
 * `checkDraft` in Node on the largest case its goal is set for: a 2,000-word draft against a
 * library of 300 messaging entries. Budget: median ≤ 2 ms per warm call.
 *
 * The library and the draft are generated deterministically (SeededRandom) from a B2B
 * vocabulary (see there): entries of 3–6 talking points, 2–4 phrases to avoid, a fifth of them expired;
 * the draft mixes ordinary sentences with some talking points, paraphrased, a few phrases to
 * avoid and an outdated claim, so every part of the check does real work.
 *
 * Prints: cold (first call on a fresh library array: compile + check), warm (same array, the
 * rep typing) and "typing" (the draft grows by a word each call, as while typing), as median
 * and p95 of wall time, plus CPU time per call and the load average (on a shared machine wall
 * figures are upper bounds; CPU time leaves out the time spent waiting for a core).
 * No assertions.
 * Run: npx tsx test/bench/check-draft.bench.ts [iterations]
 */
import { cpus, loadavg } from 'node:os';
import type { Messaging } from '../../utils/contract/schemas';
import { checkDraft } from '../../utils/consistency/check-draft';
import { SeededRandom } from '../../server/seed/seeded-random';

const ITERATIONS = Number(process.argv[2] ?? 500);
const COLD_RUNS = 40;
const ENTRIES = 300;
const DRAFT_WORDS = 2000;
const NOW = Date.parse('2026-05-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

// Vocabulary of a B2B workflow vendor's library. Real libraries of 300 entries use a few
// thousand distinct words; each entry below also gets its own product, feature and customer
// names, and its sentences come from varied frames, not one template.
const VERBS = (
  'automate reduce cut route connect monitor retire consolidate track approve migrate ' +
  'schedule forecast reconcile audit escalate sync standardise detect resolve ship replace ' +
  'measure launch scale triage validate enrich classify extract assign notify archive ' +
  'benchmark simplify streamline unify secure encrypt provision onboard offboard review ' +
  'prioritise allocate dispatch invoice quote renew upsell survey map model publish ' +
  'translate summarise draft verify certify license meter bill refund'
).split(' ');
const NOUNS = (
  'order entry|invoices|shipment exceptions|carrier emails|purchase orders|legacy schedulers|' +
  'approvals|supplier delays|onboarding|renewals|support tickets|month-end close|' +
  'inventory counts|quality checks|contracts|expense reports|service requests|data pipelines|' +
  'access reviews|returns|warranty claims|demand forecasts|pricing updates|compliance evidence|' +
  'dispatch|customer updates|handoffs|vendor onboarding|credit checks|payroll changes|' +
  'sales quotes|field visits|maintenance orders|spare parts|freight audits|customs documents|' +
  'patient referrals|prior authorizations|lab results|loan applications|KYC checks|' +
  'chargebacks|subscription changes|product catalogs|marketing approvals|press releases|' +
  'job requisitions|interview scheduling|equipment checkouts|travel requests|budget requests|' +
  'audit findings|incident reports|change requests|release notes|test results|code reviews|' +
  'security alerts|password resets|license renewals|usage reports|board packs|tax filings'
).split('|');
const SYSTEMS = (
  'SAP|Oracle|Salesforce|ServiceNow|NetSuite|Workday|Dynamics|Snowflake|Jira|Zendesk|' +
  'HubSpot|Coupa|Ariba|Epic|Cerner|Shopify|Magento|Slack|Teams|Outlook|Gmail|BigQuery|' +
  'Databricks|Okta|Azure AD|Box|SharePoint|DocuSign|Stripe|QuickBooks|the TMS|the WMS|' +
  'the ERP|shared inboxes|spreadsheets|carrier portals|the data warehouse|the CRM'
).split('|');
const OUTCOMES = (
  'by 60%|in minutes, not hours|without custom code|with a full audit trail|' +
  'in a single weekend|within one quarter|at your own pace|without adding headcount|' +
  'across every region|before customers notice|with role-based access|by 38%|' +
  'with fewer errors|on the first day|while IT keeps control|at a fraction of the cost|' +
  'for every business unit|around the clock|with one click|in real time|' +
  'before the deadline|with no manual rekeying|in 14 languages|under SOC 2 controls|' +
  'three times faster|with zero downtime|on any device|from a single dashboard|' +
  'with approvals built in|for thousands of users'
).split('|');
const BENEFITS = (
  'grow without hiring|close the books faster|keep customers informed|pass audits|' +
  'stop chasing emails|ship on time|cut rework|spend less on freight|answer faster|' +
  'hit their SLAs|keep auditors happy|avoid penalties|free analysts for real work|' +
  'see every exception|trust their numbers|onboard new sites quickly'
).split('|');
const AVOID = [
  'rip and replace',
  'guaranteed ROI',
  'cheapest',
  'free forever',
  'set and forget',
  'fully autonomous',
  '100% secure',
  'unhackable',
  'never miss a shipment',
  'instant payback',
  'replace your team',
  'no IT involvement needed',
  'bulletproof',
  'integrates with everything',
  'zero risk',
  'best in class',
  'headcount reduction',
  'pays for itself overnight',
  'industry leading',
  'works out of the box',
  'no training required',
  'magic',
  'AI does it all',
  'cheaper than hiring',
  'unlimited everything',
  'military grade',
];
const FILLER = [
  'Thanks again for the time on Tuesday and for walking us through your current process.',
  'I wanted to follow up on the questions your team raised about the rollout.',
  'Happy to set up a short call with our solutions engineer next week if that helps.',
  'Let me know which of these matters most to your operations leads.',
  'We have worked with several companies in your industry on similar projects.',
  'Attached is the summary we discussed, with the figures from the pilot.',
  'Your finance team asked how the costs compare, so I added a short section on that.',
  'If it is easier, I can also share a recorded demo your colleagues can watch.',
];

const rng = new SeededRandom('touchpoint-bench:check-draft');
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

// Real libraries share generic words (automate, team, workflow) but each entry has its own
// product, feature and customer names; made-up ones here, from syllables.
const SYLLABLES = ['nor', 'vex', 'ta', 'lum', 'qui', 'zen', 'dra', 'fol', 'mar', 'ox', 'pel', 'ri'];
const name = () =>
  capital(Array.from({ length: rng.int(2, 3) }, () => rng.pick(SYLLABLES)).join(''));

function buildEntry(i: number): Messaging {
  const expired = i % 5 === 0;
  const product = name();
  const feature = `${name()} ${rng.pick(['Hub', 'Assist', 'Sync', 'Guard', 'Flow', 'Desk'])}`;
  const customer = `${name()} ${rng.pick(['Freight', 'Bank', 'Health', 'Retail', 'Foods'])}`;
  const verb = () => rng.pick(VERBS);
  const noun = () => rng.pick(NOUNS);
  const frames: Array<() => string> = [
    () => `${verb()} ${noun()} in ${rng.pick(SYSTEMS)} ${rng.pick(OUTCOMES)}`,
    () => `${feature} lets you ${verb()} ${noun()} ${rng.pick(OUTCOMES)}`,
    () => `${product} connects to ${rng.pick(SYSTEMS)} and ${rng.pick(SYSTEMS)}`,
    () => `Teams ${rng.pick(BENEFITS)} because ${noun()} no longer wait on email`,
    () => `${rng.int(2, 40)}x more ${noun()} handled by the same people`,
    () => `Start with ${noun()} and add ${noun()} once it has proven itself`,
    () => `Every ${noun().replace(/s$/, '')} step is logged for auditors`,
    () => `${customer} ${verb()}s ${noun()} ${rng.pick(OUTCOMES)}`,
  ];
  const point = () => capital(rng.pick(frames)());
  const statements = [
    () => `${product} helps teams ${verb()} ${noun()} ${rng.pick(OUTCOMES)}.`,
    () => `With ${product}, operations ${rng.pick(BENEFITS)} while ${noun()} run themselves.`,
    () => `${product} turns ${noun()} into a governed workflow across ${rng.pick(SYSTEMS)}.`,
    () => `Stop losing days to ${noun()}: ${product} ${verb()}s them ${rng.pick(OUTCOMES)}.`,
  ];
  return {
    id: `msg-${String(i).padStart(3, '0')}`,
    theme: `${product}: ${verb()} ${noun()}`,
    statement: rng.pick(statements)(),
    talkingPoints: Array.from({ length: rng.int(3, 6) }, point),
    proofPoints: [`${customer} cut ${noun()} handling time by ${rng.int(10, 70)}%`],
    avoid: Array.from({ length: rng.int(2, 4) }, () => rng.pick(AVOID)),
    version: rng.int(1, 4),
    validFrom: new Date(NOW - rng.int(30, 300) * DAY).toISOString(),
    validUntil: new Date(NOW + (expired ? -rng.int(1, 20) : rng.int(10, 200)) * DAY).toISOString(),
    owner: 'Product Marketing',
  };
}

function buildLibrary(): Messaging[] {
  return Array.from({ length: ENTRIES }, (_, i) => buildEntry(i));
}

const sentence = () =>
  `${rng.pick(VERBS)} ${rng.pick(NOUNS)} in ${rng.pick(SYSTEMS)} ${rng.pick(OUTCOMES)}`;
// Paraphrase: a talking point with some words dropped and the rest kept in order.
const paraphrase = (text: string) =>
  text
    .split(' ')
    .filter(() => !rng.chance(0.25))
    .join(' ');

function buildDraft(library: Messaging[]): string {
  const parts: string[] = [];
  let words = 0;
  let n = 0;
  while (words < DRAFT_WORDS) {
    n++;
    let s: string;
    if (n % 9 === 0)
      s = `${paraphrase(rng.pick(rng.pick(library).talkingPoints))}.`; // on message
    else if (n % 23 === 0) s = `Honestly, it is ${rng.pick(AVOID)} for teams like yours.`;
    else if (n % 31 === 0) s = `We ${sentence()}, and it feels like ${sentence()}!`;
    else s = rng.pick(FILLER);
    if (n % 6 === 0) s += '\n\n';
    parts.push(s);
    words += s.split(/\s+/).filter(Boolean).length;
  }
  return parts.join(' ');
}

const library = buildLibrary();
const draft = buildDraft(library);
const engagement = new Map(library.slice(0, 40).map((m, i) => [m.id, 40 - i] as const));
const options = { now: NOW, engagement };

/** CPU time of this process (user + system) since `from`, in ms: waiting for a core not included. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: at(0), max: at(1) };
}
function report(label: string, times: number[], cpuMs: number, budget?: number) {
  const s = stats(times);
  const verdict =
    budget === undefined
      ? ''
      : `; budget median ≤ ${budget} ms: ${s.median <= budget ? 'within' : 'OVER'}`;
  console.log(
    `${label}: median ${s.median.toFixed(3)} ms, p95 ${s.p95.toFixed(3)} ms, min ${s.min.toFixed(3)} ms, ` +
      `max ${s.max.toFixed(3)} ms; CPU ${(cpuMs / times.length).toFixed(3)} ms/call; ` +
      `over ${times.length} calls${verdict}`,
  );
}

const first = checkDraft(draft, library, options);
console.log(
  `draft ${first.wordCount} words, ${draft.length} chars; library ${library.length} entries ` +
    `(${library.reduce((n, m) => n + m.talkingPoints.length, 0)} talking points, ` +
    `${library.reduce((n, m) => n + (m.avoid?.length ?? 0), 0)} phrases to avoid); result: ` +
    `${first.covered.length} covered, ${first.avoided.length} avoided, ` +
    `${first.outdated.length} outdated, ${first.suggestions.length} suggestions`,
);
console.log(
  `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}, node ${process.version}`,
);

// Cold: a fresh array each time (what happens when the library arrives from the backend).
const cold: number[] = [];
let cpu = process.cpuUsage();
for (let i = 0; i < COLD_RUNS; i++) {
  const fresh = library.map((m) => ({ ...m }));
  const start = performance.now();
  checkDraft(draft, fresh, options);
  cold.push(performance.now() - start);
}
report('cold (compile + check)', cold, cpuSince(cpu));

const WARMUP = 50;
for (let i = 0; i < WARMUP; i++) checkDraft(draft, library, options);
const warm: number[] = [];
cpu = process.cpuUsage();
for (let i = 0; i < ITERATIONS; i++) {
  const start = performance.now();
  checkDraft(draft, library, options);
  warm.push(performance.now() - start);
}
report('warm (same library, same draft)', warm, cpuSince(cpu), 2);

// Typing: the draft changes on every call, as it does while the rep types.
const typing: number[] = [];
cpu = process.cpuUsage();
for (let i = 0; i < ITERATIONS; i++) {
  const text = `${draft} ${FILLER[i % FILLER.length]!.split(' ')
    .slice(0, (i % 12) + 1)
    .join(' ')}`;
  const start = performance.now();
  checkDraft(text, library, options);
  typing.push(performance.now() - start);
}
report('typing (same library, draft changes each call)', typing, cpuSince(cpu), 2);
