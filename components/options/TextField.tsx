import { useId, type ReactNode } from 'react';
import { LockedNote } from './LockedNote';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** What is wrong with the value, shown next to it. */
  error?: string;
  locked?: boolean;
  type?: 'text' | 'url' | 'password' | 'email';
  placeholder?: string;
  /** Controls after the input (a show/hide button). */
  children?: ReactNode;
}

/** A labelled input whose error and lock note are its description. */
export function TextField(props: TextFieldProps) {
  const { label, value, onChange, error, locked, type = 'text', placeholder, children } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const lockId = `${id}-lock`;
  const describedBy = [error && errorId, locked && lockId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input
          id={id}
          type={type}
          value={value}
          placeholder={placeholder}
          disabled={locked}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {children}
      </div>
      {locked && <LockedNote id={lockId} />}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
