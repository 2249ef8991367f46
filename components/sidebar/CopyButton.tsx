import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'refused';

/** How long "Copied" stays before the button reads as before. */
const CONFIRMATION_MS = 2500;

/**
 * Copies `text` to the clipboard. The confirmation (or the refusal) is shown next to the
 * button in a status region, so it is seen and announced. `context` finishes the button's
 * accessible name ("Copy link" + " to Pricing page"), which many buttons on one page need.
 */
export function CopyButton({
  text,
  label,
  context,
}: {
  text: string;
  label: string;
  context: string;
}) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    // The clipboard API is missing on insecure or very old hosts; say so like a refusal.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    (clipboard ? clipboard.writeText(text) : Promise.reject(new Error('no clipboard'))).then(
      () => setState('copied'),
      () => setState('refused'),
    );
  };
  return (
    <span className="copy">
      <button type="button" className="small" onClick={copy}>
        {label}
        <span className="visually-hidden"> {context}</span>
      </button>
      <span role="status" className={state === 'refused' ? 'copy-status error' : 'copy-status'}>
        {state === 'copied'
          ? 'Copied'
          : state === 'refused'
            ? 'The browser refused the clipboard: select the text and copy it by hand.'
            : ''}
      </span>
    </span>
  );
}
