import { describe, expect, it } from 'vitest';
import {
  BREAK_BEFORE,
  excerptAround,
  normalizeKey,
  normalizeText,
  SYNTHETIC,
  tokenize,
  wordForms,
} from './normalize';

const words = (text: string) => tokenize(text).words;

describe('tokenize', () => {
  it('lowercases without the locale and applies NFKC (ligatures, full-width, composed accents)', () => {
    expect(words('ROI ﬁles ＡＢＣ Café Cafe\u0301')).toEqual([
      'roi',
      'files',
      'abc',
      'café',
      'café',
    ]);
  });

  it('treats curly and straight quotes alike and drops apostrophes inside words', () => {
    expect(words('“Don’t” ‘rip’ it')).toEqual(words("\"Don't\" 'rip' it"));
    expect(words('don’t customer’s')).toEqual(['dont', 'customers']);
  });

  it('separates words at hyphens and dashes, never joins a closed compound', () => {
    expect(words('follow-up')).toEqual(['follow', 'up']);
    expect(words('follow\u2011up follow \u2013 up follow\u2014up')).toEqual([
      'follow',
      'up',
      'follow',
      'up',
      'follow',
      'up',
    ]);
    expect(words('followup')).toEqual(['followup']);
  });

  it('removes soft hyphens and zero-width characters, joining the word', () => {
    expect(words('inte\u00adgration inte\u200bgration')).toEqual(['integration', 'integration']);
  });

  it('joins a word hyphenated across a line break, but not a hyphen before a blank line', () => {
    expect(words('seamless integ-\nration')).toEqual(['seamless', 'integration']);
    expect(words('integ-  \r\n  ration')).toEqual(['integration']);
    expect(words('integ-\n\nration')).toEqual(['integ', 'ration']);
  });

  it('decodes HTML entities: named, decimal and hexadecimal', () => {
    expect(words('R&amp;D&nbsp;team don&#8217;t don&#x2019;t &eacute;t&eacute; &bogus;')).toEqual(
      // An unknown entity stays text: its & reads as "and".
      ['r', 'and', 'd', 'team', 'dont', 'dont', 'été', 'and', 'bogus'],
    );
  });

  it('ignores emoji, including flags, skin tones, ZWJ sequences and keycaps', () => {
    expect(words('rip 🔥 and👍🏽replace 👩‍💻 🇩🇪 1️⃣ ok')).toEqual(['rip', 'and', 'replace', 'ok']);
  });

  it('reads & as "and" and % as "percent", marked as not written words', () => {
    const t = tokenize('R & D by 60%');
    expect(t.words).toEqual(['r', 'and', 'd', 'by', '60', 'percent']);
    expect(t.flags.map((f) => f & SYNTHETIC)).toEqual([0, SYNTHETIC, 0, 0, 0, SYNTHETIC]);
  });

  it('keeps decimals and drops thousands separators', () => {
    expect(words('2.5x faster, 3,400 workflows. End')).toEqual([
      '2.5x',
      'faster',
      '3400',
      'workflows',
      'end',
    ]);
  });

  it('flags sentence and paragraph breaks', () => {
    const t = tokenize('one two. three\nfour\n\nfive');
    expect(t.flags.map((f) => (f & BREAK_BEFORE ? 1 : 0))).toEqual([0, 0, 1, 0, 1]);
  });

  it('keeps offsets into the original text through entities, emoji and NFKC', () => {
    const text = 'Hi 👋 &amp; “Rip-and-Replace” ﬁles, integ-\nration';
    const t = tokenize(text);
    const slices = t.words.map((_, i) => text.slice(t.start[i], t.end[i]));
    expect(slices).toEqual(['Hi', '&amp;', 'Rip', 'and', 'Replace', 'ﬁles', 'integ-\nration']);
  });

  it('handles empty and punctuation-only text', () => {
    expect(words('')).toEqual([]);
    expect(words(' \n…!! 🔥 — ')).toEqual([]);
  });
});

describe('normalizeText', () => {
  it('maps every normalised character back to its original span', () => {
    const n = normalizeText('A&amp;ﬁ');
    expect(n.text).toBe('a&fi');
    expect(n.start).toEqual([0, 1, 6, 6]);
    expect(n.end).toEqual([1, 6, 7, 7]);
  });
});

describe('wordForms', () => {
  const matches = (a: string, b: string) => wordForms(a).some((f) => wordForms(b).includes(f));

  it.each([
    ['point', 'points'],
    ['box', 'boxes'],
    ['replace', 'replaces'],
    ['replace', 'replaced'],
    ['replace', 'replacing'],
    ['ship', 'shipped'],
    ['ship', 'shipping'],
    ['shipped', 'shipping'],
    ['company', 'companies'],
    ['apply', 'applied'],
    ['pay', 'paying'],
    ['cuts', 'cut'],
    ['add', 'added'],
    ['need', 'needed'],
    ['use', 'using'],
  ])('%s matches %s', (a, b) => {
    expect(matches(a, b)).toBe(true);
    expect(matches(b, a)).toBe(true);
  });

  it.each([
    ['paid', 'pay'],
    ['shipment', 'ship'],
    ['cheapest', 'cheap'],
    ['replacement', 'replace'],
    ['bus', 'bu'],
    ['is', 'i'],
    ['process', 'proces'],
    ['status', 'statu'],
  ])('%s does not match %s', (a, b) => {
    expect(matches(a, b)).toBe(false);
  });
});

describe('normalizeKey', () => {
  it('equates themes that differ only in case, spacing and punctuation', () => {
    expect(normalizeKey('Total cost of ownership')).toBe(
      normalizeKey('  total-cost   of Ownership.'),
    );
  });
});

describe('excerptAround', () => {
  it('cuts at word boundaries, collapses whitespace and points at the hit', () => {
    const text = `${'lorem ipsum '.repeat(20)}we can RIP AND\n  REPLACE it ${'dolor sit '.repeat(20)}`;
    const start = text.indexOf('RIP');
    const end = text.indexOf('REPLACE') + 'REPLACE'.length;
    const e = excerptAround(text, start, end, 30);
    expect(e.text.slice(e.hitStart, e.hitEnd)).toBe('RIP AND REPLACE');
    expect(e.text.startsWith('…')).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(e.text).not.toMatch(/\s{2}/);
    expect(e.text).not.toMatch(/…(ipsum|lorem) \w*$/);
  });

  it('decodes entities in what it shows', () => {
    const text = 'Tom&amp;Jerry say rip and replace';
    const e = excerptAround(text, text.indexOf('rip'), text.length);
    expect(e.text).toBe('Tom&Jerry say rip and replace');
    expect(e.text.slice(e.hitStart, e.hitEnd)).toBe('rip and replace');
  });
});
