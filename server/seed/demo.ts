/**
 * Deterministic demo data for the reference server: the marketing of a fictional vendor,
 * "Northwind Flow" (a workflow-automation platform), seen by about 60 contacts at a dozen
 * prospect and customer accounts. Every time is relative to `now`, so the data always looks
 * recent; the same `now` always gives the same dataset (seeded PRNG, never Math.random).
 *
 * Planted on purpose for the messaging features (see DEMO_SCENARIOS): an expired messaging
 * entry still attached to an active campaign, and two versions of one theme that conflict
 * (v1 says "rip and replace", v2 forbids it), both seen by the same contacts.
 */
import type {
  Asset,
  Campaign,
  FeedbackRequest,
  IngestContact,
  IngestEvent,
  Messaging,
  Score,
} from '../../utils/contract/schemas';
import type { Dataset } from './dataset';
import { hashString, SeededRandom } from './seeded-random';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every demo timestamp that is not a planned date lies within this many days before `now`. */
export const DEMO_WINDOW_DAYS = 120;
const WINDOW = DEMO_WINDOW_DAYS * DAY;

export const DEMO_VENDOR_DOMAIN = 'northwind-flow.example';
const WEB = `https://www.${DEMO_VENDOR_DOMAIN}`;
const GO = `https://go.${DEMO_VENDOR_DOMAIN}`;

/** Contacts with rich data, for the server's /demo page and browser tests; richest first. */
export const DEMO_PROMINENT_CONTACTS: string[] = [
  'dana.whitfield@acme-logistics.example',
  'marcus.chen@globex-mfg.example',
  'priya.raman@initech-financial.example',
  'tomas.alvarez@umbrella-health.example',
  'elena.kowalski@stark-retail.example',
];

/** The cases planted for consistency checks, so tests elsewhere need not rediscover them. */
export const DEMO_SCENARIOS = {
  /** Same theme, two versions; a v1 talking point contains a phrase v2 lists under `avoid`. */
  conflictingPair: ['msg-tco-v1', 'msg-tco-v2'],
  conflictingPhrase: 'rip and replace',
  /** Messaging past its `validUntil`, still attached to a campaign that is running. */
  expiredOnActive: { messagingId: 'msg-tco-v1', campaignId: 'cmp-nurture-tco' },
} as const;

// ---------------------------------------------------------------------------------------
// Our side: reps, campaigns, messaging, assets

interface Rep {
  name: string;
  email: string;
}
const REPS = {
  jordan: { name: 'Jordan Blake', email: `jordan.blake@${DEMO_VENDOR_DOMAIN}` },
  samira: { name: 'Samira Haddad', email: `samira.haddad@${DEMO_VENDOR_DOMAIN}` },
  chris: { name: 'Chris Nakamura', email: `chris.nakamura@${DEMO_VENDOR_DOMAIN}` },
  lena: { name: 'Lena Fischer', email: `lena.fischer@${DEMO_VENDOR_DOMAIN}` },
} satisfies Record<string, Rep>;

const C = {
  webinarOps: 'cmp-webinar-ops-automation',
  nurture: 'cmp-nurture-tco',
  launch: 'cmp-launch-flow-ai',
  abm: 'cmp-abm-enterprise-logistics',
  summit: 'cmp-event-supply-chain-summit',
  ads: 'cmp-ads-integrations',
  content: 'cmp-content-roi-guide',
  webinarSecurity: 'cmp-webinar-security',
} as const;
type CampaignKey = keyof typeof C;

/** Times in days before `now`; negative means in the future. */
interface CampaignSpec {
  id: string;
  name: string;
  type: string;
  status: 'planned' | 'active' | 'completed';
  url: string;
  startDaysAgo: number;
  endDaysAgo: number;
  messagingIds: string[];
}
const WEBINAR_OPS_DAYS_AGO = 52;
const SUMMIT_DAYS_AGO = 21;
const CAMPAIGNS: CampaignSpec[] = [
  {
    id: C.webinarOps,
    name: 'Webinar: Ops automation without adding headcount',
    type: 'webinar',
    status: 'completed',
    url: `${WEB}/webinars/ops-automation`,
    startDaysAgo: WEBINAR_OPS_DAYS_AGO,
    endDaysAgo: WEBINAR_OPS_DAYS_AGO - 1 / 24,
    messagingIds: ['msg-ops-automation'],
  },
  {
    id: C.nurture,
    name: 'Total cost of ownership nurture',
    type: 'nurture',
    status: 'active',
    url: `${WEB}/resources/tco`,
    startDaysAgo: 110,
    endDaysAgo: -40,
    messagingIds: ['msg-tco-v1', 'msg-tco-v2'],
  },
  {
    id: C.launch,
    name: 'Launch: Flow AI Assist',
    type: 'email',
    status: 'active',
    url: `${WEB}/product/flow-ai-assist`,
    startDaysAgo: 30,
    endDaysAgo: -30,
    messagingIds: ['msg-flow-ai-launch'],
  },
  {
    id: C.abm,
    name: 'ABM: Tier-1 enterprise logistics accounts',
    type: 'abm',
    status: 'active',
    url: `${WEB}/enterprise/logistics`,
    startDaysAgo: 90,
    endDaysAgo: -60,
    messagingIds: ['msg-enterprise-logistics', 'msg-tco-v2'],
  },
  {
    id: C.summit,
    name: 'Supply Chain Automation Summit (booth B-214)',
    type: 'event',
    status: 'completed',
    url: `${WEB}/events/supply-chain-summit`,
    startDaysAgo: SUMMIT_DAYS_AGO,
    endDaysAgo: SUMMIT_DAYS_AGO - 2,
    messagingIds: ['msg-supply-chain-resilience', 'msg-integrations'],
  },
  {
    id: C.ads,
    name: 'Paid social: 400+ prebuilt connectors',
    type: 'ads',
    status: 'active',
    url: `${WEB}/integrations`,
    startDaysAgo: 60,
    endDaysAgo: -30,
    messagingIds: ['msg-integrations'],
  },
  {
    id: C.content,
    name: 'Content syndication: The ROI of workflow automation',
    type: 'content',
    status: 'completed',
    url: `${WEB}/resources/roi-guide`,
    startDaysAgo: 118,
    endDaysAgo: 30,
    messagingIds: ['msg-roi-proof'],
  },
  {
    id: C.webinarSecurity,
    name: 'Webinar: Security and compliance for automated workflows',
    type: 'webinar',
    status: 'planned',
    url: `${WEB}/webinars/security-compliance`,
    startDaysAgo: -14,
    endDaysAgo: -14 - 1 / 24,
    messagingIds: ['msg-security-compliance'],
  },
];

