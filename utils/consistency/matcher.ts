/**
 * The compiled form of a messaging library and the two ways its texts are found in a text:
 *
 * - **Phrases** (`avoid` entries): every word, stop words included, consecutive, in order,
 *   inside one sentence, each word matching whole-word with its inflections.
 *   "rip and replace" hits "Ripping and replacing", "rip-and-replace", "rip & replace";
 *   not "rip out and replace", not "trip and replacement".
 * - **Claims** (talking points, statements, proof points): a claim is covered when enough
 *   of its significant words (stop words left out) appear, in any order, within a window of
 *   ⌈1.5·n⌉ + 2 consecutive draft words (n: the claim's length in words). "Enough": the
 *   words found carry at least 60% of the claim's weight, and are at least 2 (all of them
 *   when the claim has only 1 or 2). Each word weighs ln(1 + C / c_w), C being the number of
 *   claims in the library and c_w the number using the word: a word every other talking
 *   point uses ("workflow", "teams") counts for little, a distinctive one ("TMS",
 *   "chargebacks") for a lot, so a draft does not cover a claim by repeating the library's
 *   stock phrasing. In a small library the weights are about equal and the rule reads "60%
 *   of the words". Examples for "Cuts manual order entry by 60%" (cuts, manual, order,
 *   entry, 60, percent; window 13): "we cut manual order entry by more than half" covers it
 *   (cut, manual, order, entry); "60% less manual order entry" covers it; "please enter your
 *   order manually" does not (only "order"); neither do the words spread over a long
 *   paragraph. The words that make the claim must be among those found, not only the words
 *   that qualify it: numbers, amounts, units of time and the commonest business words
 *   (`MODIFIER_WORDS`) still count towards the 60%, but the claim's other words must carry
 *   at least half of their own weight too. "Two of our quarters were slow" does not cover
 *   "payback in two quarters" (two and quarters qualify; payback is the claim); "payback
 *   within two quarters" does. Order is not required because reps rephrase ("60% less manual entry of
 *   orders"); the window keeps scattered words from counting. A claim with different
 *   figures ("by 80%") still covers the point: checking numbers is not attempted.
 *
 * `compileMessaging` is cached by the identity of the array, so checks repeated while a rep
 * types only tokenize the draft; the draft's words are resolved to the library's vocabulary
 * through a cache too.
 */
import type { Messaging } from '../contract/schemas';
import {
  BREAK_BEFORE,
  isModifierWord,
  STOP_WORDS,
  tokenize,
  wordForms,
  type Tokens,
} from './normalize';

/** A text that is covered by enough of its significant words (see module comment). */
export interface CompiledClaim {
  text: string;
  /** Vocabulary ids of its distinct significant words. */
  significant: number[];
  /** Weight of each significant word (see module comment). */
  weights: number[];
  /** At least this many distinct significant words must appear… */
  required: number;
  /** …carrying at least this much weight. */
  requiredWeight: number;
  /** Weight of each significant word that is not a modifier (0 for a modifier). */
  contentWeights: number[];
  /** …of which the words that are not modifiers carry at least this much. */
  requiredContentWeight: number;
  /** Within how many consecutive words. */
  window: number;
  /** Index in `CompiledMessaging.claims`. */
  index: number;
  /** First of its `significant.length` slots in the sweep's per-word state. */
  slotBase: number;
}

/** A phrase found only as a whole. */
export interface CompiledPhrase {
  text: string;
  /** Normalised form: phrases equal after normalisation are one phrase. */
  key: string;
  /** Vocabulary ids of every word, in order. */
  words: number[];
}

export interface CompiledEntry {
  messaging: Messaging;
  /** Position in the library array. */
  order: number;
  /** ms since epoch, or undefined when absent or unparsable. */
  validFrom?: number;
  validUntil?: number;
  /** Normalised theme, to spot two versions of one theme. */
  themeKey: string;
  statement: CompiledClaim;
  talkingPoints: CompiledClaim[];
  proofPoints: CompiledClaim[];
  avoid: CompiledPhrase[];
}

