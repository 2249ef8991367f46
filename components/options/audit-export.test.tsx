import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../utils/protocol/protocol';
import { auditEntriesAsCsv, auditEntriesAsJson } from './audit-export';

const ENTRIES: AuditEntry[] = [
  {
    time: Date.UTC(2025, 0, 31, 9),
    site: 'gmail',
    contact: '=cmd@x.example',
    backendId: 'b',
    outcome: 'matched',
  },
  {
    time: Date.UTC(2025, 0, 31, 10),
    site: 'hubspot',
    contact: 'a,"b"@x.example',
    backendId: 'b',
    outcome: 'error',
  },
];

describe('audit log export', () => {
  it('writes CSV with a header, quoting and formulas defused', () => {
    expect(auditEntriesAsCsv(ENTRIES)).toBe(
      'time,site,contact,backendId,outcome\r\n' +
        "2025-01-31T09:00:00.000Z,gmail,'=cmd@x.example,b,matched\r\n" +
        '2025-01-31T10:00:00.000Z,hubspot,"a,""b""@x.example",b,error\r\n',
    );
  });

  it('writes JSON with ISO times, oldest first', () => {
    const parsed = JSON.parse(auditEntriesAsJson(ENTRIES)) as { time: string; site: string }[];
    expect(parsed.map((entry) => [entry.time, entry.site])).toEqual([
      ['2025-01-31T09:00:00.000Z', 'gmail'],
      ['2025-01-31T10:00:00.000Z', 'hubspot'],
    ]);
  });
});
