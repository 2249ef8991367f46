import { createHash } from 'node:crypto';

/** The `emailSha256` of a contact reference: hex SHA-256 of the normalised email. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
