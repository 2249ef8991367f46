/**
 * Draft check: does a rep's draft stay on message? Runs locally (content script or
 * background); the draft never leaves the browser. Matching rules: `normalize.ts` (words,
 * inflections) and `matcher.ts` (phrases to avoid, covered claims).
 *
 * Which messaging counts for what, at `now`:
 * - current entries (valid now, or without dates) give the covered talking points and the
 *   suggestions;
 * - phrases to avoid come from every entry that has not expired (an expired entry's advice
 *   is superseded by its successor's);
 * - expired entries (validUntil passed) give the outdated claims: their talking points,
 *   statement and proof points, unless current claims covered there hold all the words
 *   matched (the rep is making the current claims, which share words with the old one).
 *   A current claim whose matched words are all the old claim's, stated less fully than the
 *   old one ("SOC 2 Type II certified" for "SOC 2 Type II and ISO 27001 certified"), is the
 *   old claim repeated: the old one is reported and the current one is not credited;
 * - entries not yet valid (validFrom ahead) are not used: reps must not pre-announce.
 */
import type { Messaging } from '../contract/schemas';
import { excerptAround, SYNTHETIC, type Excerpt } from './normalize';
import {
  compileMessaging,
  findClaim,
  sweepClaims,
  findPhrase,
  phrasesUsedIn,
  scanText,
  validityAt,
  type ClaimMatch,
  type CompiledClaim,
  type CompiledEntry,
  type CompiledMessaging,
  type Scan,
} from './matcher';

export { compileMessaging, type CompiledMessaging } from './matcher';

/** Where in the draft: offsets into the text given to `checkDraft`, `[start, end)`. */
export interface DraftLocation {
  start: number;
  end: number;
  /** The text around it, for display. */
  excerpt: Excerpt;
}

export interface CoveredTalkingPoint {
  messagingId: string;
  theme: string;
  talkingPoint: string;
  /** Index in the entry's `talkingPoints`. */
  talkingPointIndex: number;
  where: DraftLocation;
  /** The draft's words that matched, as written. */
  matchedWords: string[];
}

export interface AvoidedPhraseHit {
  /** The phrase as the (first) entry listing it writes it. */
  phrase: string;
  /** The first entry listing the phrase. */
  messagingId: string;
  /** Every entry listing it. */
  messagingIds: string[];
  where: DraftLocation;
}

export type ClaimKind = 'talkingPoint' | 'statement' | 'proofPoint';

export interface OutdatedClaim {
  messagingId: string;
  theme: string;
  claim: string;
  kind: ClaimKind;
  validUntil: string;
  /** A current entry with the same theme, which the rep should use instead. */
  supersededBy?: string;
  where: DraftLocation;
  matchedWords: string[];
}

export interface SuggestedTalkingPoint {
  messagingId: string;
  theme: string;
  talkingPoint: string;
  talkingPointIndex: number;
  /** Touches the recipient had with this messaging (0 when no engagement was given). */
  touches: number;
}

export interface DraftCheck {
  covered: CoveredTalkingPoint[];
  avoided: AvoidedPhraseHit[];
  outdated: OutdatedClaim[];
  suggestions: SuggestedTalkingPoint[];
  /** Words the rep wrote (emoji, punctuation and `&`/`%` signs do not count). */
  wordCount: number;
}

export interface CheckDraftOptions {
  /** ms since epoch; default `Date.now()`. */
  now?: number;
  /** messagingId → how many touches the recipient had with it (`exposureTouches`). */
  engagement?: ReadonlyMap<string, number>;
  /** How many suggestions at most (default 2). */
  maxSuggestions?: number;
}

function locate(text: string, scan: Scan, first: number, last: number): DraftLocation {
  const start = scan.tokens.start[first]!;
  const end = scan.tokens.end[last]!;
  return { start, end, excerpt: excerptAround(text, start, end) };
}

function matchedWords(text: string, scan: Scan, match: ClaimMatch): string[] {
  return match.tokens.map((t) => text.slice(scan.tokens.start[t], scan.tokens.end[t]));
}

function claimsOf(entry: CompiledEntry): Array<{ claim: CompiledClaim; kind: ClaimKind }> {
  return [
    ...entry.talkingPoints.map((claim) => ({ claim, kind: 'talkingPoint' as const })),
    { claim: entry.statement, kind: 'statement' as const },
    ...entry.proofPoints.map((claim) => ({ claim, kind: 'proofPoint' as const })),
  ];
}

/** The share of a claim's weight that its words found in `match`'s stretch carry. */
function coverage(scan: Scan, claim: CompiledClaim, match: ClaimMatch): number {
  let total = 0;
  let found = 0;
  claim.significant.forEach((id, s) => {
    total += claim.weights[s]!;
    if (scan.positions[id]?.some((t) => t >= match.first && t <= match.last)) {
      found += claim.weights[s]!;
    }
  });
  return total === 0 ? 0 : found / total;
}