// Own spec types: the schema types are loose (index signature), so Omit would erase fields.
interface MessagingSpec {
  id: string;
  theme: string;
  statement: string;
  talkingPoints: string[];
  proofPoints: string[];
  avoid: string[];
  audience: string[];
  version: number;
  validFromDaysAgo: number;
  /** Negative: still valid for that many days. */
  validUntilDaysAgo: number;
  owner: string;
}
const MESSAGING: MessagingSpec[] = [
  {
    id: 'msg-ops-automation',
    theme: 'Automation without adding headcount',
    statement:
      'Northwind Flow lets operations teams absorb growth by automating the hand-offs between systems instead of hiring more coordinators.',
    talkingPoints: [
      'Automate the swivel-chair work between your TMS, ERP and shared inboxes',
      'Ops analysts build workflows in a visual editor while IT keeps governance',
      'Start with one painful process and expand once it has proven itself',
      'Every run is logged, so audits take minutes instead of days',
    ],
    proofPoints: [
      'Contoso Freight handles 38% more shipments with the same dispatch team',
      'The median customer automates its first workflow in 9 days',
    ],
    avoid: ['replace your team', 'headcount reduction', 'set and forget'],
    audience: ['VP Operations', 'COO', 'Director of Operations'],
    version: 3,
    validFromDaysAgo: 115,
    validUntilDaysAgo: -75,
    owner: 'Product Marketing',
  },
  {
    id: 'msg-tco-v1',
    theme: 'Total cost of ownership',
    statement: 'Northwind Flow costs less to own than legacy schedulers and home-grown scripts.',
    talkingPoints: [
      'Rip and replace your legacy scheduler in a single weekend',
      'Pays for itself within one quarter',
      'Stop paying for idle on-premises servers',
      'One license covers every workflow you build',
    ],
    proofPoints: ['Tailspin Retail retired three legacy schedulers'],
    avoid: ['cheapest', 'free forever'],
    audience: ['CFO', 'Procurement', 'IT Director'],
    version: 1,
    validFromDaysAgo: 119,
    validUntilDaysAgo: 20,
    owner: 'Product Marketing',
  },
  {
    id: 'msg-tco-v2',
    theme: 'Total cost of ownership',
    statement:
      'Lower the cost of running automation by consolidating schedulers and scripts on one governed platform, at your own pace.',
    talkingPoints: [
      'Run alongside your existing schedulers and retire them one by one',
      'Usage-based pricing: pay for workflow runs, not idle servers',
      'Most teams retire their first legacy scheduler within two quarters',
      'Finance gets a cost report per workflow and per team',
      'Work through the TCO calculator with your own numbers',
    ],
    proofPoints: [
      'Tailspin Retail retired three legacy schedulers over nine months',
      'Commissioned TEI study: 212% three-year ROI for a composite customer',
    ],
    avoid: ['rip and replace', 'guaranteed ROI', 'cheapest', 'pays for itself in a quarter'],
    audience: ['CFO', 'Procurement', 'IT Director', 'VP Operations'],
    version: 2,
    validFromDaysAgo: 20,
    validUntilDaysAgo: -160,
    owner: 'Product Marketing',
  },
  {
    id: 'msg-flow-ai-launch',
    theme: 'AI that drafts your workflows',
    statement:
      'Flow AI Assist turns a plain-English description of a process into a reviewed, ready-to-run workflow draft.',
    talkingPoints: [
      'Describe a process in plain English and Flow AI Assist drafts the workflow',
      'Every AI-drafted step is reviewed by a person before it runs',
      'Your data is never used to train third-party models',
      'Included in Business and Enterprise plans during the launch period',
    ],
    proofPoints: [
      'Beta customers built first drafts four times faster',
      '120 beta teams drafted 3,400 workflows',
    ],
    avoid: ['fully autonomous', 'replaces your developers', '100% accurate'],
    audience: ['VP Operations', 'IT Director', 'Automation leads'],
    version: 1,
    validFromDaysAgo: 32,
    validUntilDaysAgo: -150,
    owner: 'Product Marketing (launch team)',
  },
  {
    id: 'msg-enterprise-logistics',
    theme: 'Exception handling for enterprise logistics',
    statement:
      'Shipment exceptions reach the right person in minutes, across TMS, WMS and carrier portals, without custom code.',
    talkingPoints: [
      'Route shipment exceptions to the right person in minutes, not hours',
      'Connect TMS, WMS and carrier portals without custom code',
      'Dashboards show the exception backlog by lane and by carrier',
      'Pilot on one lane in 30 days with our solutions team',
    ],
    proofPoints: [
      'Contoso Freight cut dispatch exception handling time by 38%',
      'Wide World Importers triages 2,100 carrier emails a day automatically',
    ],
    avoid: ['rip and replace', 'guaranteed ROI'],
    audience: ['VP Operations', 'Director of Transportation', 'COO'],
    version: 2,
    validFromDaysAgo: 95,
    validUntilDaysAgo: -90,
    owner: 'ABM team',
  },
  {
    id: 'msg-integrations',
    theme: 'Connects to the tools you already run',
    statement:
      'Prebuilt, maintained connectors mean workflows reach your systems of record on day one.',
    talkingPoints: [
      '400+ prebuilt connectors, including SAP, Oracle, Salesforce and ServiceNow',
      'A generic REST and SFTP connector covers the long tail',
      'We maintain the connectors and version them with your workflows',
    ],
    proofPoints: ['93% of customer workflows use only prebuilt connectors'],
    avoid: ['integrates with everything', 'no IT involvement needed'],
    audience: ['IT Director', 'Enterprise architects'],
    version: 4,
    validFromDaysAgo: 80,
    validUntilDaysAgo: -100,
    owner: 'Product Marketing',
  },
  {
    id: 'msg-supply-chain-resilience',
    theme: 'Supply chain resilience',
    statement: 'Spot supplier delays early and re-plan automatically before customers notice.',
    talkingPoints: [
      'Detect supplier delays early and trigger re-planning automatically',
      'Keep planners on decisions, not on status emails',
      'Share one live view of open exceptions with suppliers',
    ],
    proofPoints: ['Wide World Importers reduced expedited freight spend by 17%'],
    avoid: ['bulletproof', 'never miss a shipment'],
    audience: ['Head of Supply Chain', 'VP Operations'],
    version: 1,
    validFromDaysAgo: 119,
    validUntilDaysAgo: 10,
    owner: 'Field Marketing',
  },
  {
    id: 'msg-roi-proof',
    theme: 'Proven ROI of workflow automation',
    statement:
      'Workflow automation pays back through fewer manual hand-offs and fewer errors, and you can measure it before you buy.',
    talkingPoints: [
      'Customers report a median payback period of seven months',
      'Savings come from fewer manual hand-offs and fewer errors',
      'Start measuring with our ROI worksheet before you buy',
    ],
    proofPoints: [
      'Commissioned TEI study: 212% three-year ROI for a composite customer',
      'Fabrikam Health automates 12,000 prior-authorization requests a month',
    ],
    avoid: ['guaranteed ROI', 'instant payback'],
    audience: ['CFO', 'Procurement', 'VP Operations'],
    version: 2,
    validFromDaysAgo: 119,
    validUntilDaysAgo: -60,
    owner: 'Content Marketing',
  },
  {
    id: 'msg-security-compliance',
    theme: 'Security and compliance built in',
    statement:
      'Northwind Flow is built for regulated teams: certified, auditable and in the region you choose.',
    talkingPoints: [
      'SOC 2 Type II and ISO 27001 certified',
      'Data residency in the EU or the US, your choice',
      'Role-based access and a full audit trail for every workflow run',
      'SSO with SAML and SCIM provisioning on every Enterprise plan',
    ],
    proofPoints: ['Woodgrove Bank passed its SOC 2 audit with automated evidence collection'],
    avoid: ['unhackable', '100% secure', 'HIPAA certified'],
    audience: ['CISO', 'IT Director', 'Compliance'],
    version: 1,
    validFromDaysAgo: 10,
    validUntilDaysAgo: -170,
    owner: 'Product Marketing',
  },
];

