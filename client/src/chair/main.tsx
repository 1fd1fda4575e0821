// The chair's entry. /chair/<meetingId>#key=<chairKey> is the console; under the same path and key
// live the minutes of a round (/minutes/<ballotId>/<round>) and the badge sheet (/badges).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { assertNever } from '@hallvote/shared';
import { noAnswer } from '../reply';
import { connectHall } from '../socket';
import { takeFragmentSecret } from '../ui/credentials';
import './chair.css';
import { showBadgeSheet } from './badge-sheet-page';
import { bindChairSocket } from './bind-chair-socket';
import { ChairApp, ChairMessage } from './ChairApp';
import { chairKeyStorage, parseChairRoute } from './chair-route';
import { chairStore } from './store';

const root = createRoot(document.getElementById('root') as HTMLElement);
const route = parseChairRoute(window.location.pathname);
const chairKey = route ? takeFragmentSecret('key', chairKeyStorage(route.meetingId)) : null;

chairStore.subscribe((s) => {
  document.documentElement.lang = s.language;
});
document.documentElement.lang = chairStore.getState().language;

if (!route || !chairKey) {
  root.render(<ChairMessage which="noKey" />);
} else {
  const { meetingId } = route;
  switch (route.page) {
    case 'console': {
      const socket = connectHall({ role: 'chair', meetingId, key: chairKey });
      bindChairSocket(socket);
      root.render(
        <StrictMode>
          <ChairApp session={{ socket, meetingId, chairKey }} />
        </StrictMode>,
      );
      break;
    }
    case 'minutes':
      import('./minutes/mount-minutes')
        .then(({ mountMinutes }) =>
          mountMinutes(root, { meetingId, chairKey, ballotId: route.ballotId, round: route.round }),
        )
        .catch(() => root.render(<ChairMessage refusal={noAnswer('unreachable')} />));
      break;
    case 'badges':
      void showBadgeSheet(meetingId, chairKey).then((refusal) => {
        if (refusal)
          root.render(
            refusal.error === 'UNAUTHORIZED' ? <ChairMessage which="refused" /> : <ChairMessage refusal={refusal} />,
          );
      });
      break;
    default:
      assertNever(route);
  }
}
