/**
 * Text normalisation for the consistency checks: turns a draft, a talking point or
 * a phrase to avoid into word tokens that compare equal when a reader would say they are the
 * same words, and keeps each token's offsets in the ORIGINAL text so a hit can show the text
 * around it.
 *
 * Rules (each has a test in normalize.test.ts):
 * - Unicode NFKC per character cluster (ligatures, full-width letters, composed accents),
 *   then locale-independent lowercase (`toLowerCase`, never `toLocaleLowerCase`).
 * - HTML entities are decoded (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`, common named ones).
 * - Curly quotes and apostrophes count as straight ones. An apostrophe inside a word is
 *   dropped ("don’t" = "don't" = "dont", "customer’s" = "customers").
 * - Hyphens and dashes separate words: "follow-up" = "follow up" = "follow – up". The closed
 *   compound "followup" is a different word: joining would need a dictionary ("re-sign" is not
 *   "resign", "co-op" is not "coop"), so we do not guess.
 * - Soft hyphens (U+00AD) and zero-width characters are removed, joining the word around them;
 *   a hyphen at the end of a line between letters is a line-break hyphenation and is removed
 *   too ("integ-\nration" = "integration").
 * - Whitespace and punctuation only separate words; `&` reads as "and", `%` as "percent";
 *   digits keep their decimal point and drop thousands separators ("3,400" = "3400").
 * - Emoji (pictographs, flags, skin tones, keycaps, variation selectors) are ignored: they
 *   separate words and never become one.
 * - Sentence ends (. ! ? ; and blank lines) are kept as a flag on the next token, so a phrase
 *   never matches across two sentences.
 *
 * Inflections are not folded here but in `wordForms`: two words match when their sets of
 * forms intersect (see there). Matching is whole-word by construction: a phrase word must
 * equal a whole token (or one of its forms), never a part of a longer word.
 *
 * Pure module: no browser APIs, no dependencies.
 */

/** Token flag: the token was not written as a word (`&` → "and", `%` → "percent"). */
export const SYNTHETIC = 1;
/** Token flag: a sentence or paragraph ends between this token and the previous one. */
export const BREAK_BEFORE = 2;

/** The normalised text with, for every UTF-16 unit of it, its span in the original text. */
export interface NormalizedText {
  text: string;
  /** Original offset where the character at this index came from (inclusive). */
  start: number[];
  /** Original offset where it ends (exclusive). */
  end: number[];
}

/** Word tokens of a text, as parallel arrays (cheap to build for a 2,000-word draft). */
export interface Tokens {
  /** Normalised words: lowercase, NFKC, no apostrophes or hyphens. */
  words: string[];
  /** Offsets of each word in the original text: `[start, end)`. */
  start: number[];
  end: number[];
  /** `SYNTHETIC` and `BREAK_BEFORE` bits. */
  flags: number[];
}

// A small table: the named entities a compose window or a CMS export realistically carries.
// Anything else written as `&name;` stays as text (and its letters become a word).
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  ndash: '\u2013',
  mdash: '\u2014',
  hyphen: '\u2010',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  eacute: '\u00e9',
  egrave: '\u00e8',
  ecirc: '\u00ea',
  aacute: '\u00e1',
  agrave: '\u00e0',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
  ccedil: '\u00e7',
  ntilde: '\u00f1',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/y;

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** Decodes one entity at `index` (which holds `&`): the text and the entity's length. */
function decodeEntityAt(text: string, index: number): { value: string; length: number } | null {
  ENTITY.lastIndex = index;
  const m = ENTITY.exec(text);
  if (!m) return null;
  let value: string | undefined;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2]!, 16);
    if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
      value = String.fromCodePoint(code);
    }
  } else {
    value = NAMED_ENTITIES[m[3]!.toLowerCase()];
  }
  return value === undefined ? null : { value, length: m[0].length };
}

