/** Saves `text` as a file through the browser's download (no permission needed). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // After the click has handed the blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `2025-01-31`, for file names. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
