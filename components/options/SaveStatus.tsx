/** What the last save did, read out by screen readers (a live region that is always there). */
export type SaveOutcome = { ok: true; text: string } | { ok: false; text: string } | undefined;

export function SaveStatus({ outcome }: { outcome: SaveOutcome }) {
  return (
    <p className={outcome?.ok === false ? 'save-status error' : 'save-status'} role="status">
      {outcome?.text}
    </p>
  );
}
