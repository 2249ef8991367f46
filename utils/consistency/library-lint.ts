/**
 * Lint of the messaging library (the library page for marketers). Findings, each
 * with what to fix:
 * - `uses-avoided-phrase`: a talking point or statement uses a phrase that another entry (or
 *   the entry itself) lists under `avoid`; one finding per text and phrase, naming every
 *   entry that avoids it. This is how entries contradict each other in what they say.
 * - `same-theme-overlap`: two entries with the same theme whose validity overlaps (missing
 *   dates count as open-ended): two versions of one message in use at once. A v2 that starts
 *   when v1 ends is a proper succession, not a finding.
 * - `expired-on-active-campaign`: an entry past its `validUntil` still attached to a
 *   campaign whose status is `active` (through the campaign's `messagingIds` or the entry's
 *   `campaignIds`). Needs `campaigns`: without them the lint cannot know which are active.
 * Findings are ordered by kind as above, then by library order.
 */
import type { Campaign, Messaging } from '../contract/schemas';
import { compileMessaging, phrasesUsedIn, validityAt, type CompiledEntry } from './matcher';

export type LintKind = 'uses-avoided-phrase' | 'same-theme-overlap' | 'expired-on-active-campaign';

export interface LintFinding {
  kind: LintKind;
  /** `error`: reps are told contradicting things now; `warning`: worth a look. */
  severity: 'error' | 'warning';
  /** The entries concerned, the one to change first. */
  messagingIds: string[];
  campaignIds?: string[];
  phrase?: string;
  /** The talking point or statement concerned. */
  text?: string;
  /** What is wrong and what to fix, in one or two sentences. */
  message: string;
}

export interface LintOptions {
  /** ms since epoch; default `Date.now()`. */
  now?: number;
}

const name = (m: Messaging) =>
  `${m.id} (“${m.theme}”${m.version === undefined ? '' : `, v${m.version}`})`;

function overlaps(a: CompiledEntry, b: CompiledEntry): boolean {
  const aFrom = a.validFrom ?? -Infinity;
  const bFrom = b.validFrom ?? -Infinity;
  const aUntil = a.validUntil ?? Infinity;
  const bUntil = b.validUntil ?? Infinity;
  return aFrom < bUntil && bFrom < aUntil;
}

/** Lints a messaging library; see the module comment. */
export function lintLibrary(
  messaging: readonly Messaging[],
  campaigns: readonly Campaign[] = [],
  options: LintOptions = {},
): LintFinding[] {
  const now = options.now ?? Date.now();
  const compiled = compileMessaging(messaging);
  const findings: LintFinding[] = [];

  for (const entry of compiled.entries) {
    const m = entry.messaging;
    const texts = [
      ...entry.talkingPoints.map((claim) => ({ claim, field: 'talking point' })),
      { claim: entry.statement, field: 'statement' },
    ];
    for (const { claim, field } of texts) {
      for (const { phrase, entries } of phrasesUsedIn(compiled, claim)) {
        const others = entries.filter((e) => e.messaging.id !== m.id);
        const self = entries.some((e) => e.messaging.id === m.id);
        const written = entries[0]!.avoid.find((a) => a.key === phrase.key)?.text ?? phrase.text;
        const who = [
          ...(self ? ['its own avoid list'] : []),
          ...others.map((e) => name(e.messaging)),
        ].join(' and ');
        const expired = validityAt(entry, now) === 'expired';
        findings.push({
          kind: 'uses-avoided-phrase',
          severity: expired ? 'warning' : 'error',
          messagingIds: [m.id, ...others.map((e) => e.messaging.id)],
          phrase: written,
          text: claim.text,
          message:
            `The ${field} “${claim.text}” of ${name(m)} says “${written}”, which ${who} ` +
            `${others.length + (self ? 1 : 0) > 1 ? 'say' : 'says'} to avoid. Reword the ${field}` +
            (expired
              ? ' (or retire the entry: it has expired).'
              : ', or drop the phrase from the avoid list if it is allowed now.'),
        });
      }
    }
  }

  const byTheme = new Map<string, CompiledEntry[]>();
  for (const entry of compiled.entries) {
    if (!entry.themeKey) continue;
    byTheme.set(entry.themeKey, [...(byTheme.get(entry.themeKey) ?? []), entry]);
  }
  for (const group of byTheme.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.messaging.id === b.messaging.id || !overlaps(a, b)) continue;
        const [older, newer] =
          (a.validFrom ?? -Infinity) <= (b.validFrom ?? -Infinity) ? [a, b] : [b, a];
        findings.push({
          kind: 'same-theme-overlap',
          severity: 'warning',
          messagingIds: [older.messaging.id, newer.messaging.id],
          message:
            `${name(older.messaging)} and ${name(newer.messaging)} are two versions of ` +
            `“${a.messaging.theme}” valid at the same time. Set ${older.messaging.id}'s ` +
            `validUntil to when ${newer.messaging.id} starts, or merge them.`,
        });
      }
    }
  }

  const active = campaigns.filter((c) => c.status === 'active');
  for (const entry of compiled.entries) {
    if (validityAt(entry, now) !== 'expired') continue;
    const m = entry.messaging;
    const attached = active.filter(
      (c) => c.messagingIds?.includes(m.id) || m.campaignIds?.includes(c.id),
    );
    for (const c of attached) {
      findings.push({
        kind: 'expired-on-active-campaign',
        severity: 'error',
        messagingIds: [m.id],
        campaignIds: [c.id],
        message:
          `${name(m)} expired on ${m.validUntil} but is still attached to the active campaign ` +
          `${c.id} (“${c.name}”), so contacts may still receive it. Detach it from the ` +
          `campaign (replace it with its successor) or extend its validUntil.`,
      });
    }
  }
  return findings;
}
