import type { BackendStatus } from '../utils/protocol/backend-status';

/** One line about the backend connection; every state says what to do. */
export function BackendStatusView({ status }: { status: BackendStatus | undefined }) {
  if (!status) return <p role="status">Checking the backend…</p>;
  if (status.kind === 'ok') {
    return (
      <p role="status" data-status="ok">
        Connected to {status.serverName} {status.serverVersion} (Context API v{status.apiVersion})
        in {status.roundTripMs} ms.
      </p>
    );
  }
  return (
    <p role="alert" data-status={status.kind}>
      {status.message}
    </p>
  );
}
