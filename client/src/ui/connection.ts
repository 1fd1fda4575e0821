// How a view's connection to the server is doing, as shown to the person holding the device.

/**
 * - connecting: first connection, no snapshot yet
 * - online: connected and in sync
 * - reconnecting: the connection dropped; socket.io is trying again
 * - refused: the server rejected the credential (bad or revoked link / badge)
 * - replaced: the same badge was opened on another phone, which now holds the session
 */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'refused' | 'replaced';
