/**
 * Export and import of every settings group as one JSON file (`SettingsFile`). Import is all
 * or nothing: the whole file is validated, and checked against the team policy, before the
 * first write.
 */
import { describeZodError } from '../api/errors';
import { policyBackendKeys } from './items';
import {
  loadSettingsView,
  loadStoredSettings,
  planGroupWrite,
  readPolicy,
  SETTINGS_GROUPS,
  SETTINGS_SCHEMAS,
  writeGroups,
  type AllSettings,
  type GroupWrite,
} from './policy';
import { SettingsFile } from './schema';

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

export type ImportResult = { ok: true } | { ok: false; error: string };

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
 * key of the backend with the same id, so an export without keys imports back unchanged.
 * Errors name the field (`backends.backends[1].baseUrl: …`) and leave every setting as it was.
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
  const [stored, policy, keys, view] = await Promise.all([
    loadStoredSettings(),
    readPolicy(),
    policyBackendKeys.getValue(),
    loadSettingsView(),
  ]);
  const currentKeys = new Map(view.values.backends.backends.map((b) => [b.id, b.apiKey]));
  const values: AllSettings = {
    ...file,
    backends: {
      ...file.backends,
      backends: file.backends.backends.map((backend) => ({
        ...backend,
        apiKey: backend.apiKey ?? currentKeys.get(backend.id) ?? '',
      })),
    },
  };
  const writes: GroupWrite[] = [];
  try {
    for (const group of SETTINGS_GROUPS) {
      // The file schema is each group's schema (keys optional); parse again for the output type.
      const value = SETTINGS_SCHEMAS[group].parse(values[group]) as AllSettings[typeof group];
      writes.push(planGroupWrite(group, value, stored, policy, keys));
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${message} Nothing was changed.` };
  }
  await writeGroups(writes);
  return { ok: true };
}
