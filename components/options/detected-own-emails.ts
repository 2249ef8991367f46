import { useState } from 'react';
import { detectedOwnEmails } from '../../utils/settings';
import { useLiveEffect } from '../use-live-effect';

/** Addresses pages showed as the signed-in user's, kept current. */
export function useDetectedOwnEmails(): string[] {
  const [emails, setEmails] = useState<string[]>([]);
  useLiveEffect((live) => {
    detectedOwnEmails.getValue().then(
      (value) => live() && setEmails(value),
      // Only a suggestion list: the page works without it, and a later change fills it.
      (error: unknown) => console.warn('Touchpoint: could not read detected addresses', error),
    );
    const unwatch = detectedOwnEmails.watch((value) => live() && setEmails(value));
    return () => {
      unwatch();
    };
  }, []);
  return emails;
}
