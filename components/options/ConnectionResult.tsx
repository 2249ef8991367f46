import type { BackendStatus } from '../../utils/protocol/backend-status';

/** A connection test's outcome: what the server is, or what is wrong and what to do. */
export function ConnectionResult({ test }: { test: BackendStatus | 'testing' | undefined }) {
  return (
    <div className="connection-result" role="status">
      {test === 'testing' && <p>Testing the connection…</p>}
      {typeof test === 'object' && test.kind === 'ok' && (
        <div data-status="ok" className="ok">
          <p>
            Connected to <strong>{test.serverName}</strong>.
          </p>
          <dl>
            <dt>Server version</dt>
            <dd>{test.serverVersion || 'not given'}</dd>
            <dt>API version</dt>
            <dd>{test.apiVersion}</dd>
            <dt>Features</dt>
            <dd>{test.features.length > 0 ? test.features.join(', ') : 'none listed'}</dd>
            <dt>Round trip</dt>
            <dd>{test.roundTripMs} ms</dd>
          </dl>
        </div>
      )}
      {typeof test === 'object' && test.kind !== 'ok' && (
        <p data-status={test.kind} className="error">
          {test.message}
        </p>
      )}
    </div>
  );
}