/** Removed without a trace: soft hyphen, zero-width characters, variation selectors. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200d) ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

function isEmoji(cp: number, char: string): boolean {
  return (
    (cp >= 0x1f1e6 && cp <= 0x1f1ff) || // regional indicators (flags)
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // skin tones
    cp === 0x20e3 || // keycap
    (cp >= 0xe0020 && cp <= 0xe007f) || // tag sequences
    PICTOGRAPH.test(char)
  );
}

/** The replacement for a non-ASCII character that is not a letter or number, or null. */
function mapSymbol(cp: number): string | null {
  if (cp === 0x2010 || cp === 0x2011) return '-'; // hyphen, non-breaking hyphen
  if ((cp >= 0x2012 && cp <= 0x2015) || cp === 0x2212 || cp === 0xfe58 || cp === 0xfe63) return ' '; // figure/en/em dashes, minus: always separate words
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x201b || cp === 0x2032 || cp === 0x02bc) return "'";
  if ((cp >= 0x201c && cp <= 0x201f) || cp === 0x2033 || cp === 0xab || cp === 0xbb) return '"';
  if (cp === 0x2028 || cp === 0x2029 || cp === 0x85) return '\n';
  if (cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f) return ' ';
  if (cp === 0x3000 || cp === 0x1680) return ' ';
  return null;
}

/** Stage one's output: UTF-16 code units of the normalised text and their original spans. */
interface Normalized {
  codes: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length: number;
}

/**
 * Normalises `text` (see the module comment) into typed arrays: ASCII, the bulk of any draft,
 * is copied inline; everything else goes through the slower Unicode path.
 */
function normalizeCodes(text: string): Normalized {
  let cap = text.length + 16;
  let codes = new Uint16Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let k = 0;
  const grow = () => {
    cap *= 2;
    const c2 = new Uint16Array(cap);
    c2.set(codes);
    codes = c2;
    const s2 = new Int32Array(cap);
    s2.set(start);
    start = s2;
    const e2 = new Int32Array(cap);
    e2.set(end);
    end = e2;
  };
  const emit = (value: string, from: number, to: number) => {
    for (let j = 0; j < value.length; j++) {
      if (k >= cap) grow();
      codes[k] = value.charCodeAt(j);
      start[k] = from;
      end[k] = to;
      k++;
    }
  };

  // Handles `source` (the text, or a decoded entity's value). For an entity, every character
  // maps to the entity's whole original span [fixedFrom, fixedTo).
  const run = (source: string, fixedFrom: number, fixedTo: number) => {
    const fixed = fixedFrom >= 0;
    const n = source.length;
    let i = 0;
    while (i < n) {
      const code = source.charCodeAt(i);
      const next = i + 1 < n ? source.charCodeAt(i + 1) : 0;
      if (code < 0x80 && next < 0x300) {
        // ASCII fast path.
        let c = code;
        if (c >= 0x41 && c <= 0x5a) c += 32;
        else if (c === 0x26 && !fixed) {
          const entity = decodeEntityAt(source, i);
          if (entity) {
            run(entity.value, i, i + entity.length);
            i += entity.length;
            continue;
          }
        } else if (c === 0x0d) {
          if (next === 0x0a) {
            i++;
            continue;
          }
          c = 0x0a;
        } else if (c === 0x09 || c === 0x0b || c === 0x0c) c = 0x20;
        if (k >= cap) grow();
        codes[k] = c;
        start[k] = fixed ? fixedFrom : i;
        end[k] = fixed ? fixedTo : i + 1;
        k++;
        i++;
        continue;
      }
      const from = fixed ? fixedFrom : i;
      if (code < 0x80) {
        if (next === 0xfe0f || next === 0x20e3) {
          // Keycap emoji (1️⃣, #️⃣): not a digit the rep wrote.
          let j = i + 1;
          while (j < n && (source.charCodeAt(j) === 0xfe0f || source.charCodeAt(j) === 0x20e3)) {
            j++;
          }
          emit(' ', from, fixed ? fixedTo : j);
          i = j;
          continue;
        }
        if (!MARK.test(source[i + 1]!)) {
          // ASCII before a non-ASCII character that is not a combining mark.
          emit(
            code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : source[i]!,
            from,
            fixed ? fixedTo : i + 1,
          );
          i++;
          continue;
        }
      }
      const cp = source.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const char = source.slice(i, i + width);
      if (isInvisible(cp)) {
        i += width;
        continue;
      }
      if (isEmoji(cp, char)) {
        emit(' ', from, fixed ? fixedTo : i + width);
        i += width;
        continue;
      }
      if (LETTER_OR_NUMBER.test(char)) {
        // A letter with its combining marks, normalised as one cluster so "e" + U+0301
        // composes to "é" exactly as in a precomposed text.
        let j = i + width;
        while (j < n) {
          const c2 = source.codePointAt(j)!;
          const w2 = c2 > 0xffff ? 2 : 1;
          if (c2 === 0x20e3 || !MARK.test(source.slice(j, j + w2))) break;
          j += w2;
        }
        const cluster = source.slice(i, j).replace(/[\ufe00-\ufe0f]/g, '');
        emit(cluster.normalize('NFKC').toLowerCase(), from, fixed ? fixedTo : j);
        i = j;
        continue;
      }
      const mapped = mapSymbol(cp);
      if (mapped !== null) {
        emit(mapped, from, fixed ? fixedTo : i + width);
      } else {
        // Other punctuation: its NFKC form when that is ASCII ("…" → "...", "！" → "!"),
        // otherwise a separator (™ must not become the letters "tm").
        const nf = char.normalize('NFKC');
        const ascii = /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+$/.test(nf);
        emit(ascii ? nf : ' ', from, fixed ? fixedTo : i + width);
      }
      i += width;
    }
  };
  run(text, -1, -1);
  return { codes, start, end, length: k };
}