interface EmailLink {
  path: string;
  title: string;
  assetId?: string;
}
interface AssetSpec {
  id: string;
  title: string;
  type: string;
  url: string;
  campaignIds: string[];
  messagingIds: string[];
  summary: string;
  /** Emails only: the subject line and where the main link goes. */
  subject?: string;
  link?: EmailLink;
}
const ASSETS: AssetSpec[] = [
  // Pages
  {
    id: 'ast-pricing-page',
    title: 'Pricing',
    type: 'landing_page',
    url: `${WEB}/pricing`,
    campaignIds: [],
    messagingIds: ['msg-tco-v2'],
    summary: 'Plans, usage-based pricing and the Enterprise tier.',
  },
  {
    id: 'ast-integrations-directory',
    title: 'Integrations directory',
    type: 'landing_page',
    url: `${WEB}/integrations`,
    campaignIds: [C.ads],
    messagingIds: ['msg-integrations'],
    summary: 'Searchable list of the 400+ prebuilt connectors.',
  },
  {
    id: 'ast-flow-ai-page',
    title: 'Flow AI Assist product page',
    type: 'landing_page',
    url: `${WEB}/product/flow-ai-assist`,
    campaignIds: [C.launch],
    messagingIds: ['msg-flow-ai-launch'],
    summary: 'What Flow AI Assist does, how review works, and which plans include it.',
  },
  {
    id: 'ast-tco-calculator',
    title: 'TCO calculator',
    type: 'landing_page',
    url: `${WEB}/tco-calculator`,
    campaignIds: [C.nurture, C.abm],
    messagingIds: ['msg-tco-v2'],
    summary: 'Interactive three-year cost comparison against legacy schedulers.',
  },
  {
    id: 'ast-roi-guide-page',
    title: 'ROI guide landing page',
    type: 'landing_page',
    url: `${WEB}/resources/roi-guide`,
    campaignIds: [C.content],
    messagingIds: ['msg-roi-proof'],
    summary: 'Gated landing page for the ROI whitepaper.',
  },
  {
    id: 'ast-summit-page',
    title: 'Supply Chain Automation Summit: meet us at booth B-214',
    type: 'landing_page',
    url: `${WEB}/events/supply-chain-summit`,
    campaignIds: [C.summit],
    messagingIds: ['msg-supply-chain-resilience'],
    summary: 'Book a meeting or a roundtable seat at the summit.',
  },
  {
    id: 'ast-security-webinar-page',
    title: 'Security webinar registration',
    type: 'landing_page',
    url: `${WEB}/webinars/security-compliance`,
    campaignIds: [C.webinarSecurity],
    messagingIds: ['msg-security-compliance'],
    summary: 'Registration page for the upcoming security and compliance webinar.',
  },
  // Case studies
  {
    id: 'ast-cs-contoso-freight',
    title: 'Case study: Contoso Freight cuts dispatch exception time by 38%',
    type: 'case_study',
    url: `${WEB}/customers/contoso-freight`,
    campaignIds: [C.abm, C.webinarOps],
    messagingIds: ['msg-enterprise-logistics', 'msg-ops-automation'],
    summary: 'A 400-truck carrier routes exceptions automatically across TMS and carrier portals.',
  },
  {
    id: 'ast-cs-fabrikam-health',
    title: 'Case study: Fabrikam Health automates 12,000 prior authorizations a month',
    type: 'case_study',
    url: `${WEB}/customers/fabrikam-health`,
    campaignIds: [C.content],
    messagingIds: ['msg-roi-proof'],
    summary: 'A regional health network removes manual re-keying from prior authorizations.',
  },
  {
    id: 'ast-cs-tailspin-retail',
    title: 'Case study: Tailspin Retail retires three legacy schedulers',
    type: 'case_study',
    url: `${WEB}/customers/tailspin-retail`,
    campaignIds: [C.nurture],
    messagingIds: ['msg-tco-v2'],
    summary: 'A 300-store retailer consolidates cron, Control-M and scripts over nine months.',
  },
  {
    id: 'ast-cs-woodgrove-bank',
    title: 'Case study: Woodgrove Bank automates SOC 2 evidence collection',
    type: 'case_study',
    url: `${WEB}/customers/woodgrove-bank`,
    campaignIds: [C.webinarSecurity],
    messagingIds: ['msg-security-compliance'],
    summary: 'How a mid-size bank turned audit preparation into a scheduled workflow.',
  },
  // Whitepapers and ebooks
  {
    id: 'ast-wp-roi',
    title: 'Whitepaper: The ROI of workflow automation',
    type: 'document',
    url: `${WEB}/resources/roi-of-workflow-automation.pdf`,
    campaignIds: [C.content, C.nurture],
    messagingIds: ['msg-roi-proof'],
    summary: 'Payback model, benchmark data and a worksheet to estimate your own ROI.',
  },
  {
    id: 'ast-wp-tco',
    title: 'Whitepaper: Total cost of ownership, legacy schedulers vs. Northwind Flow',
    type: 'document',
    url: `${WEB}/resources/tco-legacy-schedulers.pdf`,
    campaignIds: [C.nurture],
    messagingIds: ['msg-tco-v2'],
    summary: 'Three-year cost model covering licenses, servers, maintenance and migration.',
  },
  {
    id: 'ast-wp-security',
    title: 'Whitepaper: Northwind Flow security architecture',
    type: 'document',
    url: `${WEB}/resources/security-architecture.pdf`,
    campaignIds: [C.webinarSecurity],
    messagingIds: ['msg-security-compliance'],
    summary: 'Tenancy, encryption, access control and audit logging, for security reviews.',
  },
  {
    id: 'ast-wp-supply-chain',
    title: 'Whitepaper: Building a resilient supply chain with automation',
    type: 'document',
    url: `${WEB}/resources/resilient-supply-chain.pdf`,
    campaignIds: [C.summit],
    messagingIds: ['msg-supply-chain-resilience'],
    summary: 'Patterns for detecting supplier delays early and re-planning automatically.',
  },
  {
    id: 'ast-ebook-10-workflows',
    title: 'Ebook: 10 workflows every operations team should automate',
    type: 'document',
    url: `${WEB}/resources/10-workflows-ebook.pdf`,
    campaignIds: [C.webinarOps],
    messagingIds: ['msg-ops-automation'],
    summary: 'Ten proven starter workflows, from exception routing to invoice matching.',
  },
  {
    id: 'ast-ebook-buyers-guide',
    title: "Ebook: The buyer's guide to workflow automation platforms",
    type: 'document',
    url: `${WEB}/resources/buyers-guide.pdf`,
    campaignIds: [C.content],
    messagingIds: ['msg-roi-proof', 'msg-integrations'],
    summary: 'Evaluation checklist and RFP questions for automation platforms.',
  },
  // Videos and webinar recordings
  {
    id: 'ast-video-demo',
    title: 'Demo: Northwind Flow in 7 minutes',
    type: 'video',
    url: `${WEB}/videos/product-demo`,
    campaignIds: [],
    messagingIds: ['msg-ops-automation', 'msg-integrations'],
    summary: 'Build, test and monitor an exception-routing workflow end to end.',
  },
  {
    id: 'ast-video-flow-ai',
    title: 'Flow AI Assist walkthrough',
    type: 'video',
    url: `${WEB}/videos/flow-ai-assist`,
    campaignIds: [C.launch],
    messagingIds: ['msg-flow-ai-launch'],
    summary: 'A product manager drafts, reviews and publishes a workflow from one sentence.',
  },
  {
    id: 'ast-video-contoso',
    title: 'Customer story video: Contoso Freight',
    type: 'video',
    url: `${WEB}/videos/contoso-freight`,
    campaignIds: [C.abm],
    messagingIds: ['msg-enterprise-logistics'],
    summary: "Contoso's VP Operations on handling growth without adding dispatchers.",
  },
  {
    id: 'ast-webinar-ops-recording',
    title: 'Webinar recording: Ops automation without adding headcount',
    type: 'webinar',
    url: `${WEB}/webinars/ops-automation/recording`,
    campaignIds: [C.webinarOps],
    messagingIds: ['msg-ops-automation'],
    summary: '60-minute session with Contoso Freight and live Q&A.',
  },
  {
    id: 'ast-webinar-integrations-recording',
    title: 'Webinar recording: Integrations office hours',
    type: 'webinar',
    url: `${WEB}/webinars/integrations-office-hours/recording`,
    campaignIds: [C.ads],
    messagingIds: ['msg-integrations'],
    summary: 'Solutions engineers answer connector questions: SAP, Oracle and custom REST.',
  },
  // Decks
  {
    id: 'ast-deck-exec-briefing',
    title: 'Executive briefing: automation for enterprise logistics',
    type: 'deck',
    url: `${WEB}/decks/enterprise-logistics-briefing`,
    campaignIds: [C.abm],
    messagingIds: ['msg-enterprise-logistics', 'msg-tco-v2'],
    summary: 'Twelve slides for a first executive meeting: problem, pilot plan, proof.',
  },
  {
    id: 'ast-deck-flow-ai-launch',
    title: 'Flow AI Assist launch overview',
    type: 'deck',
    url: `${WEB}/decks/flow-ai-assist-overview`,
    campaignIds: [C.launch],
    messagingIds: ['msg-flow-ai-launch'],
    summary: 'What launched, who it is for, and how review and data handling work.',
  },
  {
    id: 'ast-deck-tco-v1',
    title: 'TCO comparison deck (v1)',
    type: 'deck',
    url: `${WEB}/decks/tco-comparison-v1`,
    campaignIds: [C.nurture],
    messagingIds: ['msg-tco-v1'],
    summary: 'The original cost comparison; still linked from the first nurture emails.',
  },
  // Emails
  {
    id: 'ast-email-tco-1',
    title: 'TCO nurture #1: What your legacy scheduler really costs',
    type: 'email',
    url: `${GO}/email/tco-1`,
    campaignIds: [C.nurture],
    messagingIds: ['msg-tco-v1'],
    summary: 'Opens the nurture with the hidden costs of legacy schedulers.',
    subject: 'What your legacy scheduler really costs',
    link: {
      path: '/decks/tco-comparison-v1',
      title: 'TCO comparison deck',
      assetId: 'ast-deck-tco-v1',
    },
  },
  {
    id: 'ast-email-tco-2',
    title: 'TCO nurture #2: Switch schedulers in a weekend',
    type: 'email',
    url: `${GO}/email/tco-2`,
    campaignIds: [C.nurture],
    messagingIds: ['msg-tco-v1'],
    summary: 'The one-weekend migration pitch, with the Tailspin Retail story.',
    subject: 'Switch schedulers in a weekend',
    link: {
      path: '/customers/tailspin-retail',
      title: 'Tailspin Retail customer story',
      assetId: 'ast-cs-tailspin-retail',
    },
  },
  {
    id: 'ast-email-tco-3',
    title: 'TCO nurture #3: Retire legacy schedulers at your own pace',
    type: 'email',
    url: `${GO}/email/tco-3`,
    campaignIds: [C.nurture],
    messagingIds: ['msg-tco-v2'],
    summary: 'The updated TCO story: run side by side, retire one scheduler at a time.',
    subject: 'Retire legacy schedulers at your own pace',
    link: { path: '/tco-calculator', title: 'TCO calculator', assetId: 'ast-tco-calculator' },
  },
  {
    id: 'ast-email-launch',
    title: 'Launch email: Meet Flow AI Assist',
    type: 'email',
    url: `${GO}/email/flow-ai-launch`,
    campaignIds: [C.launch],
    messagingIds: ['msg-flow-ai-launch'],
    summary: 'Announces Flow AI Assist to prospects and customers.',
    subject: 'Meet Flow AI Assist: describe it, we draft it',
    link: { path: '/product/flow-ai-assist', title: 'Flow AI Assist', assetId: 'ast-flow-ai-page' },
  },
  {
    id: 'ast-email-webinar-invite',
    title: 'Invitation: Ops automation without adding headcount',
    type: 'email',
    url: `${GO}/email/webinar-ops-invite`,
    campaignIds: [C.webinarOps],
    messagingIds: ['msg-ops-automation'],
    summary: 'Invitation to the live webinar with Contoso Freight.',
    subject: 'Live webinar: ops automation without adding headcount',
    link: { path: '/webinars/ops-automation', title: 'Webinar registration' },
  },
  {
    id: 'ast-email-security-invite',
    title: 'Invitation: Security and compliance for automated workflows',
    type: 'email',
    url: `${GO}/email/webinar-security-invite`,
    campaignIds: [C.webinarSecurity],
    messagingIds: ['msg-security-compliance'],
    summary: 'Invitation to the upcoming security webinar.',
    subject: 'Webinar: security and compliance for automated workflows',
    link: {
      path: '/webinars/security-compliance',
      title: 'Security webinar registration',
      assetId: 'ast-security-webinar-page',
    },
  },
  {
    id: 'ast-email-summit-followup',
    title: 'Summit follow-up: Great to meet you at booth B-214',
    type: 'email',
    url: `${GO}/email/summit-followup`,
    campaignIds: [C.summit],
    messagingIds: ['msg-supply-chain-resilience', 'msg-integrations'],
    summary: 'Post-event follow-up with the resilience whitepaper.',
    subject: 'Great to meet you at the Supply Chain Automation Summit',
    link: {
      path: '/resources/resilient-supply-chain.pdf',
      title: 'Resilient supply chain whitepaper',
      assetId: 'ast-wp-supply-chain',
    },
  },
  {
    id: 'ast-email-abm-briefing',
    title: 'ABM email: A 30-day exception-handling pilot plan',
    type: 'email',
    url: `${GO}/email/abm-pilot-plan`,
    campaignIds: [C.abm],
    messagingIds: ['msg-enterprise-logistics'],
    summary: 'Account-personalised pilot proposal sent on behalf of the account executive.',
    subject: 'A 30-day pilot plan for your shipment exceptions',
    link: {
      path: '/decks/enterprise-logistics-briefing',
      title: 'Executive briefing',
      assetId: 'ast-deck-exec-briefing',
    },
  },
];
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

