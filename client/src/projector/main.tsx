// The projector's entry: /p/<meetingId>#key=<projectorKey> (read-only).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageContext } from '../i18n';
import { connectHall } from '../socket';
import { pathSegment, takeFragmentSecret } from '../ui/credentials';
import './projector.css';
import { bindProjectorSocket } from './bind-projector-socket';
import { Canvas, ProjectorApp, ProjectorMessage } from './ProjectorApp';
import { projectorStore } from './store';

const root = createRoot(document.getElementById('root') as HTMLElement);
const meetingId = pathSegment('/p/');
const key = meetingId ? takeFragmentSecret('key', `hallvote.projector-key.${meetingId}`) : null;

projectorStore.subscribe((s) => {
  document.documentElement.lang = s.language;
});
document.documentElement.lang = projectorStore.getState().language;

if (!meetingId || !key) {
  root.render(
    <LanguageContext value={projectorStore.getState().language}>
      <Canvas>
        <ProjectorMessage which="noKey" />
      </Canvas>
    </LanguageContext>,
  );
} else {
  const socket = connectHall({ role: 'projector', meetingId, key });
  bindProjectorSocket(socket);
  root.render(
    <StrictMode>
      <ProjectorApp />
    </StrictMode>,
  );
}
