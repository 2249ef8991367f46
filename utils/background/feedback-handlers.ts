/**
 * The background's answers to `utils/messaging/feedback-protocol.ts` (issue 7), for extension
 * pages only, and the start of feedback delivery (the queue is sent on every worker start).
 */
import { describeZodError } from '../api/errors';
import { FeedbackRequest, MAX_FEEDBACK_TEXT } from '../api/schemas';
import type { FeedbackDraft, PendingFeedback } from '../messaging/feedback-protocol';
import { onMessage } from '../messaging/protocol';
import { loadEffectiveSettings } from '../settings/settings-store';
import { feedbackDestination, feedbackQueue, startFeedbackDelivery } from './feedback-delivery';
import { describeQueuedFeedback } from './feedback-queue';
import { fromExtensionPage } from './sender';

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

/**
 * The contract's request for a draft: a new client id, the time, and the rep (the first own
 * address in the identity settings, when there is one). Throws a message naming the field.
 */
export async function feedbackRequestOf(
  draft: FeedbackDraft,
  now = new Date(),
): Promise<FeedbackRequest> {
  const problem = draftProblem(draft);
  if (problem) throw new Error(`Feedback not queued: ${problem}.`);
  const { identity } = await loadEffectiveSettings();
  const repEmail = identity.ownEmails[0];
  const text = draft.text?.trim();
  const parsed = FeedbackRequest.safeParse({
    id: crypto.randomUUID(),
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
  return parsed.data;
}

function refuseOthers(sender: { url?: string }): void {
  if (!fromExtensionPage(sender)) {
    throw new Error('Only the extension’s own pages can send or manage feedback.');
  }
}

/** Registers the background's answers to the messages of `utils/messaging/feedback-protocol.ts`. */
export function registerFeedbackHandlers(): void {
  onMessage('sendFeedback', async ({ data, sender }): Promise<PendingFeedback> => {
    refuseOthers(sender);
    const queue = feedbackQueue();
    const item = await queue.enqueue(await feedbackRequestOf(data));
    return describeQueuedFeedback(item, Date.now());
  });
  onMessage('undoFeedback', async ({ data, sender }) => {
    refuseOthers(sender);
    return feedbackQueue().undo(data.id);
  });
  onMessage('listPendingFeedback', async ({ sender }) => {
    refuseOthers(sender);
    return feedbackQueue().list();
  });
  onMessage('retryFeedback', async ({ data, sender }) => {
    refuseOthers(sender);
    const queue = feedbackQueue();
    await queue.retry(data.id);
    return queue.list();
  });
  onMessage('discardFeedback', async ({ data, sender }) => {
    refuseOthers(sender);
    return feedbackQueue().discard(data.id);
  });
  onMessage('getFeedbackDestination', async ({ sender }) => {
    refuseOthers(sender);
    return feedbackDestination();
  });
  startFeedbackDelivery();
}
