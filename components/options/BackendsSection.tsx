import { useEffect, useRef, useState } from 'react';
import {
  backendKeyPath,
  backendPermission,
  BackendSettings,
  isLocked,
  type BackendConfig,
  FEEDBACK_BACKEND_PATH,
} from '../../utils/settings';
import { backendUrlProblem } from '../../utils/contract/backend-url';
import { BackendStatusView } from '../BackendStatusView';
import { useBackendStatus } from '../useBackendStatus';
import { BackendEditor } from './BackendEditor';
import { testConnection, type ConnectionTests } from './connection-test';
import { errorText } from '../../utils/contract/errors';
import { FeedbackBackendPicker } from './FeedbackBackendPicker';
import { fieldErrors, type FieldErrors } from './field-errors';
import { backendHostNeeds } from './host-access';
import { HostAccess } from './HostAccess';
import { requestOrigins } from './host-permission';
import { LockedNote } from './LockedNote';
import { SaveStatus } from './SaveStatus';
import type { SettingsView } from './settings-view';
import { useGroupSave } from './use-group-save';

interface BackendsSectionProps {
  view: SettingsView;
  tests: ConnectionTests;
  onTested(id: string, test: ConnectionTests[string]): void;
}

function newBackend(position: number): BackendConfig {
  return {
    id: crypto.randomUUID(),
    name: position === 0 ? 'Backend' : `Backend ${position + 1}`,
    baseUrl: '',
    apiKey: '',
    enabled: true,
  };
}

