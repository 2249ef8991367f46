/**
 * In the in-page sidebar (the sidebar page framed in a tab): Escape closes the frame. Key
 * presses inside the frame never reach the page's content script, so the page asks the
 * background, which tells its tab (`closeInpageSidebar`). Does nothing in the browser's side
 * panel or a tab of its own.
 */
export function closeFrameOnEscape(win: Window, close: () => Promise<unknown>): void {
  if (win.parent === win) return;
  win.addEventListener('keydown', (event) => {
    // A control that used Escape itself (a menu closing) has prevented the default.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    close().catch((error: unknown) =>
      console.warn('Touchpoint: could not close the in-page sidebar', error),
    );
  });
}
