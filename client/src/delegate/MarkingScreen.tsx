import { rowOf } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { ErrorNote } from '../ui/ErrorNote';
import { BallotHeading } from './BallotHeading';
import { BatchGrid } from './BatchGrid';
import { useGridLayout } from './grid-layout';
import { ElectionCard } from './ElectionCard';
import { SubjectCard } from './SubjectCard';
import { useDelegate } from './store';
import { canReview, goToReview } from './vote-actions';

/** The open ballot: large options; a grid or one card per subject on a batch; names on an election. */
export function MarkingScreen() {
  const t = useText(delegateText);
  const kind = useDelegate((s) => s.ballot?.kind ?? 'motion');
  const subjects = useDelegate(useShallow((s) => s.ballot?.subjects ?? []));
  const ready = useDelegate((s) => (s.ballot ? canReview(s.ballot, s.draft, s.electionStyle) : false));
  const refusal = useDelegate((s) => s.refusal);
  const grid = useGridLayout();
  return (
    <section className={`screen marking kind-${kind}`} aria-labelledby="ballot-title">
      <BallotHeading focus note={kind === 'motion' || kind === 'choice' ? t.chooseOne : null} />
      {refusal ? <ErrorNote refusal={refusal} lead={t.notRecorded} /> : null}
      {kind === 'batch' && grid ? (
        <BatchGrid />
      ) : (
        <>
          {kind === 'batch' ? <Progress /> : null}
          {subjects.map((subject) =>
            kind === 'election' ? (
              <ElectionCard key={subject.id} subject={subject} />
            ) : (
              <SubjectCard key={subject.id} subject={subject} />
            ),
          )}
        </>
      )}
      <div className="sticky-actions">
        <button type="button" className="primary big" disabled={!ready} onClick={goToReview}>
          {t.review}
        </button>
      </div>
    </section>
  );
}

/** "7 of 19 rated", kept in view while scrolling a batch. */
export function Progress() {
  const t = useText(delegateText);
  const total = useDelegate((s) => s.ballot?.subjects.length ?? 0);
  const done = useDelegate(
    (s) => s.ballot?.subjects.filter((x) => (rowOf(s.draft, x.id)?.length ?? 0) > 0).length ?? 0,
  );
  return (
    <p className="progress" role="status">
      <span>{t.progress(done, total)}</span>
      <progress max={total} value={done} aria-hidden="true" />
    </p>
  );
}
