import { useId, useState } from 'react';
import { loadSettingsView } from '../../utils/settings';
import { exportSettings, importSettings } from '../../utils/settings/transfer';
import { downloadText, today } from './download';
import { errorText } from '../../utils/contract/errors';
import { backendHostNeeds, customDomainHostNeeds, missingHostAccess } from './host-access';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/**
 * What an imported file leaves to do here: origins not granted yet (an import cannot ask for
 * them: the browser asks only during a click on this page). '' when none.
 */
async function accessStillNeeded(): Promise<string> {
  const { values } = await loadSettingsView();
  const missing = await missingHostAccess([
    ...backendHostNeeds(values.backends.backends),
    ...customDomainHostNeeds(values.sites.customDomains),
  ]);
  if (missing.length === 0) return '';
  const origins = [...new Set(missing.map((need) => need.origin))].join(', ');
  return `Touchpoint can't reach ${origins} yet: click Grant access next to each under Backends and Custom domains.`;
}

/** `backend X: enter its API key` → `Backend X: enter its API key.` */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`.replace(/([^.!?])$/, '$1.');
}

/** Settings as one JSON file: export (keys only when asked), import all or nothing. */
export function ImportExportSection() {
  const id = useId();
  const [includeKeys, setIncludeKeys] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();

  const exportFile = () =>
    void exportSettings({ includeApiKeys: includeKeys }).then(
      (file) =>
        downloadText(
          `touchpoint-settings-${today()}.json`,
          `${JSON.stringify(file, null, 2)}\n`,
          'application/json',
        ),
      (error: unknown) =>
        setOutcome({
          ok: false,
          text: `Not exported: the settings could not be read (${errorText(error)}). Reload this page and export again.`,
        }),
    );

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const result = await importSettings(await file.text());
      if (!result.ok) {
        setOutcome({ ok: false, text: `Not imported (${file.name}): ${result.error}` });
        return;
      }
      const access = await accessStillNeeded().catch(() => '');
      setOutcome({
        ok: true,
        text: [`Imported ${file.name}: every setting now comes from it.`, result.message, access]
          .filter((part): part is string => Boolean(part))
          .map(asSentence)
          .join(' '),
      });
    } catch (error) {
      setOutcome({
        ok: false,
        text: `Not imported (${file.name}): the file could not be read (${errorText(error)}). Choose it again.`,
      });
    } finally {
      // The same file may be chosen again after it is fixed.
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Import and export</h2>
      <div className="field toggle">
        <input
          id={`${id}-keys`}
          type="checkbox"
          checked={includeKeys}
          aria-describedby={`${id}-keys-hint`}
          onChange={(event) => setIncludeKeys(event.target.checked)}
        />
        <label htmlFor={`${id}-keys`}>Include API keys</label>
        <p id={`${id}-keys-hint`} className="hint">
          Leave this off for a file you share: anyone with a key can read your marketing data.
        </p>
      </div>
      <div className="actions">
        <button type="button" onClick={exportFile}>
          Export settings
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Import settings from a file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          aria-describedby={`${id}-file-hint`}
          onChange={(event) => void importFile(event.target)}
        />
        <p id={`${id}-file-hint`} className="hint">
          Replaces every setting, or changes nothing if the file has an error.
        </p>
      </div>
      <SaveStatus outcome={outcome} />
    </section>
  );
}
