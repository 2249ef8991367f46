/**
 * Export and import of every settings group as one JSON file (`SettingsFile`). Import is all
 * or nothing: the whole file is validated, and checked against the team policy and the sync
 * quota, before the first write (see `writeAllGroups`).
 */
import { describeZodError } from '../contract/errors';
import { SettingsFile, type AllSettings, type BackendConfig } from './schema';
import { loadSettingsView, writeAllGroups, type SettingsView } from './settings-store';

/**
 * The effective settings (what the extension uses, policy included) as a settings file. API
 * keys are left out unless `includeApiKeys`: a file gets mailed around.
 */
export async function exportSettings({
  includeApiKeys,
}: {
  includeApiKeys: boolean;
}): Promise<SettingsFile> {
  const { values } = await loadSettingsView();
  return {
    touchpointSettings: 1,
    ...values,
    backends: {
      ...values.backends,
      backends: values.backends.backends.map(({ apiKey, ...backend }) =>
        includeApiKeys ? { ...backend, apiKey } : backend,
      ),
    },
  };
}

/** `message`, when present, says what the admin still has to do (enter a backend's key). */
export type ImportResult = { ok: true; message?: string } | { ok: false; error: string };

function originOf(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return undefined;
  }
}

/**
 * The file's values, with the API keys the file leaves out. A backend without `apiKey` keeps
 * the stored key of the backend with the same id only when it still points at the same
 * origin: a file that only changes a URL must not send a stored key to another server.
 * `keyless` collects the names of backends imported without a key.
 */
function withStoredKeys(file: SettingsFile, current: SettingsView, keyless: string[]): AllSettings {
  const stored = new Map(current.values.backends.backends.map((b) => [b.id, b]));
  const keyFor = (backend: SettingsFile['backends']['backends'][number]): string => {
    if (backend.apiKey !== undefined) return backend.apiKey;
    const same = stored.get(backend.id);
    const origin = originOf(backend.baseUrl);
    if (same && origin !== undefined && originOf(same.baseUrl) === origin) return same.apiKey;
    return '';
  };
  const backends: BackendConfig[] = file.backends.backends.map((backend) => {
    const apiKey = keyFor(backend);
    if (!apiKey) keyless.push(backend.name);
    return { ...backend, apiKey };
  });
  return { ...file, backends: { ...file.backends, backends } };
}

/** `Unexpected token } in JSON at position 12` → with a line and column when we can tell. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  let where = '';
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = Number(position[1]) - before.lastIndexOf('\n');
    where = ` (line ${line}, column ${column})`;
  }
  return `The file is not valid JSON${where}: ${message}. Nothing was changed; export the settings again or fix the file.`;
}

/**
 * Applies a settings file, all groups or nothing. A backend without `apiKey` keeps the stored
 * key of the backend with the same id and origin (an export without keys imports back
 * unchanged); any other is imported without a key and the result says to enter it. Errors
 * name the field (`backends.backends[1].baseUrl: …`) and leave every setting as it was.
 * Never throws.
 */
export async function importSettings(text: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: describeJsonError(text, error) };
  }
  const parsed = SettingsFile.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: `${describeZodError(parsed.error)}. Nothing was changed; fix the file and import it again.`,
    };
  }
  const file = parsed.data;
  const keyless: string[] = [];
  try {
    await writeAllGroups((current) => {
      keyless.length = 0;
      return withStoredKeys(file, current, keyless);
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\.?$/, '.');
    return { ok: false, error: `${message} Nothing was changed.` };
  }
  if (keyless.length === 0) return { ok: true };
  return {
    ok: true,
    message: keyless.map((name) => `backend ${name}: enter its API key`).join('; '),
  };
}
