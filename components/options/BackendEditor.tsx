import { useState } from 'react';
import type { BackendStatus } from '../../utils/protocol/backend-status';
import type { BackendConfig } from '../../utils/settings';
import { ConnectionResult } from './ConnectionResult';
import { TextField } from './TextField';
import { Toggle } from './Toggle';

interface BackendEditorProps {
  backend: BackendConfig;
  position: number;
  count: number;
  /** Messages by field name (`baseUrl`). */
  errors: Record<string, string | undefined>;
  /** The policy sets the list (names, URLs, order, switches)… */
  locked: boolean;
  /** …and, separately, maybe this backend's key. */
  keyLocked: boolean;
  test: BackendStatus | 'testing' | undefined;
  onChange(backend: BackendConfig): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
  onTest(): void;
}

/** One backend: its fields, its place in the order, and its connection test. */
export function BackendEditor(props: BackendEditorProps) {
  const { backend, position, count, errors, locked, keyLocked, test } = props;
  const [keyShown, setKeyShown] = useState(false);
  const update = (change: Partial<BackendConfig>) => props.onChange({ ...backend, ...change });
  return (
    <fieldset className="backend" data-backend-id={backend.id}>
      <legend>
        {position + 1}. {backend.name.trim() || 'New backend'}
      </legend>
      <TextField
        label="Name"
        value={backend.name}
        error={errors.name}
        locked={locked}
        onChange={(name) => update({ name })}
      />
      <TextField
        label="Backend URL"
        type="url"
        placeholder="https://context.example.com"
        value={backend.baseUrl}
        error={errors.baseUrl}
        locked={locked}
        onChange={(baseUrl) => update({ baseUrl })}
      />
      <TextField
        label="API key"
        type={keyShown ? 'text' : 'password'}
        value={backend.apiKey}
        error={errors.apiKey}
        locked={keyLocked}
        onChange={(apiKey) => update({ apiKey })}
      >
        <button
          type="button"
          aria-pressed={keyShown}
          disabled={keyLocked}
          onClick={() => setKeyShown(!keyShown)}
        >
          Show key
        </button>
      </TextField>
      <Toggle
        label="Enabled"
        checked={backend.enabled}
        locked={locked}
        onChange={(enabled) => update({ enabled })}
      />
      <div className="actions">
        <button type="button" onClick={props.onTest} disabled={test === 'testing'}>
          Test connection
        </button>
        <button
          type="button"
          data-move="-1"
          onClick={() => props.onMove(-1)}
          disabled={locked || position === 0}
        >
          Move up
        </button>
        <button
          type="button"
          data-move="1"
          onClick={() => props.onMove(1)}
          disabled={locked || position === count - 1}
        >
          Move down
        </button>
        <button type="button" className="danger" onClick={props.onRemove} disabled={locked}>
          Remove
        </button>
      </div>
      <ConnectionResult test={test} />
    </fieldset>
  );
}