/**
 * Normalises `text` character by character and keeps, for every character of the result,
 * the span of the original it came from. See the module comment for the rules.
 */
export function normalizeText(text: string): NormalizedText {
  const n = normalizeCodes(text);
  let out = '';
  for (let i = 0; i < n.length; i++) out += String.fromCharCode(n.codes[i]!);
  return {
    text: out,
    start: [...n.start.subarray(0, n.length)],
    end: [...n.end.subarray(0, n.length)],
  };
}

// Character classes of normalised code units, computed once per unit and cached.
const WORD = 1;
const LETTER = 2;
const classCache = new Uint8Array(0x10000);
const CLASS_KNOWN = 4;
function classOf(code: number): number {
  let c = classCache[code]!;
  if (c === 0) {
    if (code < 0x80) {
      const letter = code >= 0x61 && code <= 0x7a;
      c = letter ? WORD | LETTER : code >= 0x30 && code <= 0x39 ? WORD : 0;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      c = WORD | LETTER; // astral letters (emoji were already replaced by spaces)
    } else {
      const ch = String.fromCharCode(code);
      c = WORD_CHAR.test(ch) ? WORD | (/\p{N}/u.test(ch) ? 0 : LETTER) : 0;
    }
    classCache[code] = c | CLASS_KNOWN;
  }
  return c & (WORD | LETTER);
}
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** Splits `text` into normalised word tokens with their offsets in `text`. */
export function tokenize(text: string): Tokens {
  const n = normalizeCodes(text);
  const { codes, length } = n;
  const tokens: Tokens = { words: [], start: [], end: [], flags: [] };
  const at = (i: number) => (i >= 0 && i < length ? codes[i]! : 0x20);
  const isLetterAt = (i: number) => (classOf(at(i)) & LETTER) !== 0;
  let word = '';
  let pieceFrom = -1; // start of the current unbroken run of word characters
  let wordFrom = -1; // index of the word's first character
  let lastIndex = -1; // index of the word's last character
  let pendingBreak = false;

  const flushPiece = (to: number) => {
    if (pieceFrom >= 0) {
      word +=
        to - pieceFrom === 1
          ? String.fromCharCode(codes[pieceFrom]!)
          : String.fromCharCode.apply(null, codes.subarray(pieceFrom, to) as unknown as number[]);
    }
    pieceFrom = -1;
  };
  const flags = () => (pendingBreak && tokens.words.length > 0 ? BREAK_BEFORE : 0);
  const flushWord = () => {
    if (wordFrom < 0) return;
    tokens.flags.push(flags());
    tokens.words.push(word);
    tokens.start.push(n.start[wordFrom]!);
    tokens.end.push(n.end[lastIndex]!);
    pendingBreak = false;
    word = '';
    wordFrom = -1;
  };
  const pushSynthetic = (value: string, i: number) => {
    tokens.flags.push(SYNTHETIC | flags());
    tokens.words.push(value);
    tokens.start.push(n.start[i]!);
    tokens.end.push(n.end[i]!);
    pendingBreak = false;
  };
  const skipSpaces = (j: number) => {
    while (j < length && codes[j] === 0x20) j++;
    return j;
  };

  for (let i = 0; i < length; i++) {
    const code = codes[i]!;
    if (classOf(code) & WORD) {
      if (wordFrom < 0) wordFrom = i;
      if (pieceFrom < 0) pieceFrom = i;
      lastIndex = i;
      continue;
    }
    const inWord = wordFrom >= 0;
    if (inWord && code === 0x27 /* ' */ && isLetterAt(i + 1) && isLetterAt(i - 1)) {
      flushPiece(i); // "don't" → "dont"
      continue;
    }
    if (inWord && code === 0x2d /* - */ && isLetterAt(i - 1)) {
      // Hyphenation at a line break: "integ-\nration" → "integration".
      let j = skipSpaces(i + 1);
      if (at(j) === 0x0a) {
        j = skipSpaces(j + 1);
        if (isLetterAt(j)) {
          flushPiece(i);
          i = j - 1;
          continue;
        }
      }
    }
    if (inWord && (code === 0x2e || code === 0x2c) && isDigit(at(i - 1)) && isDigit(at(i + 1))) {
      // "2.5" keeps its point; "3,400" drops the thousands separator.
      if (code === 0x2c) flushPiece(i);
      continue;
    }
    flushPiece(i);
    flushWord();
    if (code === 0x26) pushSynthetic('and', i);
    else if (code === 0x25) pushSynthetic('percent', i);
    else if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b) pendingBreak = true;
    else if (code === 0x0a && at(skipSpaces(i + 1)) === 0x0a) pendingBreak = true;
  }
  flushPiece(length);
  flushWord();
  return tokens;
}

