import { describe, expect, it } from 'vitest';
import { MachineSuspectedRule, scannerOf, type TouchToJudge } from './machine-suspected';

const base = Date.parse('2026-03-02T10:00:00Z');
function touch(partial: Partial<TouchToJudge>): TouchToJudge {
  return { type: 'email.opened', occurredMs: base, contactKey: 'ada@example.com', ...partial };
}

describe('machine-suspected rule', () => {
  it('trusts the vendor bot flag and names its pattern', () => {
    const [reason] = new MachineSuspectedRule().judge([
      touch({ vendorBot: true, vendorBotPattern: 'IAB list' }),
    ]);
    expect(reason).toBe('vendor bot flag (IAB list)');
  });

  it('knows proxy and scanner user agents, and lets browsers through', () => {
    expect(
      scannerOf(
        'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
      ),
    ).toBe('GoogleImageProxy');
    expect(scannerOf('Mozilla/5.0')).toBe('Apple Mail Privacy Protection');
    expect(scannerOf('Mimecast-URL-Protect/1.0')).toBe('Mimecast');
    expect(scannerOf('Proofpoint URL Defense')).toBe('Proofpoint');
    expect(scannerOf('Barracuda Sentinel (EE)')).toBe('Barracuda');
    expect(scannerOf('Microsoft Office Protection Service')).toBe('Microsoft Defender Safe Links');
    expect(
      scannerOf(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
      ),
    ).toBeNull();
    expect(scannerOf(undefined)).toBeNull();
  });

  it('marks a click within seconds of delivery, not one a minute later', () => {
    const rule = new MachineSuspectedRule();
    const reasons = rule.judge([
      touch({ type: 'email.delivered', emailKey: 'e1' }),
      touch({ type: 'email.clicked', emailKey: 'e1', occurredMs: base + 3_000, url: 'a' }),
      touch({ type: 'email.clicked', emailKey: 'e2', occurredMs: base + 3_000, url: 'a' }),
    ]);
    expect(reasons).toEqual([null, 'clicked within seconds of delivery', null]);
    // Deliveries are remembered across pages.
    expect(
      rule.judge([touch({ type: 'email.clicked', emailKey: 'e1', occurredMs: base + 60_000 })]),
    ).toEqual([null]);
    expect(
      rule.judge([touch({ type: 'email.clicked', emailKey: 'e1', occurredMs: base + 1_000 })]),
    ).toEqual(['clicked within seconds of delivery']);
  });

  it('marks every link of one email clicked at once, not one link clicked twice', () => {
    const reasons = new MachineSuspectedRule().judge([
      touch({ type: 'email.clicked', emailKey: 'e1', url: 'https://a', occurredMs: base }),
      touch({ type: 'email.clicked', emailKey: 'e1', url: 'https://b', occurredMs: base + 500 }),
      touch({ type: 'email.clicked', emailKey: 'e1', url: 'https://c', occurredMs: base + 900 }),
      touch({ type: 'email.clicked', emailKey: 'e2', url: 'https://a', occurredMs: base }),
      touch({ type: 'email.clicked', emailKey: 'e2', url: 'https://a', occurredMs: base + 500 }),
      touch({
        type: 'email.clicked',
        emailKey: 'e1',
        url: 'https://d',
        occurredMs: base + 600_000,
        contactKey: 'ada@example.com',
      }),
    ]);
    expect(reasons).toEqual([
      'every link clicked at once',
      'every link clicked at once',
      'every link clicked at once',
      null,
      null,
      null,
    ]);
  });

  it('judges only opens and clicks', () => {
    expect(
      new MachineSuspectedRule().judge([touch({ type: 'web.page_viewed', userAgent: 'Mimecast' })]),
    ).toEqual([null]);
  });
});
