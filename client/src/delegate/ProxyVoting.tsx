// What a proxy holder's phone adds (issue 19): whom they vote for besides themself, a ballot marked
// for one of them at a time, or one split ballot for all; and, on a grantor's phone, who votes for
// them. The marking itself is the ordinary one (MarkingScreen, ReviewScreen) with `votingFor` set.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLanguage, useText } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { formatWeight, proxyText } from '../i18n/proxies';
import { ErrorNote } from '../ui/ErrorNote';
import { optionLabel } from '../ui/option-label';
import { BallotHeading, StepHeading } from './BallotHeading';
import { useSession } from './session';
import { castSplitVote, splitTotal, startSplitting } from './split-actions';
import { useDelegate } from './store';
import { startVotingFor } from './vote-actions';

/** Every member the holder votes for: a button to mark their ballot, or its receipt once cast. */
export function RepresentedList() {
  const t = useText(proxyText);
  const language = useLanguage();
  const represents = useDelegate((s) => s.represents);
  const weighed = useDelegate((s) => s.countBy !== 'heads');
  const canSplit = useDelegate((s) => s.splitAllowed && s.myVote === null && s.represents.some((m) => !m.vote));
  const open = useDelegate((s) => s.ballot?.state === 'open');
  if (represents.length === 0 || !open) return null;
  return (
    <section className="represented" aria-labelledby="represented-heading">
      <h2 id="represented-heading">{t.phone.youVoteFor}</h2>
      <ul>
        {represents.map((m) => (
          <li key={m.delegateId}>
            <p>
              <strong>{m.name}</strong>
              {weighed ? <span className="weight"> · {t.weightOf(formatWeight(m.weight, language))}</span> : null}
            </p>
            {m.instructions ? <p className="instructions">{t.phone.instructions(m.instructions)}</p> : null}
            {m.vote ? (
              <p className="done">{t.phone.votedFor(m.name, m.vote.receipt)}</p>
            ) : (
              <button type="button" className="big" onClick={() => startVotingFor(m.delegateId)}>
                {t.phone.voteFor(m.name)}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canSplit ? (
        <button type="button" className="big" onClick={() => startSplitting(true)}>
          {t.phone.split}
        </button>
      ) : null}
    </section>
  );
}

/** Above the marking screens while the ballot is a represented member's. */
export function VotingForBanner() {
  const t = useText(proxyText);
  const name = useDelegate((s) => s.represents.find((m) => m.delegateId === s.votingFor)?.name ?? null);
  if (name === null) return null;
  return (
    <div className="voting-for" role="status">
      <strong>{t.phone.votingFor(name)}</strong>
      <button type="button" onClick={() => startVotingFor(null)}>
        {t.phone.back}
      </button>
    </div>
  );
}

/** A grantor's phone during a round their holder votes for them in. */
export function HeldByScreen({ holder }: { holder: string }) {
  const t = useText(proxyText);
  return (
    <section className="screen held-by">
      <BallotHeading />
      <StepHeading>{t.phone.heldBy(holder)}</StepHeading>
    </section>
  );
}

/** One split ballot: per subject, how many of the votes carried go to each option. */
export function SplitScreen() {
  const t = useText(proxyText);
  const d = useText(delegateText);
  const language = useLanguage();
  const session = useSession();
  const ballot = useDelegate((s) => s.ballot);
  const total = useDelegate((s) => splitTotal(s));
  const unit = useDelegate((s) => (s.countBy === 'heads' ? 'heads' : 'weight'));
  const sending = useDelegate((s) => s.sending);
  const refusal = useDelegate((s) => s.refusal);
  const subjects = useDelegate(useShallow((s) => s.ballot?.subjects ?? []));
  const [rows, setRows] = useState<Record<string, Record<string, number>>>({});
  if (!ballot) return null;
  const given = (subjectId: string) => Object.values(rows[subjectId] ?? {}).reduce((a, b) => a + b, 0);
  const set = (subjectId: string, optionId: string, value: string) => {
    const n = Math.max(0, Math.floor(Number(value) || 0));
    setRows((r) => ({ ...r, [subjectId]: { ...r[subjectId], [optionId]: n } }));
  };
  return (
    <section className="screen split" aria-labelledby="split-heading">
      <BallotHeading />
      <h2 id="split-heading">{t.phone.splitHeading(formatWeight(total, language), unit)}</h2>
      {refusal ? <ErrorNote refusal={refusal} lead={d.notRecorded} /> : null}
      {subjects.map((subject) => (
        <fieldset key={subject.id} className="split-subject">
          <legend>{subject.label}</legend>
          {ballot.options.map((option) => (
            <label key={option.id}>
              <span>{optionLabel(option, language)}</span>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={total}
                value={rows[subject.id]?.[option.id] ?? 0}
                onChange={(e) => set(subject.id, option.id, e.target.value)}
              />
            </label>
          ))}
          <p className="left">{t.phone.splitLeft(formatWeight(total - given(subject.id), language))}</p>
        </fieldset>
      ))}
      <div className="sticky-actions">
        <button type="button" onClick={() => startSplitting(false)}>
          {t.phone.back}
        </button>
        <button
          type="button"
          className="primary big"
          disabled={sending}
          onClick={() => void castSplitVote(session, rows)}
        >
          {t.phone.splitCast}
        </button>
      </div>
    </section>
  );
}