interface Page {
  path: string;
  title: string;
  assetId?: string;
  /** Relative visit weight for most contacts, and for contacts close to buying. */
  weight: number;
  hotWeight: number;
}
const PAGES: Page[] = [
  { path: '/', title: 'Home', weight: 10, hotWeight: 3 },
  { path: '/pricing', title: 'Pricing', assetId: 'ast-pricing-page', weight: 4, hotWeight: 5 },
  { path: '/product', title: 'Product overview', weight: 8, hotWeight: 5 },
  {
    path: '/product/flow-ai-assist',
    title: 'Flow AI Assist',
    assetId: 'ast-flow-ai-page',
    weight: 4,
    hotWeight: 4,
  },
  {
    path: '/integrations',
    title: 'Integrations directory',
    assetId: 'ast-integrations-directory',
    weight: 6,
    hotWeight: 6,
  },
  { path: '/integrations/sap', title: 'SAP connector', weight: 3, hotWeight: 5 },
  { path: '/security', title: 'Security and compliance', weight: 3, hotWeight: 6 },
  { path: '/customers', title: 'Customer stories', weight: 4, hotWeight: 4 },
  {
    path: '/customers/contoso-freight',
    title: 'Contoso Freight customer story',
    assetId: 'ast-cs-contoso-freight',
    weight: 3,
    hotWeight: 4,
  },
  {
    path: '/tco-calculator',
    title: 'TCO calculator',
    assetId: 'ast-tco-calculator',
    weight: 2,
    hotWeight: 5,
  },
  {
    path: '/blog/exception-handling-playbook',
    title: 'Blog: The exception-handling playbook',
    weight: 4,
    hotWeight: 2,
  },
  {
    path: '/blog/retire-cron-jobs',
    title: 'Blog: Retiring cron jobs without a big bang',
    weight: 4,
    hotWeight: 2,
  },
  { path: '/docs/getting-started', title: 'Docs: Getting started', weight: 3, hotWeight: 5 },
  { path: '/enterprise/logistics', title: 'Northwind Flow for logistics', weight: 2, hotWeight: 4 },
  { path: '/careers', title: 'Careers', weight: 1, hotWeight: 0.5 },
];
const PRICING_URL = `${WEB}/pricing`;

