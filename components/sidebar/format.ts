import type { ContactRole, DetectedContact } from '../../utils/sites/types';

/** "Why this contact": what the page showed the address as. */
export const ROLE_LABELS: Record<ContactRole, string> = {
  sender: 'sender of the latest message',
  recipient: 'recipient',
  cc: 'cc',
  compose: 'recipient of your draft',
  record: 'record email',
  link: 'link on the page',
};

/** "Why this contact": what the page showed the address as, and whether it is the primary. */
export function whyThisContact(contacts: DetectedContact[], email: string): string | undefined {
  const contact = contacts.find((c) => c.email === email);
  if (!contact) return undefined;
  const primary = email === contacts[0]?.email ? ' (primary)' : '';
  return `Why this contact: ${ROLE_LABELS[contact.role]}${primary}.`;
}

const TYPE_LABELS: Record<string, string> = {
  'email.sent': 'Email sent',
  'email.delivered': 'Email delivered',
  'email.opened': 'Email opened',
  'email.clicked': 'Email link clicked',
  'email.replied': 'Email replied',
  'email.bounced': 'Email bounced',
  'email.unsubscribed': 'Unsubscribed',
  'web.page_viewed': 'Page viewed',
  'form.submitted': 'Form submitted',
  'asset.viewed': 'Content viewed',
  'asset.downloaded': 'Content downloaded',
  'video.viewed': 'Video viewed',
  'event.registered': 'Event registration',
  'event.attended': 'Event attended',
  'event.no_show': 'Event no-show',
  'ad.clicked': 'Ad clicked',
  'social.engaged': 'Social engagement',
  'campaign.joined': 'Joined campaign',
  'score.changed': 'Score changed',
  highlight: 'Highlight',
};

/** A label for an engagement type; unknown (newer or custom) types show as sent. */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

/** Only http(s) URLs become links: a backend must not hand the page `javascript:`. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** "just now", "12 min", "3 h", "2 days". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function formatDate(iso: string | undefined): string | undefined {
  return iso ? new Date(iso).toLocaleDateString() : undefined;
}
