import { useEffect, useState } from 'react';
import { detectedOwnEmails } from '../../utils/settings';

/** Addresses pages showed as the signed-in user's, kept current. */
export function useDetectedOwnEmails(): string[] {
  const [emails, setEmails] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void detectedOwnEmails.getValue().then((value) => live && setEmails(value));
    const unwatch = detectedOwnEmails.watch((value) => live && setEmails(value));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return emails;
}
