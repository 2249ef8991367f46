/**
 * Which opens and clicks a machine probably made: privacy proxies fetch every image at
 * delivery and link scanners click every link within seconds of it, so these touches say
 * nothing about the person. Connectors call this on each page; the sidebar's "possibly
 * automated" filter shows the result (`confidence: 'machine_suspected'`).
 */

/** User agents of image proxies and link scanners (matched case-insensitively). */
export const SCANNER_USER_AGENTS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'GoogleImageProxy', pattern: /GoogleImageProxy|ggpht\.com/i },
  // Apple Mail Privacy Protection fetches with a bare WebKit agent and no browser token.
  { name: 'Apple Mail Privacy Protection', pattern: /^Mozilla\/5\.0$|AppleMailPrivacy/i },
  { name: 'Yahoo Mail Proxy', pattern: /YahooMailProxy/i },
  { name: 'Mimecast', pattern: /Mimecast/i },
  { name: 'Proofpoint', pattern: /Proofpoint|urldefense|ppops/i },
  { name: 'Barracuda', pattern: /Barracuda/i },
  {
    name: 'Microsoft Defender Safe Links',
    pattern: /SafeLinks|Microsoft Office Protection|BingPreview|ms-office-protect/i,
  },
  { name: 'Cisco Email Security', pattern: /IronPort|Cisco/i },
  { name: 'Symantec', pattern: /Symantec|MessageLabs/i },
  { name: 'Trend Micro', pattern: /TrendMicro|Trend Micro/i },
  {
    name: 'headless browser',
    pattern: /HeadlessChrome|PhantomJS|python-requests|curl\/|Go-http-client/i,
  },
];

/** A click this soon after delivery is a scanner's, not a reader's. */
export const CLICK_AFTER_DELIVERY_MS = 5_000;
/** Distinct links of one email clicked within this span count as "all at once". */
export const LINKS_AT_ONCE_MS = 2_000;

export interface TouchToJudge {
  type: string;
  occurredMs: number;
  /** Who and which email: clicks are compared within the same (contact, email). */
  contactKey: string;
  emailKey?: string;
  url?: string;
  userAgent?: string;
  /** The vendor's own flag (Marketo "Is Bot Activity"). */
  vendorBot?: boolean;
  /** The vendor's reason (Marketo "Bot Activity Pattern"). */
  vendorBotPattern?: string;
}

export function scannerOf(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const found = SCANNER_USER_AGENTS.find((s) => s.pattern.test(userAgent.trim()));
  return found ? found.name : null;
}

const JUDGED = new Set(['email.opened', 'email.clicked']);

/**
 * Judges a batch of touches (one page); `deliveredAt` remembers deliveries across pages.
 * Returns, per touch index, why it looks automated (or nothing).
 */
export class MachineSuspectedRule {
  private readonly deliveredAt = new Map<string, number>();

  /** Bounded: only recent deliveries matter for a few seconds' window. */
  constructor(private readonly maxRemembered = 100_000) {}

  judge(touches: readonly TouchToJudge[]): Array<string | null> {
    for (const t of touches) {
      if ((t.type === 'email.delivered' || t.type === 'email.sent') && t.emailKey) {
        const key = `${t.contactKey}\u0000${t.emailKey}`;
        this.deliveredAt.delete(key);
        this.deliveredAt.set(key, t.occurredMs);
        if (this.deliveredAt.size > this.maxRemembered) {
          const oldest = this.deliveredAt.keys().next().value;
          if (oldest !== undefined) this.deliveredAt.delete(oldest);
        }
      }
    }
    const reasons = touches.map((t) => this.single(t));
    this.markLinksAtOnce(touches, reasons);
    return reasons;
  }

  private single(t: TouchToJudge): string | null {
    if (!JUDGED.has(t.type)) return null;
    if (t.vendorBot)
      return `vendor bot flag${t.vendorBotPattern ? ` (${t.vendorBotPattern})` : ''}`;
    const scanner = scannerOf(t.userAgent);
    if (scanner) return `user agent: ${scanner}`;
    if (t.type === 'email.clicked' && t.emailKey) {
      const delivered = this.deliveredAt.get(`${t.contactKey}\u0000${t.emailKey}`);
      if (delivered !== undefined && t.occurredMs - delivered <= CLICK_AFTER_DELIVERY_MS) {
        return 'clicked within seconds of delivery';
      }
    }
    return null;
  }

  private markLinksAtOnce(touches: readonly TouchToJudge[], reasons: Array<string | null>) {
    const groups = new Map<string, number[]>();
    touches.forEach((t, i) => {
      if (t.type !== 'email.clicked' || !t.emailKey) return;
      const key = `${t.contactKey}\u0000${t.emailKey}`;
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    for (const indexes of groups.values()) {
      if (indexes.length < 2) continue;
      indexes.sort((a, b) => touches[a]!.occurredMs - touches[b]!.occurredMs);
      // Any window of LINKS_AT_ONCE_MS holding two or more distinct links.
      let start = 0;
      for (let end = 0; end < indexes.length; end++) {
        while (
          touches[indexes[end]!]!.occurredMs - touches[indexes[start]!]!.occurredMs >
          LINKS_AT_ONCE_MS
        ) {
          start++;
        }
        const window = indexes.slice(start, end + 1);
        const links = new Set(window.map((i) => touches[i]!.url ?? ''));
        if (links.size >= 2) {
          for (const i of window) reasons[i] ??= 'every link clicked at once';
        }
      }
    }
  }
}