// ---------------------------------------------------------------------------------------
// Their side: accounts and people

type Tier = 'hot' | 'warm' | 'normal' | 'cold' | 'none' | 'bounced';
type Marketing = 'marketo' | 'hubspot';
type Participation = 'join' | 'attend' | 'no_show';

interface PersonSpec {
  first: string;
  last: string;
  title: string;
  stage: string;
  tier: Tier;
  /** Touches to aim for; defaults by tier. */
  target?: number;
  consent?: { emailOptOut?: boolean; doNotContact?: boolean };
  /** Campaigns this person is always in (prominent contacts), instead of random ones. */
  campaigns?: Partial<Record<CampaignKey, Participation>>;
  pricingThisWeek?: number;
  demoDaysAgo?: number;
  trialDaysAgo?: number;
  replyToNurture?: boolean;
}

interface CompanySpec {
  key: string;
  name: string;
  domain: string;
  intent: 'High' | 'Medium' | 'Low';
  owner: Rep;
  /** Target account of the ABM campaign: every known contact is a member. */
  abm: boolean;
  marketing: Marketing;
  /** User agent of the company's mail security gateway, which clicks every link first. */
  linkScanner?: string;
  people: PersonSpec[];
}

/** One row of the people table; `extra` scripts the prominent and special contacts. */
function person(
  first: string,
  last: string,
  title: string,
  stage: string,
  tier: Tier,
  extra: Partial<PersonSpec> = {},
): PersonSpec {
  return { first, last, title, stage, tier, ...extra };
}

