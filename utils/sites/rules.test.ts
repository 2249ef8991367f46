import { describe, expect, it } from 'vitest';
import {
  applyContactRules,
  emailsFromMailto,
  isRoleAddress,
  isValidEmail,
  normalizeEmail,
} from './rules';
import type { RawContact } from './types';

const raw = (email: string, role: RawContact['role'], extra: Partial<RawContact> = {}) => ({
  email,
  role,
  confidence: 0.8,
  ...extra,
});

describe('normalizeEmail', () => {
  it('trims, lowercases and unwraps mailto and angle brackets', () => {
    expect(normalizeEmail('  Jane.Doe@Acme.Example ')).toBe('jane.doe@acme.example');
    expect(normalizeEmail('mailto:Jane%40acme.example?subject=Hi%20there')).toBe(
      'jane@acme.example',
    );
    expect(normalizeEmail('MAILTO:jane@acme.example')).toBe('jane@acme.example');
    expect(normalizeEmail('<jane@acme.example>')).toBe('jane@acme.example');
  });

  it('rejects what is not one valid address', () => {
    for (const bad of [
      '',
      'jane',
      'jane@',
      '@acme.example',
      'jane@@acme.example',
      'jane@acme',
      'jane@acme.c',
      'jane@acme..example',
      'jane@-acme.example',
      'jane@acme-.example',
      '.jane@acme.example',
      'jane.@acme.example',
      'ja..ne@acme.example',
      'ja ne@acme.example',
      'mailto:a@x.example,b@y.example',
      'javascript:alert(1)//@x.example',
      `${'a'.repeat(65)}@acme.example`,
      `jane@${'a'.repeat(64)}.example`,
      `jane@${'ab.'.repeat(90)}example`,
      'jane@acme.123',
      'jané@acme.example',
    ]) {
      expect(normalizeEmail(bad), bad).toBeUndefined();
    }
    expect(normalizeEmail(42)).toBeUndefined();
    expect(normalizeEmail(undefined)).toBeUndefined();
  });

  it('accepts ordinary and punycode addresses', () => {
    expect(isValidEmail("o'brien+crm@sub.acme.example")).toBe(true);
    expect(isValidEmail('jane@xn--bcher-kva.example')).toBe(true);
    expect(isValidEmail('jane@acme.xn--p1ai')).toBe(true);
  });

  // A catastrophic-backtracking pattern would hang here; the test timeout is the guard.
  it('rejects long hostile input without hanging', () => {
    for (let i = 0; i < 200; i++) {
      expect(normalizeEmail(`${'a.'.repeat(30)}!@${'a-'.repeat(2000)}`)).toBeUndefined();
      expect(normalizeEmail(`mailto:${'%'.repeat(5000)}`)).toBeUndefined();
      expect(isValidEmail(`${'a'.repeat(60)}@${'a'.repeat(60)}.${'a-'.repeat(60)}`)).toBe(false);
      expect(isValidEmail(`a@${'a.'.repeat(120)}!`)).toBe(false);
    }
  }, 10_000);
});

describe('emailsFromMailto', () => {
  it('splits several addresses, decodes, drops the query but keeps its to=', () => {
    expect(emailsFromMailto('mailto:a@x.example,%20B@Y.example?subject=Hi&cc=c@z.example')).toEqual(
      ['a@x.example', 'b@y.example'],
    );
    expect(emailsFromMailto('mailto:?to=d%40w.example&body=x')).toEqual(['d@w.example']);
    expect(emailsFromMailto('mailto:a@x.example;a@x.example')).toEqual(['a@x.example']);
  });

  it('gives nothing for non-mailto or broken hrefs', () => {
    expect(emailsFromMailto('javascript:alert("a@x.example")')).toEqual([]);
    expect(emailsFromMailto('https://a@x.example')).toEqual([]);
    expect(emailsFromMailto('mailto:%E0%A4%A')).toEqual([]);
    expect(emailsFromMailto('mailto:')).toEqual([]);
  });

  it('caps how many addresses one href yields', () => {
    const many = Array.from({ length: 50 }, (_, i) => `p${i}@x.example`).join(',');
    expect(emailsFromMailto(`mailto:${many}`)).toHaveLength(10);
  });
});

