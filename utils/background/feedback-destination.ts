/**
 * Which backend collects feedback: only one that lists the `feedback` feature.
 * The admin's pick (`backends.feedbackBackendId`) when it is enabled; else the first enabled
 * backend that lists the feature. A backend that cannot be asked (down, bad key) is not
 * skipped for the next one: the feedback would land at another backend than usual, so it
 * waits instead.
 *
 * An item already sent once (its answer lost) asks for its own backend by id
 * (`options.backendId`): that one, or none. If it is gone, the answer says so (`gone`) and
 * the queue leaves the choice to the rep rather than storing the item at a second backend.
 *
 * Pure apart from the injected `support` (the feedback client in the extension).
 */
import { sha256Hex } from '../backend-client/context-client';
import type { FeedbackSupport } from '../backend-client/feedback-client';
import type { FeedbackRequest } from '../contract/schemas';
import type { BackendConfig, BackendSettings } from '../settings/schema';
import type { FeedbackTarget } from './feedback-queue';

export type FeedbackSupportCheck = (backend: BackendConfig) => Promise<FeedbackSupport>;

/**
 * The backend to send to, and the body it gets: with hashed lookups on, the contact goes as
 * `emailSha256` (and only to a backend announcing it), as lookups do. With `backendId`, only
 * that backend.
 */
export async function chooseFeedbackTarget(
  settings: BackendSettings,
  options: { hashedLookups: boolean; support: FeedbackSupportCheck; backendId?: string },
): Promise<FeedbackTarget> {
  const enabled = settings.backends.filter((backend) => backend.enabled && backend.baseUrl);
  if (options.backendId !== undefined) return pinnedTarget(settings, enabled, options);
  if (enabled.length === 0) {
    return {
      message:
        'No backend is configured, so feedback waits here. Ask your admin to add one in the options.',
    };
  }
  const picked = enabled.find((backend) => backend.id === settings.feedbackBackendId);
  const unsupported: string[] = [];
  for (const backend of picked ? [picked] : enabled) {
    const support = await options.support(backend);
    if (support.state === 'unknown') {
      return { message: `${support.message} Feedback waits until ${backend.name} answers.` };
    }
    if (support.state === 'unsupported') {
      unsupported.push(support.message);
      continue;
    }
    if (!options.hashedLookups) return { backend };
    if (!support.features.includes('emailSha256')) {
      return {
        message: `Hashed lookups are on, but ${backend.name} does not announce emailSha256, so feedback (which names the contact) waits. Ask its admin to support hashed lookups, or turn them off in the options.`,
      };
    }
    return { backend, prepare: hashContact };
  }
  return {
    message: picked
      ? `${unsupported.join(' ')} Your admin chose it to collect feedback; until it does, feedback waits here.`
      : `No enabled backend collects feedback (none lists the "feedback" feature), so it waits here. ${unsupported.join(' ')}`.trim(),
  };
}

function goneMessage(name: string, why: string): string {
  return `Sent to ${name} before, but its answer was lost, so ${name} may already have it; ${why}. It is not sent to another backend on its own: Retry sends it to the backend that collects feedback now (it may then be stored at both), or discard it.`;
}

/** The backend an item went to before, or why it cannot go there again. */
async function pinnedTarget(
  settings: BackendSettings,
  enabled: BackendConfig[],
  options: { hashedLookups: boolean; support: FeedbackSupportCheck; backendId?: string },
): Promise<FeedbackTarget> {
  const backend = enabled.find((b) => b.id === options.backendId);
  if (!backend) {
    const known = settings.backends.find((b) => b.id === options.backendId);
    return {
      gone: true,
      message: known
        ? goneMessage(known.name, `${known.name} is switched off in the options`)
        : goneMessage(`backend "${options.backendId}"`, 'it was removed from the options'),
    };
  }
  const support = await options.support(backend);
  if (support.state === 'unknown') {
    return { message: `${support.message} Feedback waits until ${backend.name} answers.` };
  }
  if (support.state === 'unsupported') {
    return { gone: true, message: goneMessage(backend.name, 'it no longer collects feedback') };
  }
  if (!options.hashedLookups) return { backend };
  if (!support.features.includes('emailSha256')) {
    return {
      message: `Hashed lookups are on, but ${backend.name} does not announce emailSha256, so feedback (which names the contact) waits. Ask its admin to support hashed lookups, or turn them off in the options.`,
    };
  }
  return { backend, prepare: hashContact };
}

/** Items queued before hashed lookups were turned on still hold the address; not sent so. */
async function hashContact(feedback: FeedbackRequest): Promise<FeedbackRequest> {
  const { email } = feedback.contact;
  if (email === undefined) return feedback;
  return { ...feedback, contact: { emailSha256: await sha256Hex(email) } };
}