/** The normalised words of `text` joined by single spaces: a key for comparing short texts. */
export function normalizeKey(text: string): string {
  return tokenize(text).words.join(' ');
}

const VOWEL = /[aeiouy]/;
function isDoubledConsonant(stem: string): boolean {
  const a = stem.charCodeAt(stem.length - 1);
  return a === stem.charCodeAt(stem.length - 2) && !'aeiou'.includes(stem[stem.length - 1]!);
}

/**
 * The forms a word may stand for, itself first: the candidate base forms of a regular
 * inflection. Two words match when their form sets intersect, so it does not matter which
 * side is inflected:
 *
 * - plural and 3rd person: "points" → point, "boxes" → box, "replaces" → replace,
 *   "companies" → company;
 * - past: "replaced" → replace, "shipped" → ship (consonant doubling), "applied" → apply;
 * - gerund: "replacing" → replace (e-drop), "shipping" → ship, "paying" → pay.
 *
 * Over-generation is harmless ("replacing" also yields "replac", a word no text contains).
 * Words shorter than 4 letters and numbers are never inflected ("is", "us", "bus", "60").
 * Irregular forms ("paid", "ran") and derivations ("shipment", "cheapest") do not match.
 */
export function wordForms(word: string): string[] {
  const n = word.length;
  if (n < 4) return [word];
  const last = word.charCodeAt(n - 1);
  if (last !== 0x73 /* s */ && last !== 0x64 /* d */ && last !== 0x67 /* g */) return [word];
  const forms = [word];
  const add = (form: string) => {
    if (form.length >= 3 && !forms.includes(form)) forms.push(form);
  };
  if (last === 0x73) {
    if (word.endsWith('ies') && n >= 5) add(word.slice(0, -3) + 'y');
    else if (word.endsWith('es')) {
      add(word.slice(0, -2)); // boxes → box
      add(word.slice(0, -1)); // replaces → replace
    } else if (!word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
      add(word.slice(0, -1));
    }
  } else if (last === 0x64) {
    if (word.endsWith('ied') && n >= 5) add(word.slice(0, -3) + 'y');
    else if (word.endsWith('ed')) {
      const stem = word.slice(0, -2);
      add(word.slice(0, -1)); // replaced → replace
      add(stem); // pointed → point
      if (stem.length >= 4 && isDoubledConsonant(stem)) add(stem.slice(0, -1)); // shipped → ship
    }
  } else if (word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    if (stem.length >= 2 && VOWEL.test(stem)) {
      add(stem); // pointing → point
      add(stem + 'e'); // replacing → replace
      if (stem.length >= 4 && isDoubledConsonant(stem)) add(stem.slice(0, -1)); // shipping → ship
    }
  }
  return forms;
}

