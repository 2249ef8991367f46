import { useId, useState } from 'react';
import type { z } from 'zod';
import { LockedNote } from './LockedNote';
import { TextField } from './TextField';

interface ListEditorProps {
  /** The list's heading; the add field is labelled `Add to <title>`-style by `addLabel`. */
  title: string;
  addLabel: string;
  placeholder: string;
  items: string[];
  /** Validates (and normalises) one entry. */
  itemSchema: z.ZodType<string, string>;
  locked: boolean;
  /**
   * Saves a change, given as a function of the list as stored when it is applied (so quick
   * changes in a row all land). Resolves true when it was stored; never rejects.
   */
  onSave(update: (current: string[]) => string[]): Promise<boolean>;
}

/** A list of strings with add (validated) and remove; every change is saved at once. */
export function ListEditor(props: ListEditorProps) {
  const { title, addLabel, placeholder, items, itemSchema, locked, onSave } = props;
  const lockId = useId();
  const [entry, setEntry] = useState('');
  const [error, setError] = useState<string>();

  const add = () => {
    const parsed = itemSchema.safeParse(entry);
    if (!parsed.success) {
      setError(`"${entry.trim()}": ${parsed.error.issues[0]?.message ?? 'not valid'}.`);
      return;
    }
    if (items.includes(parsed.data)) {
      setError(`${parsed.data} is already in the list.`);
      return;
    }
    setError(undefined);
    const item = parsed.data;
    // On failure (shown by the section) the field keeps the entry, to fix or add again.
    void onSave((current) => (current.includes(item) ? current : [...current, item])).then(
      // Cleared only when it still holds what was added (typing may have gone on meanwhile).
      (saved) => saved && setEntry((now) => (now === entry ? '' : now)),
    );
  };

  return (
    <fieldset>
      <legend>{title}</legend>
      {locked && <LockedNote id={lockId} />}
      {items.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="item-list">
          {items.map((item) => (
            <li key={item}>
              <span>{item}</span>
              <button
                type="button"
                disabled={locked}
                aria-label={`Remove ${item}`}
                aria-describedby={locked ? lockId : undefined}
                onClick={() => void onSave((current) => current.filter((i) => i !== item))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="add-row"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <TextField
          label={addLabel}
          placeholder={placeholder}
          value={entry}
          error={error}
          locked={locked}
          onChange={setEntry}
        />
        <button type="submit" disabled={locked}>
          Add
        </button>
      </form>
    </fieldset>
  );
}
