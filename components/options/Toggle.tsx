import { useId, type ReactNode } from 'react';
import { LockedNote } from './LockedNote';

interface ToggleProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Set by policy: disabled, with the note as its description. */
  locked?: boolean;
  /** Disabled for another reason, given as `hint`. */
  disabled?: boolean;
  hint?: ReactNode;
}

/** An on/off switch with a visible label; its hint or lock note is its description. */
export function Toggle({ label, checked, onChange, locked, disabled, hint }: ToggleProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const lockId = `${id}-lock`;
  const describedBy = [locked && lockId, hint && hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field toggle">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={locked || disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {locked && <LockedNote id={lockId} />}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
