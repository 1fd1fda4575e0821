// The phone's entry. Its bundle holds only the delegate view: no chair or projector code.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageContext } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { connectHall } from '../socket';
import { pathSegment } from '../ui/credentials';
import './delegate.css';
import { bindDelegateSocket } from './bind-delegate-socket';
import { DelegateApp } from './DelegateApp';
import { draftBox } from './draft-box';
import { newVoteId, pendingVoteBox } from './pending-vote';
import { delegateStore } from './store';
import { bindWakeLock } from './wake-lock';

const root = createRoot(document.getElementById('root') as HTMLElement);
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
  const session = {
    socket: connectHall({ role: 'delegate', token }),
    pendingVotes: pendingVoteBox(token, localStorage),
    drafts: draftBox(token, localStorage),
    newVoteId,
  };
  // A vote confirmed before a reload is picked up here and sent again after the first snapshot.
  delegateStore.setState({ pending: session.pendingVotes.load() });
  bindDelegateSocket(session);
  bindWakeLock();
  root.render(
    <StrictMode>
      <DelegateApp session={session} />
    </StrictMode>,
  );
}
