import { useShallow } from 'zustand/react/shallow';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { selectBallot, useChair } from './store';

export function BallotList() {
  const t = useText(chairText);
  const ids = useChair(useShallow((s) => s.ballots.map((b) => b.id)));
  const building = useChair((s) => s.selectedBallotId === null);
  return (
    <nav className="ballot-list" aria-labelledby="ballots-heading">
      <h2 id="ballots-heading">{t.ballots.heading}</h2>
      <button type="button" className="new-ballot" aria-pressed={building} onClick={() => selectBallot(null)}>
        {t.ballots.newBallot}
      </button>
      {ids.length === 0 ? <p className="hint">{t.ballots.none}</p> : null}
      <ul>
        {ids.map((id) => (
          <BallotItem key={id} ballotId={id} />
        ))}
      </ul>
    </nav>
  );
}

function BallotItem({ ballotId }: { ballotId: string }) {
  const t = useText(chairText);
  const title = useChair((s) => s.ballots.find((b) => b.id === ballotId)?.title ?? '');
  const state = useChair((s) => s.ballots.find((b) => b.id === ballotId)?.state ?? 'draft');
  const round = useChair((s) => s.ballots.find((b) => b.id === ballotId)?.round ?? 0);
  const draftRound = useChair((s) => s.ballots.find((b) => b.id === ballotId)?.draftRound ?? null);
  const selected = useChair((s) => s.selectedBallotId === ballotId);
  return (
    <li>
      <button
        type="button"
        className={`ballot-item ${state}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => selectBallot(ballotId)}
      >
        <span className="title">{title}</span>
        <span className={`state ${state}`}>
          {t.ballots.states[state]}
          {round > 1 ? ` · ${round}` : ''}
          {draftRound !== null ? ` → ${draftRound}: ${t.ballots.states.draft}` : ''}
        </span>
      </button>
    </li>
  );
}
