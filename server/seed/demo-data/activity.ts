/** Demo data: the vocabulary of the activity the generator writes. */
import type { Marketing } from './accounts';

/** How each marketing system names the activity (Marketo activity types, HubSpot events). */
export const RAW_TYPES: Record<string, Record<Marketing, string>> = {
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

export const CAMPAIGN_CHANNEL: Record<string, string> = {
  webinar: 'event',
  event: 'event',
  nurture: 'email',
  email: 'email',
  ads: 'ads',
  content: 'web',
  abm: 'direct',
};

export const SOCIAL_POSTS = [
  'How Contoso Freight handles exceptions at 3 a.m.',
  'Flow AI Assist is live',
  'Five signs your scheduler is holding you back',
  'Meet us at the Supply Chain Automation Summit',
  'New connectors: Oracle Fusion and Blue Yonder',
];

export const SCORE_TRIGGERS = new Set([
  'email.clicked',
  'form.submitted',
  'asset.downloaded',
  'event.attended',
  'video.viewed',
  'custom.trial_started',
]);
