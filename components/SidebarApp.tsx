import { BackendStatusView } from './BackendStatusView';
import { useBackendStatus } from './useBackendStatus';

export function SidebarApp() {
  const status = useBackendStatus();
  return (
    <main aria-label="Touchpoint">
      <h1>Touchpoint</h1>
      <BackendStatusView status={status} />
    </main>
  );
}
