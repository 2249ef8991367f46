/**
 * Where a page's own content is, and what is chrome around it (navigation, banners, footers,
 * sidebars: never the contact). Landmarks first, so it works on pages we have no selectors for.
 */
import { isHiddenByMarkupOrCss } from './visibility';

/** Where the page's own content lives; the first visible match(es) win, else `<body>`. */
const MAIN_CONTENT = 'main, [role="main"]';
/** Second choice when there is no main landmark (blog posts, profile pages). */
export const ARTICLE_CONTENT = 'article, [role="article"]';
/** Page chrome: site navigation, banners, footers, sidebars. Never the contact. */
const PAGE_CHROME =
  'header, nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"], [role="complementary"]';
/** Chrome that can sit inside `main` too (a section nav, a landmark-labelled footer). */
const CHROME_IN_MAIN = 'nav, [role="navigation"], [role="banner"], [role="contentinfo"]';
/** Landmarks looked at per selector, at most. */
const MAX_ROOTS_SCANNED = 50;

/** Visible elements matching `selector`, outermost only (a `main` inside a `main` is one). */
function visibleRoots(document: Document, selector: string): Element[] {
  const roots: Element[] = [];
  for (const element of Array.from(document.querySelectorAll(selector)).slice(
    0,
    MAX_ROOTS_SCANNED,
  )) {
    if (roots.some((root) => root.contains(element)) || isHiddenByMarkupOrCss(element)) continue;
    roots.push(element);
  }
  return roots;
}

/**
 * The page's content regions and what counts as chrome inside them: visible `main` landmarks,
 * else articles, else `<body>` minus header, nav, footer and aside.
 */
export function contentRegions(document: Document): { roots: Element[]; chrome: string } {
  const main = visibleRoots(document, MAIN_CONTENT);
  if (main.length) return { roots: main, chrome: CHROME_IN_MAIN };
  const articles = visibleRoots(document, ARTICLE_CONTENT);
  if (articles.length) return { roots: articles, chrome: CHROME_IN_MAIN };
  return { roots: document.body ? [document.body] : [], chrome: PAGE_CHROME };
}