const COMPANIES: CompanySpec[] = [
  {
    key: 'acme-logistics',
    name: 'Acme Logistics',
    domain: 'acme-logistics.example',
    intent: 'High',
    owner: REPS.jordan,
    abm: true,
    marketing: 'marketo',
    people: [
      person('Dana', 'Whitfield', 'VP Operations', 'opportunity', 'hot', {
        target: 420,
        campaigns: {
          nurture: 'join',
          webinarOps: 'attend',
          launch: 'join',
          abm: 'join',
          summit: 'attend',
          content: 'join',
          webinarSecurity: 'join',
        },
        pricingThisWeek: 3,
        demoDaysAgo: 12,
        trialDaysAgo: 6,
        replyToNurture: true,
      }),
      person('Raj', 'Patel', 'Director of Transportation', 'salesqualifiedlead', 'warm'),
      person('Megan', "O'Connor", 'IT Director', 'marketingqualifiedlead', 'warm'),
      person('Luis', 'Ortega', 'Procurement Manager', 'opportunity', 'normal'),
      person('Hannah', 'Berg', 'Operations Analyst', 'lead', 'normal'),
    ],
  },
  {
    key: 'globex-mfg',
    name: 'Globex Manufacturing',
    domain: 'globex-mfg.example',
    intent: 'High',
    owner: REPS.jordan,
    abm: true,
    marketing: 'marketo',
    people: [
      person('Marcus', 'Chen', 'IT Director', 'salesqualifiedlead', 'hot', {
        target: 280,
        campaigns: {
          nurture: 'join',
          webinarOps: 'attend',
          abm: 'join',
          ads: 'join',
          webinarSecurity: 'join',
        },
        pricingThisWeek: 2,
        trialDaysAgo: 15,
      }),
      person('Sofia', 'Rossi', 'VP Manufacturing Operations', 'marketingqualifiedlead', 'warm'),
      person('Kwame', 'Mensah', 'Plant Systems Manager', 'lead', 'normal'),
      person('Olivia', 'Grant', 'Procurement Manager', 'lead', 'normal'),
      person('Daniel', 'Kim', 'Automation Engineer', 'subscriber', 'cold'),
    ],
  },
  {
    key: 'initech-financial',
    name: 'Initech Financial',
    domain: 'initech-financial.example',
    intent: 'Medium',
    owner: REPS.samira,
    abm: false,
    marketing: 'marketo',
    linkScanner: 'Proofpoint URL Defense',
    people: [
      person('Priya', 'Raman', 'Procurement Manager', 'marketingqualifiedlead', 'hot', {
        target: 220,
        campaigns: { nurture: 'join', content: 'join', launch: 'join', webinarOps: 'no_show' },
        pricingThisWeek: 4,
      }),
      person('Peter', 'Novak', 'CIO', 'salesqualifiedlead', 'warm'),
      person('Grace', 'Liu', 'Head of Shared Services', 'lead', 'normal'),
      person('Omar', 'Farouk', 'IT Security Manager', 'lead', 'normal'),
      person('Chloe', 'Martin', 'Finance Systems Analyst', 'subscriber', 'none'),
    ],
  },
  {
    key: 'umbrella-health',
    name: 'Umbrella Health',
    domain: 'umbrella-health.example',
    intent: 'Medium',
    owner: REPS.chris,
    abm: false,
    marketing: 'marketo',
    people: [
      person('Tomás', 'Álvarez', 'Director of Revenue Operations', 'customer', 'hot', {
        target: 170,
        campaigns: {
          launch: 'join',
          webinarOps: 'attend',
          summit: 'attend',
          webinarSecurity: 'join',
        },
        demoDaysAgo: 20,
      }),
      person('Aisha', 'Bello', 'VP Patient Operations', 'customer', 'warm'),
      person('Ben', 'Carter', 'IT Director', 'customer', 'normal'),
      person('Nina', 'Petrova', 'Procurement Specialist', 'customer', 'normal'),
      person('Sam', 'Walsh', 'Workflow Analyst', 'customer', 'cold'),
    ],
  },
  {
    key: 'stark-retail',
    name: 'Stark Retail Group',
    domain: 'stark-retail.example',
    intent: 'Medium',
    owner: REPS.lena,
    abm: false,
    marketing: 'marketo',
    people: [
      person('Elena', 'Kowalski', 'Head of Supply Chain', 'lead', 'hot', {
        target: 130,
        campaigns: { nurture: 'join', ads: 'join', content: 'join', launch: 'join' },
        pricingThisWeek: 2,
      }),
      person('Jake', 'Morrison', 'VP Store Operations', 'marketingqualifiedlead', 'warm'),
      person('Mei', 'Tanaka', 'IT Director', 'lead', 'normal'),
      person('Victor', 'Nilsson', 'Procurement Manager', 'subscriber', 'normal'),
      person('Laura', 'Schmidt', 'E-commerce Operations Manager', 'lead', 'bounced', {
        campaigns: { launch: 'join', nurture: 'join' },
      }),
    ],
  },
  {
    key: 'wayne-freight',
    name: 'Wayne Freight',
    domain: 'wayne-freight.example',
    intent: 'High',
    owner: REPS.jordan,
    abm: true,
    marketing: 'marketo',
    people: [
      person('James', 'Okafor', 'COO', 'opportunity', 'warm'),
      person('Fatima', 'Al-Sayed', 'Director of Fleet Operations', 'salesqualifiedlead', 'warm'),
      person('Tom', 'Becker', 'IT Director', 'marketingqualifiedlead', 'normal'),
      person('Rosa', 'Delgado', 'Procurement Manager', 'opportunity', 'normal'),
      person('Kevin', 'Brooks', 'Dispatch Manager', 'lead', 'normal'),
    ],
  },
  {
    key: 'cyberdyne-insurance',
    name: 'Cyberdyne Insurance',
    domain: 'cyberdyne-insurance.example',
    intent: 'Low',
    owner: REPS.samira,
    abm: false,
    marketing: 'marketo',
    linkScanner: 'Mimecast URL Protect',
    people: [
      person('Rachel', 'Adler', 'VP Claims Operations', 'marketingqualifiedlead', 'warm'),
      person('Ethan', 'Wright', 'CISO', 'lead', 'normal', { consent: { doNotContact: true } }),
      person('Isabel', 'Costa', 'Procurement Manager', 'lead', 'normal'),
      person('Noah', 'Lindqvist', 'Automation Lead', 'subscriber', 'cold'),
      person('Zoe', 'Adams', 'Business Systems Analyst', 'subscriber', 'normal', {
        consent: { emailOptOut: true },
        campaigns: { nurture: 'join' },
      }),
    ],
  },
  {
    key: 'soylent-foods',
    name: 'Soylent Foods',
    domain: 'soylent-foods.example',
    intent: 'Medium',
    owner: REPS.chris,
    abm: false,
    marketing: 'marketo',
    people: [
      person('Carlos', 'Mendes', 'VP Supply Chain', 'salesqualifiedlead', 'warm'),
      person('Emily', 'Zhang', 'IT Director', 'lead', 'normal'),
      person('Patrick', 'Doyle', 'Procurement Manager', 'marketingqualifiedlead', 'normal'),
      person('Ana', 'Silva', 'Plant Operations Manager', 'lead', 'normal'),
      person('Henry', 'Walker', 'Quality Systems Lead', 'subscriber', 'none'),
    ],
  },
  {
    key: 'hooli-cloud',
    name: 'Hooli Cloud',
    domain: 'hooli-cloud.example',
    intent: 'High',
    owner: REPS.lena,
    abm: false,
    marketing: 'hubspot',
    people: [
      person('Ava', 'Thompson', 'VP Operations', 'marketingqualifiedlead', 'warm'),
      person('Diego', 'Ramirez', 'Director of IT', 'lead', 'normal'),
      person('Yuki', 'Sato', 'Procurement Manager', 'lead', 'normal'),
      person('Liam', 'Murphy', 'Solutions Architect', 'subscriber', 'normal'),
      person('Wei', 'Chen', 'RevOps Manager', 'lead', 'cold'),
    ],
  },
  {
    key: 'vandelay-industries',
    name: 'Vandelay Industries',
    domain: 'vandelay-industries.example',
    intent: 'Low',
    owner: REPS.lena,
    abm: false,
    marketing: 'hubspot',
    people: [
      person('Martin', 'Keller', 'VP Operations', 'lead', 'normal'),
      person('Ingrid', 'Johansson', 'IT Director', 'lead', 'normal'),
      person('Samuel', 'Adeyemi', 'Procurement Manager', 'marketingqualifiedlead', 'warm'),
      person('Julia', 'Hartmann', 'Import Operations Manager', 'subscriber', 'cold'),
      person('Oscar', 'Lindgren', 'Logistics Coordinator', 'subscriber', 'normal'),
    ],
  },
  {
    key: 'tyrell-biotech',
    name: 'Tyrell Biotech',
    domain: 'tyrell-biotech.example',
    intent: 'Medium',
    owner: REPS.chris,
    abm: false,
    marketing: 'marketo',
    people: [
      person('Helena', 'Voss', 'VP Lab Operations', 'salesqualifiedlead', 'warm'),
      person('Arjun', 'Mehta', 'IT Director', 'marketingqualifiedlead', 'warm'),
      person('Claire', 'Dubois', 'Procurement Manager', 'lead', 'normal'),
      person('Felix', 'Wagner', 'Quality Assurance Director', 'lead', 'normal'),
      person('Maya', 'Goldberg', 'Research Operations Analyst', 'subscriber', 'cold'),
    ],
  },
  {
    key: 'massive-dynamic',
    name: 'Massive Dynamic',
    domain: 'massive-dynamic.example',
    intent: 'High',
    owner: REPS.samira,
    abm: false,
    marketing: 'marketo',
    people: [
      person('Nathan', 'Reyes', 'CIO', 'customer', 'warm'),
      person('Lucy', 'Park', 'VP Operations', 'customer', 'warm'),
      person('Ibrahim', 'Diallo', 'Procurement Manager', 'opportunity', 'normal'),
      person('Sophie', 'Laurent', 'Director of IT Operations', 'customer', 'normal'),
      person('Max', 'Weber', 'Automation Engineer', 'lead', 'normal'),
    ],
  },
];

