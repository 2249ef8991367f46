/** What went wrong, for a message shown to the admin: the Error's own words, no "Error:". */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
