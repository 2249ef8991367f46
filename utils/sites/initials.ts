/**
 * Up to two initials for the launcher: from the name ("Dana Whitfield" → "DW"), else from
 * the address's local part ("dana.whitfield@…" → "DW", "dana@…" → "D"). Pure: the content
 * script and the background share it.
 */
export function initialsOf(name: string | undefined, email: string): string {
  const fromName = words(name ?? '');
  const parts = fromName.length > 0 ? fromName : words(email.split('@')[0] ?? '');
  if (parts.length === 0) return '?';
  const first = parts[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? '') : '';
  return (initial(first) + initial(last)).toUpperCase();
}

function words(text: string): string[] {
  // Letters only: "O'Brien, Ann (Sales)" must not give "(" or "'" as an initial.
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => /\p{L}/u.test(word));
}

function initial(word: string): string {
  return [...word].find((char) => /\p{L}/u.test(char)) ?? '';
}