/** Checks a draft against the messaging; see the module comment and `DraftCheck`. */
export function checkDraft(
  text: string,
  messaging: readonly Messaging[],
  options: CheckDraftOptions = {},
): DraftCheck {
  const now = options.now ?? Date.now();
  const compiled = compileMessaging(messaging);
  const scan = scanText(compiled, text);
  let wordCount = 0;
  for (const f of scan.tokens.flags) if ((f & SYNTHETIC) === 0) wordCount++;

  const validity = compiled.entries.map((e) => validityAt(e, now));
  const current = compiled.entries.filter((_, i) => validity[i] === 'current');

  const avoided: AvoidedPhraseHit[] = [];
  for (const { phrase, entries } of compiled.avoidPhrases) {
    const listing = entries.filter((e) => validity[e.order] !== 'expired');
    if (listing.length === 0) continue;
    for (const p of findPhrase(scan, phrase)) {
      const first = listing[0]!;
      avoided.push({
        phrase: first.avoid.find((a) => a.key === phrase.key)?.text ?? phrase.text,
        messagingId: first.messaging.id,
        messagingIds: listing.map((e) => e.messaging.id),
        where: locate(text, scan, p, p + phrase.words.length - 1),
      });
    }
  }
  avoided.sort((a, b) => a.where.start - b.where.start);

  const firstCovered = sweepClaims(scan);
  const matches = new Map<CompiledClaim, ClaimMatch | undefined>();
  const matchOf = (claim: CompiledClaim) => {
    if (!matches.has(claim)) matches.set(claim, findClaim(scan, claim));
    return matches.get(claim);
  };
  const currentCovered = () =>
    current
      .flatMap((entry) => claimsOf(entry).map(({ claim }) => claim))
      .filter((claim) => {
        return firstCovered[claim.index]! >= 0;
      });

  // An expired claim found where current claims are covered too: it is the rep making those
  // current claims when their matched words hold all of its own; a current claim whose words
  // are all the old claim's, and which the draft states less fully than the old one, is the
  // old claim repeated: then the old one is reported and the current one not credited.
  const outdated: OutdatedClaim[] = [];
  const notCredited = new Set<CompiledClaim>();
  let covering: CompiledClaim[] | undefined;
  for (const entry of compiled.entries) {
    if (validity[entry.order] !== 'expired') continue;
    for (const { claim, kind } of claimsOf(entry)) {
      const match = matchOf(claim);
      if (!match) continue;
      covering ??= currentCovered();
      const own = new Set(match.tokens);
      const explainedTokens = new Set<number>();
      for (const currentClaim of covering) {
        const other = matchOf(currentClaim);
        if (!other || other.last < match.first || other.first > match.last) continue;
        const within = other.tokens.every((t) => own.has(t));
        if (within && coverage(scan, claim, match) > coverage(scan, currentClaim, other)) {
          notCredited.add(currentClaim);
          continue;
        }
        for (const t of other.tokens) explainedTokens.add(t);
      }
      const explained = match.tokens.every((t) => explainedTokens.has(t));
      if (explained) continue;
      let successor: CompiledEntry | undefined;
      for (const c of current) {
        if (c.themeKey !== entry.themeKey) continue;
        if (!successor || (c.validFrom ?? 0) > (successor.validFrom ?? 0)) successor = c;
      }
      outdated.push({
        messagingId: entry.messaging.id,
        theme: entry.messaging.theme,
        claim: claim.text,
        kind,
        validUntil: entry.messaging.validUntil!,
        ...(successor ? { supersededBy: successor.messaging.id } : {}),
        where: locate(text, scan, match.first, match.last),
        matchedWords: matchedWords(text, scan, match),
      });
    }
  }

  const covered: CoveredTalkingPoint[] = [];
  const coveredSet = new Set<CompiledClaim>();
  for (const entry of current) {
    entry.talkingPoints.forEach((claim, talkingPointIndex) => {
      const match = matchOf(claim);
      if (!match || notCredited.has(claim)) return;
      coveredSet.add(claim);
      covered.push({
        messagingId: entry.messaging.id,
        theme: entry.messaging.theme,
        talkingPoint: claim.text,
        talkingPointIndex,
        where: locate(text, scan, match.first, match.last),
        matchedWords: matchedWords(text, scan, match),
      });
    });
  }
  covered.sort((a, b) => a.where.start - b.where.start);
  outdated.sort((a, b) => a.where.start - b.where.start);

  return {
    covered,
    avoided,
    outdated,
    suggestions: suggest(compiled, current, coveredSet, options),
    wordCount,
  };
}

/**
 * One or two talking points the draft does not cover yet, from the messaging the recipient
 * engaged with most (most touches first, library order on ties; with no engagement given,
 * library order). Within an entry, talking points keep marketing's order. A talking point
 * that itself uses a phrase some current entry says to avoid is never suggested.
 */
function suggest(
  compiled: CompiledMessaging,
  current: CompiledEntry[],
  covered: ReadonlySet<CompiledClaim>,
  options: CheckDraftOptions,
): SuggestedTalkingPoint[] {
  const max = options.maxSuggestions ?? 2;
  const touches = (e: CompiledEntry) => options.engagement?.get(e.messaging.id) ?? 0;
  const ranked = current
    .filter((e) => !options.engagement || touches(e) > 0)
    .sort((a, b) => touches(b) - touches(a) || a.order - b.order);
  const suggestions: SuggestedTalkingPoint[] = [];
  for (const entry of ranked) {
    for (const [talkingPointIndex, claim] of entry.talkingPoints.entries()) {
      if (suggestions.length >= max) return suggestions;
      if (covered.has(claim)) continue;
      const avoidedByCurrent = phrasesUsedIn(compiled, claim).some(({ entries }) =>
        entries.some((e) => current.includes(e)),
      );
      if (avoidedByCurrent) continue;
      suggestions.push({
        messagingId: entry.messaging.id,
        theme: entry.messaging.theme,
        talkingPoint: claim.text,
        talkingPointIndex,
        touches: touches(entry),
      });
    }
  }
  return suggestions;
}
