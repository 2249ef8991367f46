/**
 * Demo data, their side: the prospect and customer accounts, their people (with each
 * person's tier of activity and scripted moments) and what each tier means in touches.
 */
import { REPS, type CampaignKey, type Rep } from './vendor';

export type Tier = 'hot' | 'warm' | 'normal' | 'cold' | 'none' | 'bounced';
export type Marketing = 'marketo' | 'hubspot';
export type Participation = 'join' | 'attend' | 'no_show';

export interface PersonSpec {
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

export interface CompanySpec {
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

export const COMPANIES: CompanySpec[] = [
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

export interface TierProfile {
  /** Range of touches to aim for. */
  target: [number, number];
  open: number;
  click: number;
  reply: number;
  /** Chance of joining each campaign when not scripted. */
  join: number;
  leadScore: [number, number];
}
export const TIERS: Record<Tier, TierProfile> = {
  hot: { target: [150, 250], open: 0.85, click: 0.55, reply: 0.08, join: 0.8, leadScore: [82, 97] },
  warm: { target: [45, 85], open: 0.6, click: 0.35, reply: 0.03, join: 0.45, leadScore: [55, 80] },
  normal: { target: [10, 30], open: 0.4, click: 0.2, reply: 0.01, join: 0.22, leadScore: [22, 54] },
  cold: { target: [1, 4], open: 0.15, click: 0.05, reply: 0, join: 0.08, leadScore: [3, 21] },
  none: { target: [0, 0], open: 0, click: 0, reply: 0, join: 0, leadScore: [0, 5] },
  bounced: { target: [0, 0], open: 0, click: 0, reply: 0, join: 0, leadScore: [5, 15] },
};
