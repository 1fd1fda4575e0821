// The chair console's entry: /chair/<meetingId>#key=<chairKey>.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHall } from '../socket';
import { pathSegment, takeFragmentSecret } from '../ui/credentials';
import '../ui/base.css';
import './chair.css';
import { bindChairSocket } from './bind-chair-socket';
import { ChairApp, ChairMessage } from './ChairApp';
import { chairStore } from './store';

const root = createRoot(document.getElementById('root') as HTMLElement);
const meetingId = pathSegment('/chair/');
const chairKey = meetingId ? takeFragmentSecret('key', `hallvote.chair-key.${meetingId}`) : null;

chairStore.subscribe((s) => {
  document.documentElement.lang = s.language;
});
document.documentElement.lang = chairStore.getState().language;

if (!meetingId || !chairKey) {
  root.render(<ChairMessage which="noKey" />);
} else {
  const socket = connectHall({ role: 'chair', meetingId, key: chairKey });
  bindChairSocket(socket);
  root.render(
    <StrictMode>
      <ChairApp session={{ socket, meetingId, chairKey }} />
    </StrictMode>,
  );
}