/** The backends in the admin's order; edits apply on Save, after the host permission. */
export function BackendsSection({ view, tests, onTested }: BackendsSectionProps) {
  const saved = view.values.backends;
  const savedJson = JSON.stringify(saved);
  const [draft, setDraft] = useState(saved.backends);
  const [draftOf, setDraftOf] = useState(savedJson);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { outcome, setOutcome, save: saveGroup } = useGroupSave('backends');
  const [moved, setMoved] = useState<{ id: string; offset: -1 | 1 }>();
  const sectionRef = useRef<HTMLElement>(null);
  // Keep the keyboard where it was: on the moved backend's move button (or the other one
  // when it reached the end of the list).
  useEffect(() => {
    if (!moved) return;
    const group = sectionRef.current?.querySelector(`[data-backend-id="${CSS.escape(moved.id)}"]`);
    const button = (offset: number) =>
      group?.querySelector<HTMLButtonElement>(`button[data-move="${offset}"]:not(:disabled)`);
    (button(moved.offset) ?? button(-moved.offset))?.focus();
  }, [moved]);
  // Saved elsewhere (another tab, an import): start from what is stored now.
  if (draftOf !== savedJson) {
    setDraftOf(savedJson);
    setDraft(saved.backends);
  }
  const locked = isLocked(view.locked, 'backends');
  // What lookups use now: the first enabled saved backend, as the background sees it.
  const current = useBackendStatus(savedJson);

  const replace = (index: number, backend: BackendConfig) =>
    setDraft(draft.map((b, i) => (i === index ? backend : b)));
  const move = (index: number, offset: -1 | 1) => {
    const next = [...draft];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + offset, 0, item);
    setDraft(next);
    setMoved({ id: item.id, offset });
  };
  const test = (backend: BackendConfig) => {
    const baseUrl = backend.baseUrl.trim();
    onTested(backend.id, 'testing');
    const run = () =>
      void testConnection(baseUrl, backend.apiKey).then((status) => onTested(backend.id, status));
    // A new backend's origin is not granted yet: ask now, inside the click (user gesture),
    // or the test would fail for a reason the admin cannot see. A bad URL is reported by the
    // test itself.
    if (backendUrlProblem(baseUrl)) return run();
    const origin = new URL(baseUrl).origin;
    requestOrigins(backendPermission(baseUrl).origins).then(
      (granted) =>
        granted
          ? run()
          : onTested(backend.id, {
              kind: 'no_access',
              baseUrl,
              message: `Access to ${origin} was not allowed, so Touchpoint cannot test or use this backend. Click "Test connection" again and allow it.`,
            }),
      (error: unknown) =>
        onTested(backend.id, {
          kind: 'no_access',
          baseUrl,
          message: `Could not ask for access to ${origin}: ${errorText(error)}`,
        }),
    );
  };

  const save = () => {
    const parsed = BackendSettings.safeParse({ ...saved, backends: draft });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setOutcome({ ok: false, text: 'Not saved: correct the fields marked below.' });
      return;
    }
    setErrors({});
    let origins: string[];
    try {
      origins = parsed.data.backends
        .filter((backend) => backend.enabled)
        .flatMap((backend) => backendPermission(backend.baseUrl).origins);
    } catch (error) {
      setOutcome({ ok: false, text: `Not saved: ${errorText(error)}` });
      return;
    }
    // Synchronously in the click: the permission prompt needs the user's gesture.
    requestOrigins(origins).then(
      (granted) => {
        if (!granted) {
          setOutcome({
            ok: false,
            text: `Not saved: access to ${origins.map((o) => o.replace(/\/\*$/, '')).join(', ')} was refused. Save again and allow it: Touchpoint needs it to reach the backend.`,
          });
          return;
        }
        // The list as edited; the group's other fields as stored now.
        void saveGroup((current) => ({ ...current, backends: parsed.data.backends }));
      },
      (error: unknown) =>
        setOutcome({
          ok: false,
          text: `Not saved: the browser did not ask for access to the backend (${errorText(error)}). Save again.`,
        }),
    );
  };

  return (
    <section aria-labelledby="backends-heading" ref={sectionRef}>
      <h2 id="backends-heading">Backends</h2>
      <p className="hint">
        Contact details come from the first enabled backend that knows the contact; engagement from
        all of them. The API key stays in this browser&apos;s local storage.
      </p>
      <div className="current-status">
        <h3>In use now</h3>
        <BackendStatusView status={current} />
      </div>
      <HostAccess needs={backendHostNeeds(saved.backends)} />
      {locked && (
        <p className="hint">
          <LockedNote id="backends-lock" />: the list, names, URLs and switches. Enter your own API
          key where the policy leaves it to you.
        </p>
      )}
      {draft.length === 0 && <p>No backend yet. Add one to start looking contacts up.</p>}
      {draft.map((backend, index) => (
        <BackendEditor
          key={backend.id}
          backend={backend}
          position={index}
          count={draft.length}
          locked={locked}
          keyLocked={isLocked(view.locked, backendKeyPath(backend.id))}
          test={tests[backend.id]}
          errors={{
            name: errors[`backends.${index}.name`],
            baseUrl: errors[`backends.${index}.baseUrl`],
            apiKey: errors[`backends.${index}.apiKey`],
          }}
          onChange={(next) => replace(index, next)}
          onMove={(offset) => move(index, offset)}
          onRemove={() => setDraft(draft.filter((_, i) => i !== index))}
          onTest={() => test(backend)}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          onClick={() => setDraft([...draft, newBackend(draft.length)])}
          disabled={locked}
        >
          Add backend
        </button>
        {/* Under a policy list, users may still enter the keys the policy leaves to them. */}
        <button
          type="button"
          className="primary"
          onClick={save}
          disabled={
            draft.length > 0 && draft.every((b) => isLocked(view.locked, backendKeyPath(b.id)))
          }
        >
          Save
        </button>
      </div>
      {errors.backends && <p className="field-error">{errors.backends}</p>}
      <SaveStatus outcome={outcome} />
      {saved.backends.length > 0 && (
        <FeedbackBackendPicker saved={saved} locked={view.locked.includes(FEEDBACK_BACKEND_PATH)} />
      )}
    </section>
  );
}
