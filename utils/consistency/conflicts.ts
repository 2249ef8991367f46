/**
 * When two messaging entries contradict each other, shared by the contact's
 * exposure and the library lint:
 * - **avoided phrase**: a talking point or the statement of one entry contains a phrase the
 *   other lists under `avoid` (matched like a draft: whole words, inflections, hyphens);
 * - **same theme**: two entries with the same theme (after normalisation), i.e. two versions
 *   of one message.
 */
import type { Messaging } from '../contract/schemas';
import {
  compileMessaging,
  phrasesUsedIn,
  type CompiledClaim,
  type CompiledEntry,
  type CompiledMessaging,
} from './matcher';

export interface AvoidedPhraseConflict {
  kind: 'avoided-phrase';
  /** The entry whose text uses the phrase. */
  usedBy: string;
  /** The entry that lists the phrase under `avoid`. */
  avoidedBy: string;
  phrase: string;
  /** The talking point or statement that uses it. */
  text: string;
  field: 'talkingPoint' | 'statement';
}

export interface SameThemeConflict {
  kind: 'same-theme';
  /** The two entries, in library order. */
  ids: [string, string];
  theme: string;
  versions: [string | number | undefined, string | number | undefined];
}

export type MessagingConflict = AvoidedPhraseConflict | SameThemeConflict;

function claimsWithField(entry: CompiledEntry) {
  return [
    ...entry.talkingPoints.map((claim) => ({ claim, field: 'talkingPoint' as const })),
    { claim: entry.statement, field: 'statement' as const },
  ] satisfies Array<{ claim: CompiledClaim; field: 'talkingPoint' | 'statement' }>;
}

/**
 * Every conflict among `messaging` (pairs of different entries; an entry that uses its own
 * avoided phrase is reported by the lint, not here). Avoided-phrase conflicts are directed:
 * one per (text, phrase, avoiding entry).
 */
export function findConflicts(
  messaging: readonly Messaging[],
  compiled: CompiledMessaging = compileMessaging(messaging),
): MessagingConflict[] {
  const conflicts: MessagingConflict[] = [];
  for (const entry of compiled.entries) {
    for (const { claim, field } of claimsWithField(entry)) {
      for (const { phrase, entries } of phrasesUsedIn(compiled, claim)) {
        for (const avoiding of entries) {
          if (avoiding.messaging.id === entry.messaging.id) continue;
          conflicts.push({
            kind: 'avoided-phrase',
            usedBy: entry.messaging.id,
            avoidedBy: avoiding.messaging.id,
            phrase: avoiding.avoid.find((a) => a.key === phrase.key)?.text ?? phrase.text,
            text: claim.text,
            field,
          });
        }
      }
    }
  }
  const byTheme = new Map<string, CompiledEntry[]>();
  for (const entry of compiled.entries) {
    if (!entry.themeKey) continue;
    const group = byTheme.get(entry.themeKey);
    if (group) group.push(entry);
    else byTheme.set(entry.themeKey, [entry]);
  }
  for (const group of byTheme.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!.messaging;
        const b = group[j]!.messaging;
        if (a.id === b.id) continue;
        conflicts.push({
          kind: 'same-theme',
          ids: [a.id, b.id],
          theme: a.theme,
          versions: [a.version, b.version],
        });
      }
    }
  }
  return conflicts;
}

/** The two ids a conflict is between. */
export function conflictIds(conflict: MessagingConflict): [string, string] {
  return conflict.kind === 'same-theme' ? conflict.ids : [conflict.usedBy, conflict.avoidedBy];
}