export interface CompiledMessaging {
  source: readonly Messaging[];
  entries: CompiledEntry[];
  byId: ReadonlyMap<string, CompiledEntry>;
  /** Distinct phrases to avoid, each with the entries listing it. */
  avoidPhrases: Array<{ phrase: CompiledPhrase; entries: CompiledEntry[] }>;
  vocabularySize: number;
  /** Every claim of every entry (talking points, statements, proof points). */
  claims: CompiledClaim[];
  slotCount: number;
  /** Per claim index, for the sweep's inner loop: window, required, first slot, slot count. */
  claimWindow: Int32Array;
  claimRequired: Int32Array;
  claimRequiredWeight: Float64Array;
  claimRequiredContentWeight: Float64Array;
  /** Weight of each slot (the claim's word at that slot). */
  slotWeight: Float64Array;
  /** The same, 0 for a modifier word. */
  slotContentWeight: Float64Array;
  claimSlotBase: Int32Array;
  claimSlotEnd: Int32Array;
  /** Per vocabulary id: the claims using the word (`postingClaims`) and its slot there. */
  postingClaims: Array<Int32Array | undefined>;
  postingSlots: Array<Int32Array | undefined>;
  /** Word form → ids of the vocabulary words having that form. */
  formIndex: ReadonlyMap<string, number[]>;
  /** Draft word → the vocabulary ids it matches (filled lazily, bounded). */
  wordCache: Map<string, readonly number[]>;
}

const NO_IDS: readonly number[] = [];
/** At most this many significant words of a claim are considered. */
const K = 1024;
const WORD_CACHE_LIMIT = 50_000;

function time(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Share of the weight of a claim's own words (its significant words less the modifiers of
 * `MODIFIER_WORDS`) that must be among the matched words: numbers and common words alone
 * never cover a claim.
 */
export const CONTENT_COVERAGE = 0.5;
/** Share of a claim's weight its matched words must carry. */
export const COVERAGE = 0.6;
export function windowSize(words: number): number {
  return Math.ceil(1.5 * words) + 2;
}

const compiledCache = new WeakMap<readonly Messaging[], CompiledMessaging>();

/**
 * Compiles a messaging library for matching. Cached by the array's identity: pass the same
 * array again (as the sidebar does while the rep types) and nothing is recompiled.
 */
