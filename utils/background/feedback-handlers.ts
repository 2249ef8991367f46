/**
 * The background's answers to `utils/protocol/feedback-protocol.ts`, for extension
 * pages only, and the start of feedback delivery (the queue is sent on every worker start).
 */
import { sha256Hex } from '../backend-client/context-client';
import { describeZodError } from '../contract/errors';
import { FeedbackRequest, MAX_FEEDBACK_TEXT } from '../contract/schemas';
import type { FeedbackDraft, PendingFeedback } from '../protocol/feedback-protocol';
import { loadEffectiveSettings } from '../settings/settings-store';
import { feedbackDestination, feedbackQueue, startFeedbackDelivery } from './feedback-delivery';
import { describeQueuedFeedback } from './feedback-queue';
import { onPageMessage } from './door';

/** What each kind must link or say; the contract leaves it open, a useful item does not. */
function draftProblem(draft: FeedbackDraft): string | undefined {
  switch (draft.kind) {
    case 'messaging_landed':
    case 'messaging_missed':
      return draft.messagingId ? undefined : `messagingId is required for ${draft.kind}`;
    case 'content_helpful':
    case 'content_not_helpful':
      return draft.assetId ? undefined : `assetId is required for ${draft.kind}`;
    case 'objection':
    case 'note':
      return draft.text?.trim() ? undefined : `text is required for ${draft.kind}`;
    default:
      return undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The contract's request for a draft: the sidebar's client id (a UUID, made once per press)
 * or a new one, the time, and the rep (the first own address in the identity settings, when
 * there is one). With hashed lookups on, the contact is only its sha256: the queue is on
 * disk until sent, and must not hold the address the rep chose not to send. Throws a message
 * naming the field.
 */
export async function feedbackRequestOf(
  draft: FeedbackDraft,
  now = new Date(),
): Promise<FeedbackRequest> {
  if (draft.id !== undefined && (typeof draft.id !== 'string' || !UUID.test(draft.id))) {
    throw new Error(
      `Feedback not queued: its id must be a UUID (crypto.randomUUID()), not ${JSON.stringify(draft.id)}.`,
    );
  }
  const problem = draftProblem(draft);
  if (problem) throw new Error(`Feedback not queued: ${problem}.`);
  const { identity, privacy } = await loadEffectiveSettings();
  const repEmail = identity.ownEmails[0];
  const text = draft.text?.trim();
  const parsed = FeedbackRequest.safeParse({
    id: draft.id?.toLowerCase() ?? crypto.randomUUID(),
    contact: { email: draft.email },
    kind: draft.kind,
    ...(draft.messagingId ? { messagingId: draft.messagingId } : {}),
    ...(draft.assetId ? { assetId: draft.assetId } : {}),
    ...(draft.campaignId ? { campaignId: draft.campaignId } : {}),
    ...(text ? { text } : {}),
    occurredAt: now.toISOString(),
    ...(repEmail ? { rep: { email: repEmail } } : {}),
  });
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((issue) => issue.path[0] === 'text');
    throw new Error(
      tooLong
        ? `Feedback not queued: the text is longer than ${MAX_FEEDBACK_TEXT} characters; shorten it.`
        : `Feedback not queued: ${describeZodError(parsed.error)}.`,
    );
  }
  const request = parsed.data;
  const { email } = request.contact;
  if (!privacy.hashedLookups || email === undefined) return request;
  return { ...request, contact: { emailSha256: await sha256Hex(email) } };
}

export function registerFeedbackHandlers(): void {
  onPageMessage('sendFeedback', async (data): Promise<PendingFeedback> => {
    const item = await feedbackQueue().enqueue(await feedbackRequestOf(data));
    return describeQueuedFeedback(item, Date.now());
  });
  onPageMessage('undoFeedback', (data) => feedbackQueue().undo(data.id));
  onPageMessage('listPendingFeedback', () => feedbackQueue().list());
  onPageMessage('retryFeedback', async (data) => {
    const queue = feedbackQueue();
    await queue.retry(data.id);
    return queue.list();
  });
  onPageMessage('discardFeedback', (data) => feedbackQueue().discard(data.id));
  onPageMessage('getFeedbackDestination', () => feedbackDestination());
  startFeedbackDelivery();
}
