import { Hono } from 'hono';
import { ROUTES } from '../../utils/contract/routes';
import type { FeedbackList } from '../../utils/contract/schemas';
import { decodeFeedbackCursor, encodeFeedbackCursor } from '../cursor';
import { takeOrRefuse, type AppEnv } from '../middleware';
import type { RateLimiter } from '../rate-limit';
import { onRoute, readBody, readQuery, type RouteDeps } from './on-route';

/** Reps' feedback to marketing: append-only posts and the list with its summary. */
export function feedbackRoutes({
  store,
  guard,
  feedbackLimiter,
}: RouteDeps & { feedbackLimiter: RateLimiter }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Reps' extensions hold read keys, so feedback is accepted from read scope (the contract).
  onRoute(app, ROUTES.createFeedback, guard, async (c) => {
    // Per key, like the general limit, but tighter: feedback is stored for good.
    takeOrRefuse(feedbackLimiter, c.get('grant')?.keyId ?? '', 'Too much feedback from this key');
    const feedback = await readBody(c, ROUTES.createFeedback);
    const matches = await store.findContacts(feedback.contact);
    const contactId = matches.length === 1 && matches[0] ? matches[0].id : null;
    const { created } = await store.addFeedback(feedback, contactId, new Date().toISOString());
    return c.json({ id: feedback.id }, created ? 201 : 200);
  });

  onRoute(app, ROUTES.listFeedback, guard, async (c) => {
    const query = readQuery(c, ROUTES.listFeedback);
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

  return app;
}
