// How a view's connection to the server is doing, as shown to the person holding the device.

/**
 * - connecting: first connection, no snapshot yet
 * - online: connected and in sync
 * - reconnecting: the connection dropped; socket.io is trying again
 * - refused: the server rejected the credential (bad or revoked link / badge)
 * - replaced: the same badge was opened on another phone, which now holds the session
 * - reissued / removed: the chair re-issued this badge or removed its member; it works no more
 */
export type ConnectionStatus =
  'connecting' | 'online' | 'reconnecting' | 'refused' | 'replaced' | 'reissued' | 'removed';

/** A status that no reconnect can change: the page says why, and stops trying. */
export function isFinal(status: ConnectionStatus): boolean {
  return status === 'refused' || status === 'replaced' || status === 'reissued' || status === 'removed';
}
