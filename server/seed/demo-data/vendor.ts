/**
 * Demo data, our side: the fictional vendor "Northwind Flow" (a workflow-automation
 * platform) — its reps, campaigns, messaging, assets and web pages. Times are days before
 * the generator's `now`; `../demo.ts` turns these tables into a dataset.
 */
/** Every demo timestamp that is not a planned date lies within this many days before `now`. */
export const DEMO_WINDOW_DAYS = 120;

export const DEMO_VENDOR_DOMAIN = 'northwind-flow.example';
export const WEB = `https://www.${DEMO_VENDOR_DOMAIN}`;
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

export interface Rep {
  name: string;
  email: string;
}
export const REPS = {
  jordan: { name: 'Jordan Blake', email: `jordan.blake@${DEMO_VENDOR_DOMAIN}` },
  samira: { name: 'Samira Haddad', email: `samira.haddad@${DEMO_VENDOR_DOMAIN}` },
  chris: { name: 'Chris Nakamura', email: `chris.nakamura@${DEMO_VENDOR_DOMAIN}` },
  lena: { name: 'Lena Fischer', email: `lena.fischer@${DEMO_VENDOR_DOMAIN}` },
} satisfies Record<string, Rep>;

export const C = {
  webinarOps: 'cmp-webinar-ops-automation',
  nurture: 'cmp-nurture-tco',
  launch: 'cmp-launch-flow-ai',
  abm: 'cmp-abm-enterprise-logistics',
  summit: 'cmp-event-supply-chain-summit',
  ads: 'cmp-ads-integrations',
  content: 'cmp-content-roi-guide',
  webinarSecurity: 'cmp-webinar-security',
} as const;
export type CampaignKey = keyof typeof C;

/** Times in days before `now`; negative means in the future. */
export interface CampaignSpec {
  id: string;
  name: string;
  type: string;
  status: 'planned' | 'active' | 'completed';
  url: string;
  startDaysAgo: number;
  endDaysAgo: number;
  messagingIds: string[];
}
export const WEBINAR_OPS_DAYS_AGO = 52;
export const SUMMIT_DAYS_AGO = 21;
export const CAMPAIGNS: CampaignSpec[] = [
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
export interface MessagingSpec {
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
export const MESSAGING: MessagingSpec[] = [
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
export interface AssetSpec {
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
export const ASSETS: AssetSpec[] = [
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

export interface Page {
  path: string;
  title: string;
  assetId?: string;
  /** Relative visit weight for most contacts, and for contacts close to buying. */
  weight: number;
  hotWeight: number;
}
export const PAGES: Page[] = [
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
export const PRICING_URL = `${WEB}/pricing`;