interface TierProfile {
  /** Range of touches to aim for. */
  target: [number, number];
  open: number;
  click: number;
  reply: number;
  /** Chance of joining each campaign when not scripted. */
  join: number;
  leadScore: [number, number];
}
const TIERS: Record<Tier, TierProfile> = {
  hot: { target: [150, 250], open: 0.85, click: 0.55, reply: 0.08, join: 0.8, leadScore: [82, 97] },
  warm: { target: [45, 85], open: 0.6, click: 0.35, reply: 0.03, join: 0.45, leadScore: [55, 80] },
  normal: { target: [10, 30], open: 0.4, click: 0.2, reply: 0.01, join: 0.22, leadScore: [22, 54] },
  cold: { target: [1, 4], open: 0.15, click: 0.05, reply: 0, join: 0.08, leadScore: [3, 21] },
  none: { target: [0, 0], open: 0, click: 0, reply: 0, join: 0, leadScore: [0, 5] },
  bounced: { target: [0, 0], open: 0, click: 0, reply: 0, join: 0, leadScore: [5, 15] },
};

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

/** How each marketing system names the activity (Marketo activity types, HubSpot events). */
const RAW_TYPES: Record<string, Record<Marketing, string>> = {
  'email.sent': { marketo: 'Send Email', hubspot: 'SENT' },
  'email.delivered': { marketo: 'Email Delivered', hubspot: 'DELIVERED' },
  'email.opened': { marketo: 'Open Email', hubspot: 'OPEN' },
  'email.clicked': { marketo: 'Click Email', hubspot: 'CLICK' },
  'email.bounced': { marketo: 'Email Bounced', hubspot: 'BOUNCE' },
  'email.unsubscribed': { marketo: 'Unsubscribe Email', hubspot: 'STATUSCHANGE' },
  'web.page_viewed': { marketo: 'Visit Webpage', hubspot: 'PAGE_VIEW' },
  'form.submitted': { marketo: 'Fill Out Form', hubspot: 'FORM_SUBMISSION' },
  'asset.viewed': { marketo: 'View Content', hubspot: 'CONTENT_VIEW' },
  'asset.downloaded': { marketo: 'Download Content', hubspot: 'FILE_DOWNLOAD' },
  'video.viewed': { marketo: 'Watch Video', hubspot: 'MEDIA_PLAY' },
  'ad.clicked': { marketo: 'Click Ad', hubspot: 'AD_INTERACTION' },
  'social.engaged': { marketo: 'Share Content', hubspot: 'SOCIAL_INTERACTION' },
  'score.changed': { marketo: 'Change Score', hubspot: 'PROPERTY_CHANGE' },
  highlight: { marketo: 'Interesting Moment', hubspot: 'ACTIVITY_HIGHLIGHT' },
};

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
const CAMPAIGN_CHANNEL: Record<string, string> = {
  webinar: 'event',
  event: 'event',
  nurture: 'email',
  email: 'email',
  ads: 'ads',
  content: 'web',
  abm: 'direct',
};

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
const SOCIAL_POSTS = [
  'How Contoso Freight handles exceptions at 3 a.m.',
  'Flow AI Assist is live',
  'Five signs your scheduler is holding you back',
  'Meet us at the Supply Chain Automation Summit',
  'New connectors: Oracle Fusion and Blue Yonder',
];

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

