import { loweredEarlyCloseMinimum } from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { anchorText } from '../i18n/anchor';
import { delegateText } from '../i18n/delegate';
import { ErrorNote } from '../ui/ErrorNote';
import { optionLabel } from '../ui/option-label';
import { BallotHeading, StepHeading } from './BallotHeading';
import { BatchGridReview } from './BatchGrid';
import { useGridLayout } from './grid-layout';
import { useSession } from './session';
import { useDelegate } from './store';
import { backToMarking, chosenFor, confirmVote } from './vote-actions';

interface ReviewRow {
  readonly subjectId: string;
  readonly subject: string;
  readonly chosen: readonly string[];
}

/** Every subject with what was chosen, before anything leaves the phone. */
export function ReviewScreen() {
  const t = useText(delegateText);
  const language = useLanguage();
  const session = useSession();
  const kind = useDelegate((s) => s.ballot?.kind ?? 'motion');
  const refusal = useDelegate((s) => s.refusal);
  const ballot = useDelegate((s) => s.ballot);
  const draft = useDelegate((s) => s.draft);
  const style = useDelegate((s) => s.electionStyle);
  const grid = useGridLayout();
  const rows: ReviewRow[] = (ballot?.subjects ?? []).map((subject) => ({
    subjectId: subject.id,
    subject: subject.label,
    chosen: (ballot ? chosenFor(ballot, draft, style, subject.id) : []).map((id) =>
      optionLabel(ballot?.options.find((o) => o.id === id) ?? { id, label: id }, language),
    ),
  }));
  const unrated = rows.filter((r) => r.chosen.length === 0).length;
  const batchGrid = kind === 'batch' && grid;
  return (
    <section className="screen review">
      <BallotHeading />
      <StepHeading>{t.reviewTitle}</StepHeading>
      <EarlyCloseWarning />
      {refusal ? <ErrorNote refusal={refusal} lead={t.notRecorded} /> : null}
      {kind === 'batch' && unrated > 0 ? (
        <p className="warning">{batchGrid ? `${t.unrated(unrated)} ${t.rowsLeft(unrated)}` : t.unrated(unrated)}</p>
      ) : null}
      {batchGrid ? (
        <BatchGridReview />
      ) : (
        <ol className="review-list">
          {rows.map((row) => (
            <li key={row.subjectId} className={row.chosen.length === 0 ? 'unrated' : undefined}>
              <span className="subject">{kind === 'election' ? t.elected : row.subject}</span>
              <strong>
                {row.chosen.length > 0 ? row.chosen.join(', ') : kind === 'election' ? t.blank : t.notRated}
              </strong>
            </li>
          ))}
        </ol>
      )}
      <div className="sticky-actions">
        <button type="button" className="big" onClick={backToMarking}>
          {t.change}
        </button>
        <button type="button" className="primary big" onClick={() => void confirmVote(session)}>
          {t.confirm}
        </button>
      </div>
    </section>
  );
}

/**
 * A secret ballot whose early-close minimum was lowered (shared/src/early-close.ts): before
 * confirming, the delegate hears that the chair may close it after only a few ballots.
 */
function EarlyCloseWarning() {
  const a = useText(anchorText);
  const lowered = useDelegate((s) => (s.ballot?.state === 'open' ? loweredEarlyCloseMinimum({}, s.ballot) : null));
  return lowered !== null ? <p className="warning early-close">{a.lowered(lowered)}</p> : null;
}
