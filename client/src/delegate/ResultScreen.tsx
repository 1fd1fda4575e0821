import { useLanguage, useText } from '../i18n';
import { commonText } from '../i18n/common';
import { delegateText } from '../i18n/delegate';
import { AnchorNote } from '../ui/AnchorNote';
import { optionLabel, outcomeLines, percentCaption, percentText } from '../ui/outcome-text';
import { BallotHeading, StepHeading } from './BallotHeading';
import { Receipt } from './StatusScreens';
import { isCurrentRound, useDelegate } from './store';

/** The published outcome, and for a secret ballot whether this phone's receipt was counted. */
export function ResultScreen() {
  const t = useText(delegateText);
  const c = useText(commonText);
  const language = useLanguage();
  const ballot = useDelegate((s) => s.ballot);
  const result = useDelegate((s) => (isCurrentRound(s.ballot, s.result) ? s.result : null));
  const receipt = useDelegate((s) => (isCurrentRound(s.ballot, s.myVote) ? (s.myVote?.receipt ?? null) : null));
  const counted = useDelegate((s) => (receipt ? s.receipts.includes(receipt) : false));
  const anchor = useDelegate((s) => (isCurrentRound(s.ballot, s.anchor) ? s.anchor : null));
  const conflict = useDelegate((s) => s.anchorConflict);
  if (!ballot || !result) return null;
  const single = result.tally.subjects.length === 1;
  return (
    <section className="screen result">
      <BallotHeading />
      <StepHeading>{t.result}</StepHeading>
      {result.tally.subjects.map((subject) => (
        <div key={subject.subjectId} className="subject-result">
          {!single ? <h3>{subject.label}</h3> : null}
          {outcomeLines(subject, ballot.kind, c, language).map((line) => (
            <p key={line} className="outcome">
              {line}
            </p>
          ))}
          {single ? <p className="hint">{percentCaption(subject, c)}</p> : null}
          {single ? (
            <ul className="counts">
              {subject.counts.map((count) => (
                <li key={count.optionId}>
                  <span>{optionLabel({ id: count.optionId, label: count.label }, language)}</span>
                  <strong>{c.votes(count.votes)}</strong>
                  <small>{percentText(count, language)}</small>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      {ballot.secret && receipt ? (
        <>
          <p className={counted ? 'counted' : 'warning'} role="status">
            {counted ? t.receiptCounted(receipt) : t.receiptMissing(receipt)}
          </p>
          <Receipt code={receipt} />
        </>
      ) : null}
      {anchor ? <AnchorNote anchor={anchor} conflict={conflict} /> : null}
      <p className="hint">{t.waitingHint}</p>
    </section>
  );
}
