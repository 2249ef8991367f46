import { browser } from 'wxt/browser';

/** No backend yet: the way to the options page (the status line says what is missing). */
export function NotConfigured() {
  return (
    <section className="state" aria-label="Set up Touchpoint" data-state="not_configured">
      <p>Touchpoint needs a backend to show a contact&apos;s marketing context.</p>
      <button
        type="button"
        className="primary"
        onClick={() => void browser.runtime.openOptionsPage()}
      >
        Open the options page
      </button>
    </section>
  );
}
