/**
 * Contract limits that pages need without the schemas: importing anything from schemas.ts
 * brings zod into the page's bundle (its schemas are built when the module loads). Also the
 * reference server's documented defaults, which the OpenAPI document states.
 */

/** Longest feedback text (context-api.md, "Feedback from sales to marketing"). */
export const MAX_FEEDBACK_TEXT = 2000;

/** Largest request body of the reference server by default (1 MiB; larger gets 413). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** `GET /v1/feedback` page size: default and most per page. */
export const FEEDBACK_PAGE_DEFAULT = 50;
export const FEEDBACK_PAGE_MAX = 200;

/** A lookup's `highlights`: the most recent this many (reference server). */
export const MAX_LOOKUP_HIGHLIGHTS = 10;
/** A lookup's `assets`: the most recently touched this many (a busy contact touches hundreds). */
export const MAX_LOOKUP_ASSETS = 50;
