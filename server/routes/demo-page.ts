import { Hono } from 'hono';
import type { AppEnv } from '../middleware';
import { DEMO_PROMINENT_CONTACTS } from '../seed/demo';
import type { Store, StoredContact } from '../store/types';

const INBOX_SIZE = 6;

/** Escapes text for HTML element content and quoted attribute values. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The demo seed's chosen contacts, else (other data) the contacts with the most engagements. */
async function inboxContacts(store: Store): Promise<StoredContact[]> {
  const chosen: StoredContact[] = [];
  for (const email of DEMO_PROMINENT_CONTACTS.slice(0, INBOX_SIZE)) {
    const [contact] = await store.findContacts({ email: email.trim().toLowerCase() });
    if (contact) chosen.push(contact);
  }
  return chosen.length > 0 ? chosen : store.listBusiestContacts(INBOX_SIZE);
}

/** A contact as a `mailto:` link with their name, escaped. */
function mailtoLink(contact: StoredContact): string {
  const href = escapeHtml(`mailto:${encodeURIComponent(contact.email).replace('%40', '@')}`);
  return `<a href="${href}">${escapeHtml(contact.name ?? contact.email)}</a>`;
}

function renderDemoPage(contacts: StoredContact[]): string {
  const open = contacts[0];
  // A second person on the open message, so the sidebar has someone to switch to.
  const cc = contacts[1];
  const rows = contacts
    .map((contact, index) => {
      const company = escapeHtml(contact.company?.name ?? '');
      return `<li class="${index === 0 ? 'row open' : 'row'}">${mailtoLink(contact)} <span class="email">&lt;${escapeHtml(contact.email)}&gt;</span> <span class="company">${company}</span><span class="subject">Re: next steps</span></li>`;
    })
    .join('\n');
  const message = open
    ? `<article class="message"><h2>Re: next steps</h2>
<p class="from">From: ${mailtoLink(open)} &lt;${escapeHtml(open.email)}&gt;</p>
<p class="to">To: you</p>${cc ? `\n<p class="cc">Cc: ${mailtoLink(cc)} &lt;${escapeHtml(cc.email)}&gt;</p>` : ''}
<p>Hi, thanks for the material you sent. Could we find time next week to go through pricing and rollout?</p>
<p>Best,<br>${escapeHtml(open.name ?? open.email)}</p></article>`
    : '<article class="message"><p>No contacts yet. Start the server with <code>--seed demo</code> or send events to POST /v1/events.</p></article>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Touchpoint demo inbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:22rem 1fr;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/3;padding:.6rem 1rem;background:#1f3a5f;color:#fff}
ul{list-style:none;margin:0;padding:0;border-right:1px solid #ddd;overflow:auto}
.row{padding:.7rem 1rem;border-bottom:1px solid #eee}.row.open{background:#eef4fb}
.email,.company{color:#666;font-size:.85em}.subject{display:block;font-size:.9em}
.message{padding:1rem 2rem}
</style></head>
<body><header>Touchpoint demo inbox — hover or open a sender to see their marketing context</header>
<ul class="inbox">
${rows}
</ul>
${message}
</body></html>`;
}

/** `GET /demo`: not part of the Context API, so not in its route table. */
export function demoPage({ store }: { store: Store }): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/demo', async (c) => {
    // The page needs no script at all: forbid it, so even a missed escape cannot run code.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(renderDemoPage(await inboxContacts(store)));
  });
}