const SCORE_TRIGGERS = new Set([
  'email.clicked',
  'form.submitted',
  'asset.downloaded',
  'event.attended',
  'video.viewed',
  'custom.trial_started',
]);

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
): IngestContact {
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
// Feedback from reps

interface FeedbackSpec {
  email: string;
  kind: FeedbackRequest['kind'];
  daysAgo: number;
  messagingId?: string;
  assetId?: string;
  campaignId?: string;
  text: string;
}
const FEEDBACK: FeedbackSpec[] = [
  {
    email: 'dana.whitfield@acme-logistics.example',
    kind: 'objection',
    daysAgo: 4,
    messagingId: 'msg-tco-v2',
    campaignId: C.nurture,
    text: 'Likes the TCO story, but says per-run pricing gets expensive past ~200 workflows. Asked for an Enterprise tier quote with a run cap.',
  },
  {
    email: 'dana.whitfield@acme-logistics.example',
    kind: 'content_helpful',
    daysAgo: 9,
    assetId: 'ast-cs-contoso-freight',
    campaignId: C.abm,
    text: 'Forwarded the Contoso Freight case study to her CFO: exactly their exception-handling use case.',
  },
  {
    email: 'dana.whitfield@acme-logistics.example',
    kind: 'note',
    daysAgo: 2,
    text: 'Budget approved for next quarter. Luis Ortega (procurement) will run the security review; send him the security whitepaper.',
  },
  {
    email: 'marcus.chen@globex-mfg.example',
    kind: 'objection',
    daysAgo: 7,
    messagingId: 'msg-integrations',
    campaignId: C.ads,
    text: 'Worried about integration effort with their on-prem SAP ECC. Wants to know how many of their 14 interfaces need custom connector work.',
  },
  {
    email: 'marcus.chen@globex-mfg.example',
    kind: 'content_helpful',
    daysAgo: 5,
    assetId: 'ast-wp-security',
    text: 'The security architecture whitepaper answered most of their vendor questionnaire.',
  },
  {
    email: 'priya.raman@initech-financial.example',
    kind: 'content_not_helpful',
    daysAgo: 11,
    assetId: 'ast-deck-tco-v1',
    campaignId: C.nurture,
    text: "The v1 TCO deck still says 'rip and replace'; procurement read it as a big-bang migration risk.",
  },
  {
    email: 'priya.raman@initech-financial.example',
    kind: 'messaging_missed',
    daysAgo: 11,
    messagingId: 'msg-tco-v1',
    campaignId: C.nurture,
    text: "'Pays for itself within one quarter' raised flags: she asked for evidence we could not give.",
  },
  {
    email: 'tomas.alvarez@umbrella-health.example',
    kind: 'messaging_landed',
    daysAgo: 15,
    messagingId: 'msg-ops-automation',
    campaignId: C.webinarOps,
    text: "'Automation without adding headcount' resonated: they have a hiring freeze in revenue operations.",
  },
  {
    email: 'elena.kowalski@stark-retail.example',
    kind: 'objection',
    daysAgo: 3,
    messagingId: 'msg-flow-ai-launch',
    campaignId: C.launch,
    text: 'Asked whether Flow AI Assist sends their data to third-party LLM providers. Needs a security review before any trial.',
  },
  {
    email: 'raj.patel@acme-logistics.example',
    kind: 'messaging_landed',
    daysAgo: 13,
    messagingId: 'msg-enterprise-logistics',
    campaignId: C.abm,
    text: 'The dispatch-exception example landed; he wants a workshop with the transportation team.',
  },
  {
    email: 'peter.novak@initech-financial.example',
    kind: 'objection',
    daysAgo: 19,
    messagingId: 'msg-roi-proof',
    text: 'Price: compared us with a low-cost RPA tool at half our list price. Needs the ROI worksheet filled in with their numbers.',
  },
  {
    email: 'jake.morrison@stark-retail.example',
    kind: 'content_not_helpful',
    daysAgo: 24,
    assetId: 'ast-ebook-buyers-guide',
    campaignId: C.content,
    text: "The buyer's guide is too generic for retail; he asked for a store-operations example.",
  },
  {
    email: 'carlos.mendes@soylent-foods.example',
    kind: 'messaging_missed',
    daysAgo: 17,
    messagingId: 'msg-supply-chain-resilience',
    campaignId: C.summit,
    text: 'The resilience message felt generic; what they care about is onboarding new suppliers faster.',
  },
];

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
  const events: IngestEvent[] = [];
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
      const toEvent = (d: Draft & { id: string }): IngestEvent => {
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

      const scores: Score[] = [
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

  const campaigns: Campaign[] = CAMPAIGNS.map((c) => ({
    id: c.id,
    name: c.name,
    type: c.type,
    status: c.status,
    url: c.url,
    messagingIds: [...c.messagingIds],
    startsAt: isoDays(c.startDaysAgo),
    endsAt: isoDays(c.endDaysAgo),
  }));

  const messaging: Messaging[] = MESSAGING.map((m) => ({
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

  const assets: Asset[] = ASSETS.map((a) => ({
    id: a.id,
    title: a.title,
    type: a.type,
    url: a.url,
    campaignIds: [...a.campaignIds],
    messagingIds: [...a.messagingIds],
    summary: a.summary,
  }));

  const feedback: FeedbackRequest[] = FEEDBACK.map((f, i) => {
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
