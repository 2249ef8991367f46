import type { Hono } from 'hono';
import { z } from 'zod';
import { DateTime, FeedbackRequest, type FeedbackList } from '../../utils/contract/schemas';
import { ApiError, parseOrThrow } from '../api-error';
import { readJsonBody, type AppEnv, type RouteDeps } from '../app';
import { decodeFeedbackCursor, encodeFeedbackCursor } from '../cursor';
import type { RateLimiter } from '../rate-limit';

const FeedbackQuery = z.looseObject({
  messagingId: z.string().optional(),
  assetId: z.string().optional(),
  campaignId: z.string().optional(),
  since: DateTime.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function registerFeedbackRoutes(
  app: Hono<AppEnv>,
  { store, requireScope, feedbackLimiter }: RouteDeps & { feedbackLimiter: RateLimiter },
): void {
  // Reps' extensions hold read keys, so feedback is accepted from read scope (the contract).
  app.post('/v1/feedback', requireScope('read'), async (c) => {
    // Per key, like the general limit, but tighter: feedback is stored for good.
    const retryAfter = feedbackLimiter.take(c.get('grant')?.keyId ?? '');
    if (retryAfter > 0) {
      throw new ApiError(
        'rate_limited',
        `Too much feedback from this key; retry in ${retryAfter} s.`,
        undefined,
        { 'Retry-After': String(retryAfter) },
      );
    }
    const feedback = parseOrThrow(FeedbackRequest, await readJsonBody(c), 'feedback');
    const matches = await store.findContacts(feedback.contact);
    const contactId = matches.length === 1 && matches[0] ? matches[0].id : null;
    const { created } = await store.addFeedback(feedback, contactId, new Date().toISOString());
    return c.json({ id: feedback.id }, created ? 201 : 200);
  });

  app.get('/v1/feedback', requireScope('read'), async (c) => {
    const query = parseOrThrow(FeedbackQuery, c.req.query(), 'query');
    const page = await store.listFeedback({
      messagingId: query.messagingId,
      assetId: query.assetId,
      campaignId: query.campaignId,
      sinceMs: query.since === undefined ? undefined : Date.parse(query.since),
      before: query.cursor === undefined ? undefined : decodeFeedbackCursor(query.cursor),
      limit: query.limit,
    });
    const body: FeedbackList = {
      feedback: page.feedback,
      nextCursor: page.next ? encodeFeedbackCursor(page.next) : null,
      summary: page.summary,
    };
    return c.json(body);
  });
}
