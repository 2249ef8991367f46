import type { AuditEntry } from '../../utils/protocol/protocol';

/**
 * The audit log as files, from the entries the background sends (`getAuditLog`): the page
 * never reads the log's storage itself. Pure.
 */

const CSV_COLUMNS = ['time', 'site', 'contact', 'backendId', 'outcome'] as const;

/**
 * One CSV field: quoted when needed, and a leading `= + - @` defused with `'` so a
 * spreadsheet does not run it as a formula (an address may start with `=`).
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row; `time` as ISO 8601 (UTC). */
export function auditEntriesAsCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) =>
    CSV_COLUMNS.map((column) =>
      csvField(column === 'time' ? new Date(entry.time).toISOString() : String(entry[column])),
    ).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** A JSON array, oldest first, `time` as ISO 8601 (UTC). */
export function auditEntriesAsJson(entries: readonly AuditEntry[]): string {
  const json = entries.map((entry) => ({ ...entry, time: new Date(entry.time).toISOString() }));
  return `${JSON.stringify(json, null, 2)}\n`;
}