describe('isRoleAddress', () => {
  it('flags no-reply, bounce and system senders with their variants', () => {
    for (const role of [
      'noreply@x.example',
      'no-reply@x.example',
      'no_reply@x.example',
      'No.Reply@x.example',
      'noreply+abc@x.example',
      'do-not-reply@x.example',
      'donotreply@x.example',
      'marketing-noreply@x.example',
      'noreply-dmarc-support@x.example',
      'mailer-daemon@x.example',
      'postmaster@x.example',
      'bounce@x.example',
      'bounces+123-abc@x.example',
      'bounce-mc.us1_123@x.example',
      'notifications@x.example',
      'notification@x.example',
      'calendar-notification@x.example',
    ]) {
      expect(isRoleAddress(role), role).toBe(true);
    }
  });

  it('keeps people', () => {
    for (const person of [
      'jane@x.example',
      'nora.reilly@x.example',
      'replies-to-jane@x.example',
      'post.master.chef@x.example',
      'noticia@x.example',
    ]) {
      expect(isRoleAddress(person), person).toBe(false);
    }
  });
});

describe('applyContactRules', () => {
  it('normalises, drops invalid, own, internal and role addresses, and tags the site', () => {
    const contacts = applyContactRules(
      {
        contacts: [
          raw(' Jane@Client.Example ', 'sender', { name: ' Jane  Doe ' }),
          raw('not-an-email', 'recipient'),
          raw('me@mycompany.example', 'recipient'),
          raw('rep@seen-on-page.example', 'recipient'),
          raw('boss@MyCompany.example', 'cc'),
          raw('ops@eu.mycompany.example', 'cc'),
          raw('someone@notmycompany.example', 'cc'),
          raw('no-reply@client.example', 'sender'),
        ],
        ownEmails: ['REP@seen-on-page.example'],
      },
      'gmail',
      { ownEmails: ['me@mycompany.example'], internalDomains: ['@MyCompany.example'] },
    );
    expect(contacts).toEqual([
      {
        email: 'jane@client.example',
        name: 'Jane Doe',
        role: 'sender',
        site: 'gmail',
        confidence: 0.8,
      },
      { email: 'someone@notmycompany.example', role: 'cc', site: 'gmail', confidence: 0.8 },
    ]);
  });

  it('keeps one entry per address with the best role, its name and the best confidence', () => {
    const contacts = applyContactRules(
      {
        contacts: [
          raw('a@x.example', 'link', { name: 'From link', confidence: 0.9 }),
          raw('A@x.example', 'compose', { confidence: 0.4 }),
          raw('a@x.example', 'cc', { name: 'From cc', confidence: 0.5 }),
          raw('b@x.example', 'recipient'),
          raw('b@x.example', 'compose', { name: 'Bee' }),
        ],
      },
      'gmail',
    );
    expect(contacts).toEqual([
      { email: 'b@x.example', name: 'Bee', role: 'recipient', site: 'gmail', confidence: 0.8 },
      { email: 'a@x.example', name: 'From cc', role: 'cc', site: 'gmail', confidence: 0.9 },
    ]);
  });

  it('ranks compose below cc and above record', () => {
    const roles = applyContactRules(
      {
        contacts: [
          raw('l@x.example', 'link'),
          raw('r@x.example', 'record'),
          raw('m@x.example', 'compose'),
          raw('c@x.example', 'cc'),
          raw('t@x.example', 'recipient'),
          raw('s@x.example', 'sender'),
        ],
      },
      'x',
    ).map((c) => c.role);
    expect(roles).toEqual(['sender', 'recipient', 'cc', 'compose', 'record', 'link']);
  });

  it('puts the primary first, then role rank, then page order', () => {
    const emails = applyContactRules(
      {
        contacts: [
          raw('r1@x.example', 'recipient'),
          raw('s1@x.example', 'sender'),
          raw('r2@x.example', 'recipient'),
          raw('c1@x.example', 'cc', { primary: true }),
          raw('s2@x.example', 'sender'),
        ],
      },
      'x',
    ).map((c) => c.email);
    expect(emails).toEqual([
      'c1@x.example',
      's1@x.example',
      's2@x.example',
      'r1@x.example',
      'r2@x.example',
    ]);
  });

  it('drops names that only repeat the address and clamps confidence', () => {
    const [contact] = applyContactRules(
      { contacts: [raw('a@x.example', 'sender', { name: 'A@X.example', confidence: 7 })] },
      'x',
    );
    expect(contact).toEqual({ email: 'a@x.example', role: 'sender', site: 'x', confidence: 1 });
  });

  it('survives hostile adapter output', () => {
    const hostile = [
      null,
      { email: 42, role: 'sender', confidence: 1 },
      { email: 'a@x.example', role: '__proto__', confidence: Number.NaN, name: {} },
      { email: 'b@x.example', role: 'toString', confidence: 1, name: 'x'.repeat(10_000) },
    ] as unknown as RawContact[];
    expect(applyContactRules({ contacts: hostile }, 'x')).toEqual([
      { email: 'a@x.example', role: 'link', site: 'x', confidence: 0 },
      { email: 'b@x.example', role: 'link', site: 'x', confidence: 1 },
    ]);
  });
});
