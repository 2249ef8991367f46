import { useCallback, useEffect, useState } from 'react';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import type { AuditEntry } from '../../utils/protocol/protocol';
import { auditEntriesAsCsv, auditEntriesAsJson } from './audit-export';
import { downloadText, today } from './download';
import { errorText } from '../../utils/contract/errors';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

const OUTCOME_LABELS: Record<AuditEntry['outcome'], string> = {
  matched: 'Found',
  not_found: 'Not found',
  ambiguous: 'Several matches',
  error: 'Error',
};

/** The lookups recorded in this browser (newest first): view, export, clear. */
export function AuditLog() {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [outcome, setOutcome] = useState<SaveOutcome>();
  /** Resolves true when the log was read; a failure is shown, never thrown. */
  const load = useCallback(
    () =>
      pageToBackground.sendMessage('getAuditLog', undefined).then(
        (list) => {
          setEntries(list);
          return true;
        },
        (error: unknown) => {
          setOutcome({
            ok: false,
            text: `Could not read the audit log (${errorText(error)}). Click Refresh; if it keeps failing, reload the extension.`,
          });
          return false;
        },
      ),
    [],
  );
  useEffect(() => void load(), [load]);

  const exportAs = (format: 'json' | 'csv') => {
    const list = entries ?? [];
    if (format === 'csv') {
      downloadText(`touchpoint-audit-${today()}.csv`, auditEntriesAsCsv(list), 'text/csv');
    } else {
      downloadText(
        `touchpoint-audit-${today()}.json`,
        auditEntriesAsJson(list),
        'application/json',
      );
    }
  };
  const clear = () =>
    void pageToBackground.sendMessage('clearAuditLog', undefined).then(
      async () => {
        if (await load()) setOutcome({ ok: true, text: 'Audit log cleared.' });
      },
      (error: unknown) =>
        setOutcome({
          ok: false,
          text: `The audit log was not cleared (${errorText(error)}). Try again; if it keeps failing, reload the extension.`,
        }),
    );

  const newestFirst = [...(entries ?? [])].reverse();
  return (
    <div className="audit-log">
      <h3>Audit log</h3>
      <div className="actions">
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
        <button type="button" onClick={() => exportAs('json')} disabled={!entries?.length}>
          Export JSON
        </button>
        <button type="button" onClick={() => exportAs('csv')} disabled={!entries?.length}>
          Export CSV
        </button>
        <button type="button" className="danger" onClick={clear} disabled={!entries?.length}>
          Clear audit log
        </button>
      </div>
      <SaveStatus outcome={outcome} />
      {entries === undefined ? (
        <p>Loading the audit log…</p>
      ) : entries.length === 0 ? (
        <p>No lookups recorded.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit log entries">
          <table>
            <caption>
              {entries.length} lookup{entries.length === 1 ? '' : 's'}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Site</th>
                <th scope="col">Contact</th>
                <th scope="col">Backend</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((entry, index) => (
                <tr key={`${entry.time}-${index}`}>
                  <td>
                    <time dateTime={new Date(entry.time).toISOString()}>
                      {new Date(entry.time).toLocaleString()}
                    </time>
                  </td>
                  <td>{entry.site}</td>
                  <td className="contact">{entry.contact}</td>
                  <td>{entry.backendId}</td>
                  <td>{OUTCOME_LABELS[entry.outcome] ?? entry.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
