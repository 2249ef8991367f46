/** Demo data: what reps told marketing about the demo contacts. */
import type { FeedbackRequest } from '../../../utils/contract/schemas';
import { C } from './vendor';

interface FeedbackSpec {
  email: string;
  kind: FeedbackRequest['kind'];
  daysAgo: number;
  messagingId?: string;
  assetId?: string;
  campaignId?: string;
  text: string;
}
export const FEEDBACK: FeedbackSpec[] = [
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
