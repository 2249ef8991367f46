/**
 * Which backend collects feedback (issue 7): only one that lists the `feedback` feature.
 * The admin's pick (`backends.feedbackBackendId`) when it is enabled; else the first enabled
 * backend that lists the feature. A backend that cannot be asked (down, bad key) is not
 * skipped for the next one: the feedback would land at another backend than usual, so it
 * waits instead.
 *
 * Pure apart from the injected `support` (the feedback client in the extension).
 */
import { sha256Hex } from '../api/context-client';
import type { FeedbackSupport } from '../api/feedback-client';
import type { FeedbackRequest } from '../api/schemas';
import type { BackendConfig, BackendSettings } from '../settings/schema';
import type { FeedbackTarget } from './feedback-queue';

export type FeedbackSupportCheck = (backend: BackendConfig) => Promise<FeedbackSupport>;

/**
 * The backend to send to, and the body it gets: with hashed lookups on, the contact goes as
 * `emailSha256` (and only to a backend announcing it), as lookups do.
 */
export async function chooseFeedbackTarget(
  settings: BackendSettings,
  options: { hashedLookups: boolean; support: FeedbackSupportCheck },
): Promise<FeedbackTarget> {
  const enabled = settings.backends.filter((backend) => backend.enabled && backend.baseUrl);
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

async function hashContact(feedback: FeedbackRequest): Promise<FeedbackRequest> {
  const { email } = feedback.contact;
  if (email === undefined) return feedback;
  return { ...feedback, contact: { emailSha256: await sha256Hex(email) } };
}
