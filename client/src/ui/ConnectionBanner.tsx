import type { ReactNode } from 'react';
import { useText } from '../i18n';
import { commonText } from '../i18n/common';
import type { ConnectionStatus } from './connection';

/** A visible strip while the device is not in sync with the server; nothing when it is. */
export function ConnectionBanner({ status, children }: { status: ConnectionStatus; children?: ReactNode }) {
  const t = useText(commonText);
  if (status !== 'reconnecting' && status !== 'connecting') return null;
  return (
    <div className={`connection-banner ${status}`} role="status">
      <strong>{status === 'reconnecting' ? t.reconnecting : t.connecting}</strong>
      {children}
    </div>
  );
}
