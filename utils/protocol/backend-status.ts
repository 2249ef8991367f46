/**
 * What the extension knows about a backend's health, as plain data (crosses messaging).
 * `kind` is one of a small set of states, each with a message that says what to do.
 */
export type BackendStatus =
  | { kind: 'not_configured'; message: string }
  | {
      kind: 'ok';
      baseUrl: string;
      serverName: string;
      serverVersion: string;
      apiVersion: string;
      features: string[];
      roundTripMs: number;
    }
  | {
      kind:
        | 'bad_url'
        /** The admin did not allow the extension to reach the backend's origin. */
        | 'no_access'
        | 'unreachable'
        | 'timeout'
        | 'unauthorized'
        | 'server_error'
        | 'not_context_api';
      baseUrl: string;
      message: string;
    };
