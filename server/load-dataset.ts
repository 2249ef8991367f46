import type { Dataset } from './seed/dataset';
import type { Store } from './store/types';

/**
 * Events per store call (one transaction each). Measured at 600k events: 200k per transaction
 * writes a third of the bytes of 20k and loads 1.6x faster (index pages are rewritten less).
 * A transaction blocks the event loop, so this is for seeding, not for a serving server.
 */
const EVENTS_PER_TRANSACTION = 200_000;

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Writes a seed through the store interface (seeds never touch SQL), in large transactions.
 * Seeds are our own code, so objects are trusted as typed; emails are still normalised so
 * lookups match. Loading the same dataset twice adds no duplicate events.
 */
export async function loadDataset(store: Store, dataset: Dataset): Promise<void> {
  await store.upsertMessaging(dataset.messaging);
  await store.upsertAssets(dataset.assets);
  await store.upsertCampaigns(dataset.campaigns);
  await store.upsertContacts(
    dataset.contacts.map((contact) => ({ ...contact, email: normaliseEmail(contact.email) })),
    'merge',
  );
  await store.upsertMemberships(
    dataset.memberships.map((membership) => ({
      ...membership,
      email: normaliseEmail(membership.email),
    })),
  );
  for (let start = 0; start < dataset.events.length; start += EVENTS_PER_TRANSACTION) {
    const chunk = dataset.events.slice(start, start + EVENTS_PER_TRANSACTION).map((event) => ({
      ...event,
      contact: { ...event.contact, email: normaliseEmail(event.contact.email) },
    }));
    await store.ingestEvents(chunk);
  }
  const receivedAt = new Date().toISOString();
  for (const feedback of dataset.feedback ?? []) {
    const [contact] = await store.findContacts(feedback.contact);
    await store.addFeedback(feedback, contact?.id ?? null, feedback.occurredAt ?? receivedAt);
  }
}
