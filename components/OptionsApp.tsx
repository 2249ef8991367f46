import { BackendStatusView } from './BackendStatusView';
import { useBackendStatus } from './useBackendStatus';

export function OptionsApp() {
  const status = useBackendStatus();
  return (
    <main aria-label="Touchpoint options">
      <h1>Touchpoint options</h1>
      <section aria-label="Backend">
        <h2>Backend</h2>
        <BackendStatusView status={status} />
      </section>
    </main>
  );
}
