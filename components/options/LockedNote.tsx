import { LOCKED_MESSAGE } from '../../utils/settings';

/** The note a locked field points to with `aria-describedby`. */
export function LockedNote({ id }: { id: string }) {
  return (
    <span id={id} className="locked-note">
      {LOCKED_MESSAGE}
    </span>
  );
}