/**
 * Function words ignored when deciding whether a talking point is covered (they still count
 * inside a phrase to avoid: "replace your team" needs "your").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet for of to in on at by with within without from into onto ' +
    'over under about as than then that this these those it its itself we our ours us you ' +
    'your yours they their them he she his her i me my is are was were be been being am do ' +
    'does did have has had will would can could should may might must shall not no very just ' +
    'also such each every any all some both either neither which who whom whose what when ' +
    'where why how there here up out if while after before between through per via'
  ).split(' '),
);

/**
 * Words that qualify a claim rather than make it: numbers, amounts, units of time and
 * quantity, and the commonest words of business writing. A claim is what its other words
 * say ("payback" in "payback in two quarters"), so these count for a quarter of their
 * weight when a claim's coverage is weighed (`matcher.ts`).
 */
export const MODIFIER_WORDS: ReadonlySet<string> = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve fifteen twenty ' +
    'thirty forty fifty hundred thousand million billion half twice double triple dozen ' +
    'percent first second third last next ' +
    'minute hour day week month quarter year time ' +
    'more less fewer most least many much few lot lots several other another same ' +
    'new old good great better best big small large high low fast slow quick ' +
    'get make use help need want see go come take give keep find know think look ' +
    'way thing things people team company business work today now still even only really ' +
    'well like one ones own'
  ).split(' '),
);

/** True for a word that only qualifies a claim (see `MODIFIER_WORDS`), digits included. */
export function isModifierWord(word: string): boolean {
  if (/^\d/.test(word)) return true;
  return wordForms(word).some((form) => MODIFIER_WORDS.has(form));
}

/** A stretch of the original text around a hit, whitespace collapsed, for display. */
export interface Excerpt {
  text: string;
  /** Where the hit is inside `text`: `[hitStart, hitEnd)`. */
  hitStart: number;
  hitEnd: number;
}

/** Text as a reader sees it: entities decoded, invisible characters gone, spaces collapsed. */
function displayText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '&') {
      const entity = decodeEntityAt(s, i);
      if (entity) {
        out += entity.value;
        i += entity.length - 1;
        continue;
      }
    }
    out += s[i];
  }
  return out.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ');
}

/**
 * The text around `[start, end)` of `text`: about `context` characters on each side, cut at
 * word boundaries, with "…" where it was cut.
 */
export function excerptAround(text: string, start: number, end: number, context = 60): Excerpt {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (space >= 0) to = end + space;
  }
  const before = (from > 0 ? '…' : '') + displayText(text.slice(from, start)).trimStart();
  const hit = displayText(text.slice(start, end));
  const after = displayText(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : '');
  return {
    text: before + hit + after,
    hitStart: before.length,
    hitEnd: before.length + hit.length,
  };
}