export function compileMessaging(messaging: readonly Messaging[]): CompiledMessaging {
  const cached = compiledCache.get(messaging);
  if (cached) return cached;

  const vocabulary = new Map<string, number>();
  const formIndex = new Map<string, number[]>();
  const wordId = (word: string): number => {
    let id = vocabulary.get(word);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(word, id);
      for (const form of wordForms(word)) {
        const ids = formIndex.get(form);
        if (ids) ids.push(id);
        else formIndex.set(form, [id]);
      }
    }
    return id;
  };
  const claims: CompiledClaim[] = [];
  let slotCount = 0;
  const claim = (text: string): CompiledClaim => {
    const { words } = tokenize(text);
    const significant = [...new Set(words.filter((w) => !STOP_WORDS.has(w)).map(wordId))].slice(
      0,
      K,
    );
    const compiledClaim: CompiledClaim = {
      text,
      significant,
      weights: [], // set once the whole library is known
      required: Math.min(2, significant.length),
      requiredWeight: 0,
      contentWeights: [],
      requiredContentWeight: 0,
      window: windowSize(words.length),
      index: claims.length,
      slotBase: slotCount,
    };
    claims.push(compiledClaim);
    slotCount += significant.length;
    return compiledClaim;
  };
  const phrase = (text: string): CompiledPhrase => {
    const { words } = tokenize(text);
    return { text, key: words.join(' '), words: words.map(wordId) };
  };

  const entries = messaging.map((m, order): CompiledEntry => ({
    messaging: m,
    order,
    validFrom: time(m.validFrom),
    validUntil: time(m.validUntil),
    themeKey: tokenize(m.theme).words.join(' '),
    statement: claim(m.statement),
    talkingPoints: m.talkingPoints.map(claim),
    proofPoints: (m.proofPoints ?? []).map(claim),
    avoid: (m.avoid ?? []).map(phrase).filter((p) => p.words.length > 0),
  }));
  const byPhrase = new Map<string, { phrase: CompiledPhrase; entries: CompiledEntry[] }>();
  for (const entry of entries) {
    for (const p of entry.avoid) {
      const known = byPhrase.get(p.key);
      if (!known) byPhrase.set(p.key, { phrase: p, entries: [entry] });
      else if (!known.entries.includes(entry)) known.entries.push(entry);
    }
  }
  const byId = new Map<string, CompiledEntry>();
  for (const entry of entries)
    if (!byId.has(entry.messaging.id)) byId.set(entry.messaging.id, entry);

  const usedBy = new Int32Array(vocabulary.size);
  for (const c of claims) for (const id of c.significant) usedBy[id]!++;
  const words = [...vocabulary.keys()];
  const modifier = Uint8Array.from(words, (w) => (isModifierWord(w) ? 1 : 0));
  const slotWeight = new Float64Array(slotCount);
  const slotContentWeight = new Float64Array(slotCount);
  for (const c of claims) {
    c.weights = c.significant.map((id) => Math.log(1 + claims.length / usedBy[id]!));
    c.contentWeights = c.significant.map((id, s) => (modifier[id] ? 0 : c.weights[s]!));
    const content = c.contentWeights.reduce((a, b) => a + b, 0);
    c.requiredContentWeight = content * CONTENT_COVERAGE - 1e-9;
    const total = c.weights.reduce((a, b) => a + b, 0);
    // All words for a claim of 1 or 2; the small margin absorbs rounding in the sums.
    c.requiredWeight = (c.significant.length <= 2 ? total : COVERAGE * total) - 1e-9;
    slotWeight.set(c.weights, c.slotBase);
    slotContentWeight.set(c.contentWeights, c.slotBase);
  }
  const postings: Array<Array<[number, number]> | undefined> = new Array(vocabulary.size);
  for (const c of claims) {
    c.significant.forEach((id, s) => (postings[id] ??= []).push([c.index, c.slotBase + s]));
  }
  const compiled: CompiledMessaging = {
    source: messaging,
    entries,
    byId,
    avoidPhrases: [...byPhrase.values()],
    vocabularySize: vocabulary.size,
    claims,
    slotCount,
    claimWindow: Int32Array.from(claims, (c) => c.window),
    claimRequired: Int32Array.from(claims, (c) => c.required),
    claimRequiredWeight: Float64Array.from(claims, (c) => c.requiredWeight),
    claimRequiredContentWeight: Float64Array.from(claims, (c) => c.requiredContentWeight),
    slotWeight,
    slotContentWeight,
    claimSlotBase: Int32Array.from(claims, (c) => c.slotBase),
    claimSlotEnd: Int32Array.from(claims, (c) => c.slotBase + c.significant.length),
    postingClaims: postings.map((list) => list && Int32Array.from(list, ([c]) => c)),
    postingSlots: postings.map((list) => list && Int32Array.from(list, ([, slot]) => slot)),
    formIndex,
    wordCache: new Map(),
  };
  compiledCache.set(messaging, compiled);
  return compiled;
}

/** A text's tokens and, per vocabulary word, the (sorted) token indexes that match it. */
export interface Scan {
  compiled: CompiledMessaging;
  tokens: Tokens;
  positions: Array<number[] | undefined>;
  /** `sweepClaims`' result, kept for the checks that follow on the same scan. */
  firstCovered?: Int32Array;
}

function vocabularyIds(compiled: CompiledMessaging, word: string): readonly number[] {
  const cached = compiled.wordCache.get(word);
  if (cached) return cached;
  let ids: number[] | undefined;
  for (const form of wordForms(word)) {
    const found = compiled.formIndex.get(form);
    if (!found) continue;
    if (!ids) ids = [...found];
    else for (const id of found) if (!ids.includes(id)) ids.push(id);
  }
  const result = ids ?? NO_IDS;
  if (compiled.wordCache.size >= WORD_CACHE_LIMIT) compiled.wordCache.clear();
  compiled.wordCache.set(word, result);
  return result;
}

/** Tokenizes `text` and indexes where each of the library's words occurs in it. */
export function scanText(compiled: CompiledMessaging, text: string): Scan {
  const tokens = tokenize(text);
  const positions: Array<number[] | undefined> = new Array(compiled.vocabularySize);
  const { words } = tokens;
  for (let t = 0; t < words.length; t++) {
    const ids = vocabularyIds(compiled, words[t]!);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const list = positions[id];
      if (!list) positions[id] = [t];
      else if (list[list.length - 1] !== t) list.push(t);
    }
  }
  return { compiled, tokens, positions };
}

