/**
 * Contract limits that pages need without the schemas: importing anything from schemas.ts
 * brings zod into the page's bundle (its schemas are built when the module loads).
 */

/** Longest feedback text (context-api.md, "Feedback from sales to marketing"). */
export const MAX_FEEDBACK_TEXT = 2000;
