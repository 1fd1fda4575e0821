import { useState } from 'react';
import type { ChairBallotView } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { consoleText } from '../i18n/console';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNote } from '../ui/ErrorNote';
import { matchesQuery } from './name-search';
import { takesPaper } from './paper-form';
import { useChairRequest } from './session';
import { useChair } from './store';

/** A search box appears when the list is longer than this. */
const SEARCH_FROM = 8;

/**
 * Who has not voted yet in the open round: the members present on its roster who have neither voted
 * on their phone nor been marked as having handed in a paper ballot. Participation only: for a
 * secret ballot the console never knows a choice. Each row can be marked "voted on paper".
 */
export function VotersPanel({ ballot }: { ballot: ChairBallotView }) {
  const c = useText(consoleText);
  const [query, setQuery] = useState('');
  const waiting = useChair(
    useShallow((s) => {
      const voted = new Set(ballot.voterIds);
      const late = new Set(ballot.lateIds);
      return s.delegates
        .filter((d) => d.attendance === 'present' && !voted.has(d.id) && !late.has(d.id))
        .map((d) => d.id);
    }),
  );
  const lateNames = useChair(
    useShallow((s) => s.delegates.filter((d) => ballot.lateIds.includes(d.id)).map((d) => d.name)),
  );
  const shown = useChair(
    useShallow((s) =>
      waiting.filter((id) => {
        const d = s.delegates.find((x) => x.id === id);
        return d !== undefined && matchesQuery(d, query);
      }),
    ),
  );
  return (
    <section className="voters-panel" aria-labelledby="voters-heading">
      <h3 id="voters-heading">{c.voters.heading(waiting.length)}</h3>
      {ballot.secret ? <p className="hint">{c.voters.secretNote}</p> : null}
      {waiting.length === 0 ? <p className="ok">{c.voters.all}</p> : null}
      {waiting.length > SEARCH_FROM ? (
        <label className="find">
          <span className="visually-hidden">{c.voters.find}</span>
          <input type="search" placeholder={c.voters.find} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      ) : null}
      {shown.length > 0 ? (
        <ul className="not-voted" aria-label={c.voters.heading(waiting.length)}>
          {shown.map((id) => (
            <NotVoted key={id} ballot={ballot} delegateId={id} />
          ))}
        </ul>
      ) : null}
      {ballot.paperVoterIds.length > 0 ? <p>{c.voters.paperVoters(ballot.paperVoterIds.length)}</p> : null}
      {lateNames.length > 0 ? <p className="hint">{c.voters.late(lateNames.join(', '))}</p> : null}
    </section>
  );
}

function NotVoted({ ballot, delegateId }: { ballot: ChairBallotView; delegateId: string }) {
  const c = useText(consoleText);
  const t = useText(chairText);
  const { run, busy, refusal } = useChairRequest();
  const delegate = useChair((s) => s.delegates.find((d) => d.id === delegateId));
  if (!delegate) return null;
  return (
    <li>
      <span className="who">
        <strong>{delegate.name}</strong>
        {delegate.position ? <span className="position">{delegate.position}</span> : null}
        {delegate.connected ? <span className="dot on"> ● {t.attendance.connected}</span> : null}
      </span>
      {/* A grantor whose proxy this round holds is voted for by the holder, never on paper. */}
      {takesPaper(ballot) && !ballot.roundProxies.some((p) => p.grantorId === delegateId) ? (
        <ConfirmButton
          label={c.voters.paper}
          question={c.voters.paperQuestion(delegate.name)}
          confirmLabel={c.voters.paperConfirm}
          backLabel={t.ballots.back}
          disabled={busy}
          onConfirm={() => void run('paper:mark-voted', { ballotId: ballot.id, delegateId })}
        />
      ) : null}
      {refusal ? <ErrorNote refusal={refusal} /> : null}
    </li>
  );
}
