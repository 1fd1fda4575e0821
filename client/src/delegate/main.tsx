// The phone's entry. Its bundle holds only the delegate view: no chair or projector code.
import { StrictMode } from 'react';
import type { DelegateSnapshot } from '@hallvote/shared';
import { createRoot } from 'react-dom/client';
import { LanguageContext } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { connectHall } from '../socket';
import { pathSegment } from '../ui/credentials';
import './delegate.css';
import { anchorBox } from './anchor-box';
import { bindDelegateSocket, snapshotState } from './bind-delegate-socket';
import { DelegateApp } from './DelegateApp';
import { draftBox } from './draft-box';
import { newVoteId, pendingVoteBox } from './pending-vote';
import { delegateStore } from './store';
import { bindWakeLock } from './wake-lock';

const root = createRoot(document.getElementById('root') as HTMLElement);

function embeddedSnapshot(): DelegateSnapshot | null {
  try {
    const parsed = JSON.parse(document.getElementById('hallvote-snapshot')?.textContent ?? 'null') as unknown;
    const s = parsed as Partial<DelegateSnapshot> | null;
    return s?.role === 'delegate' && s.meeting && s.me ? (s as DelegateSnapshot) : null;
  } catch {
    return null;
  }
}
const token = pathSegment('/d/');

delegateStore.subscribe((s) => {
  document.documentElement.lang = s.language;
});
document.documentElement.lang = delegateStore.getState().language;

if (!token) {
  const language = delegateStore.getState().language;
  root.render(
    <LanguageContext value={language}>
      <main className="screen message">
        <h1>{delegateText[language].noBadge}</h1>
      </main>
    </LanguageContext>,
  );
} else {
  // The page came with this badge's snapshot (see server/src/features/sync/delegate-page.ts), or,
  // from another server of a cluster, with the meeting in its address: the connection names it.
  const embedded = embeddedSnapshot();
  const meetingId = new URLSearchParams(location.search).get('m') ?? embedded?.meeting.id;
  const session = {
    socket: connectHall({ role: 'delegate', token }, meetingId),
    pendingVotes: pendingVoteBox(token, localStorage),
    drafts: draftBox(token, localStorage),
    anchors: anchorBox(token, localStorage),
    newVoteId,
  };
  // A vote confirmed before a reload is picked up here and sent again after the first snapshot.
  delegateStore.setState({ pending: session.pendingVotes.load() });
  bindDelegateSocket(session);
  // Show the embedded snapshot's screen now; the socket's own snapshot, a few round trips later, is
  // the truth from then on.
  if (embedded) delegateStore.setState((state) => snapshotState(state, embedded, session.drafts, session.anchors));
  bindWakeLock();
  root.render(
    <StrictMode>
      <DelegateApp session={session} />
    </StrictMode>,
  );
}
