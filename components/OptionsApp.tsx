import { useState } from 'react';
import { browser } from 'wxt/browser';
import { BackendsSection } from './options/BackendsSection';
import type { ConnectionTests, SuccessfulTests } from './options/connection-test';
import { useDetectedOwnEmails } from './options/detected-own-emails';
import { DisplaySection } from './options/DisplaySection';
import { IdentitySection } from './options/IdentitySection';
import { ImportExportSection } from './options/ImportExportSection';
import { PrivacySection } from './options/PrivacySection';
import { useSettingsView } from './options/settings-view';
import { SitesSection } from './options/SitesSection';

/** The admin's page: one section per settings group. */
export function OptionsApp() {
  const { view, error } = useSettingsView();
  const detectedOwnEmails = useDetectedOwnEmails();
  // Connection tests outlive a Save; hashed lookups depend on what the tests found.
  const [tests, setTests] = useState<ConnectionTests>({});
  const [successes, setSuccesses] = useState<SuccessfulTests>({});
  const onTested = (id: string, test: ConnectionTests[string]) => {
    setTests((all) => ({ ...all, [id]: test }));
    if (typeof test === 'object' && test.kind === 'ok') {
      setSuccesses((all) => ({ ...all, [id]: test }));
    }
  };

  return (
    <main className="options">
      <h1>Touchpoint options</h1>
      <nav aria-label="Touchpoint pages">
        <a href={browser.runtime.getURL('/library.html')}>Messaging library</a>
      </nav>
      {!view ? (
        <p role="status" className={error ? 'save-status error' : undefined}>
          {error ?? 'Loading settings…'}
        </p>
      ) : (
        <>
          <BackendsSection view={view} tests={tests} onTested={onTested} />
          <SitesSection view={view} />
          <IdentitySection view={view} detectedOwnEmails={detectedOwnEmails} />
          <PrivacySection view={view} successes={successes} />
          <DisplaySection view={view} />
          <ImportExportSection />
        </>
      )}
    </main>
  );
}
