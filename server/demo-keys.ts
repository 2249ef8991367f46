/**
 * Fixed, documented keys the reference server uses when started on a loopback host without
 * `TOUCHPOINT_KEYS`. They are public (README): never use them on a reachable host — the
 * server refuses to start without keys on a non-loopback host.
 */
export const DEMO_KEYS = {
  read: 'tp_demo_read_key',
  write: 'tp_demo_write_key',
  admin: 'tp_demo_admin_key',
} as const;