function contains(sorted: readonly number[] | undefined, value: number): boolean {
  if (!sorted) return false;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Token indexes where `phrase` starts in the scanned text (every occurrence, in order). */
export function findPhrase(scan: Scan, phrase: CompiledPhrase): number[] {
  const first = scan.positions[phrase.words[0]!];
  if (!first) return [];
  const { flags } = scan.tokens;
  const count = scan.tokens.words.length;
  const n = phrase.words.length;
  for (let j = 1; j < n; j++) if (!scan.positions[phrase.words[j]!]) return [];
  const hits: number[] = [];
  let next = 0; // occurrences do not overlap
  for (const p of first) {
    if (p < next || p + n > count) continue;
    let ok = true;
    for (let j = 1; j < n && ok; j++) {
      ok =
        (flags[p + j]! & BREAK_BEFORE) === 0 && contains(scan.positions[phrase.words[j]!], p + j);
    }
    if (ok) {
      hits.push(p);
      next = p + n;
    }
  }
  return hits;
}

/** Where a claim is covered: the first and last matched token and the matched tokens. */
export interface ClaimMatch {
  first: number;
  last: number;
  /** Token indexes of the matched significant words, in text order. */
  tokens: number[];
}

// Reused between calls: findClaim runs for every talking point on every keystroke.
let eventBuffer = new Float64Array(1024);
let countBuffer = new Uint16Array(64);

/**
 * The first place where `claim` is covered in the scanned text (see module comment), or
 * undefined. The claim must belong to the library the text was scanned with.
 */
export function findClaim(scan: Scan, claim: CompiledClaim): ClaimMatch | undefined {
  const { significant, required, requiredWeight, weights, window } = claim;
  const { contentWeights, requiredContentWeight } = claim;
  if (required === 0) return undefined;
  const at = sweepClaims(scan)[claim.index]!;
  if (at < 0) return undefined;
  // The sweep says the first covering window ends at `at`: only its surroundings matter.
  const from = at - window + 1;
  const to = at + window - 1;
  const words = significant.length;
  let total = 0;
  for (let s = 0; s < words; s++) {
    const list = scan.positions[significant[s]!];
    if (list) total += list.length;
  }

  // Events: (token, which significant word), sorted by token; encoded as one number.
  if (eventBuffer.length < total) eventBuffer = new Float64Array(total * 2);
  if (countBuffer.length < words) countBuffer = new Uint16Array(words * 2);
  const counts = countBuffer;
  counts.fill(0, 0, words);
  let count = 0;
  for (let s = 0; s < words; s++) {
    const list = scan.positions[significant[s]!];
    if (!list) continue;
    for (let j = lowerBound(list, from); j < list.length; j++) {
      const p = list[j]!;
      if (p > to) break;
      eventBuffer[count++] = p * K + s;
    }
  }
  const events = eventBuffer.subarray(0, count).sort();
  let distinct = 0;
  let weight = 0;
  let content = 0;
  let left = 0;
  for (let right = 0; right < count; right++) {
    const sr = events[right]! % K;
    if (counts[sr] === 0) {
      distinct++;
      weight += weights[sr]!;
      content += contentWeights[sr]!;
    }
    counts[sr] = counts[sr]! + 1;
    while (Math.floor(events[right]! / K) - Math.floor(events[left]! / K) >= window) {
      const sl = events[left]! % K;
      counts[sl] = counts[sl]! - 1;
      if (counts[sl] === 0) {
        distinct--;
        weight -= weights[sl]!;
        content -= contentWeights[sl]!;
      }
      left++;
    }
    if (distinct < required || weight < requiredWeight || content < requiredContentWeight) continue;
    // Take in the rest of the window too, and drop leading repeats, so the match shows
    // every claim word found there and starts at the first one needed.
    const firstToken = Math.floor(events[left]! / K);
    let end = right + 1;
    while (end < count && Math.floor(events[end]! / K) - firstToken < window) end++;
    let start = left;
    for (; start < end; start++) {
      const w = events[start]! % K;
      let again = false;
      for (let e = start + 1; e < end && !again; e++) again = events[e]! % K === w;
      if (!again) break;
    }
    const tokens: number[] = [];
    const seen: number[] = [];
    for (let e = start; e < end; e++) {
      const w = events[e]! % K;
      if (seen.includes(w)) continue;
      seen.push(w);
      const p = Math.floor(events[e]! / K);
      if (tokens[tokens.length - 1] !== p) tokens.push(p);
    }
    return { first: tokens[0]!, last: tokens[tokens.length - 1]!, tokens };
  }
  return undefined;
}

/**
 * For every claim of the library (`CompiledClaim.index`), the first token at which it is
 * covered in the scanned text, or -1. One sweep over the tokens keeps, per claim word, the
 * last token where it was seen; a claim is covered at token t when enough of its words were
 * seen in the window ending at t. `findClaim` then only works on claims covered somewhere.
 * Cached on the scan.
 */
export function sweepClaims(scan: Scan): Int32Array {
  if (scan.firstCovered) return scan.firstCovered;
  const { compiled } = scan;
  const { postingClaims, postingSlots, claimWindow, claimSlotBase, claimSlotEnd } = compiled;
  const { claimRequired, claimRequiredWeight, claimRequiredContentWeight } = compiled;
  const { slotWeight, slotContentWeight } = compiled;
  const firstCovered = new Int32Array(compiled.claims.length).fill(-1);
  const lastSeen = new Int32Array(compiled.slotCount).fill(-0x40000000);
  const { words } = scan.tokens;
  for (let t = 0; t < words.length; t++) {
    const ids = vocabularyIds(compiled, words[t]!);
    for (let k = 0; k < ids.length; k++) {
      const claimList = postingClaims[ids[k]!];
      if (!claimList) continue;
      const slotList = postingSlots[ids[k]!]!;
      for (let j = 0; j < claimList.length; j++) {
        const ci = claimList[j]!;
        if (firstCovered[ci]! >= 0) continue;
        const lo = t - claimWindow[ci]! + 1;
        const slot = slotList[j]!;
        const wasInWindow = lastSeen[slot]! >= lo;
        lastSeen[slot] = t;
        if (wasInWindow) continue; // a word already in the window adds nothing new
        const end = claimSlotEnd[ci]!;
        let distinct = 0;
        let weight = 0;
        let content = 0;
        for (let s = claimSlotBase[ci]!; s < end; s++) {
          if (lastSeen[s]! >= lo) {
            distinct++;
            weight += slotWeight[s]!;
            content += slotContentWeight[s]!;
          }
        }
        if (
          distinct >= claimRequired[ci]! &&
          weight >= claimRequiredWeight[ci]! &&
          content >= claimRequiredContentWeight[ci]!
        ) {
          firstCovered[ci] = t;
        }
      }
    }
  }
  scan.firstCovered = firstCovered;
  return firstCovered;
}

/** Index of the first value ≥ `value` in a sorted list. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A phrase to avoid with the entries that list it. */
export type AvoidPhraseGroup = CompiledMessaging['avoidPhrases'][number];

const phrasesUsedCache = new WeakMap<CompiledClaim, AvoidPhraseGroup[]>();

/**
 * The library's phrases to avoid that a claim's own text contains (a talking point that
 * says "rip and replace" while another entry forbids it). Cached per compiled claim.
 */
export function phrasesUsedIn(
  compiled: CompiledMessaging,
  claim: CompiledClaim,
): AvoidPhraseGroup[] {
  let used = phrasesUsedCache.get(claim);
  if (!used) {
    const scan = scanText(compiled, claim.text);
    used = compiled.avoidPhrases.filter(({ phrase }) => findPhrase(scan, phrase).length > 0);
    phrasesUsedCache.set(claim, used);
  }
  return used;
}

/** Validity of an entry at `now`. */
export type Validity = 'current' | 'expired' | 'future';

export function validityAt(entry: CompiledEntry, now: number): Validity {
  if (entry.validUntil !== undefined && entry.validUntil < now) return 'expired';
  if (entry.validFrom !== undefined && entry.validFrom > now) return 'future';
  return 'current';
}
