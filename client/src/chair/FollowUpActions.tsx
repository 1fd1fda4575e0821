// The vote a published result calls for, in one action: beside a confidence rating whose band says
// "may resign, otherwise a vote of no confidence", a button creates that vote as a draft for the
// officials in the band, under the preset the band names. Once created, the button shows it.
import { MAX_LABEL_CHARS, followUpVotes, type ChairBallotView, type FollowUpVote } from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { presetName, rulesText } from '../i18n/rules';
import { ErrorNote } from '../ui/ErrorNote';
import { useChairRequest } from './session';
import { selectBallot, useChair } from './store';

export function FollowUpActions({ ballot }: { ballot: ChairBallotView }) {
  const t = useText(chairText);
  const result = ballot.state === 'published' ? ballot.result : null;
  const votes = result ? followUpVotes(result.tally) : [];
  const { run, busy, refusal } = useChairRequest();
  if (!result || votes.length === 0) return null;
  return (
    <section className="follow-ups" aria-label={t.followUp.heading}>
      {votes.map((vote) => (
        <FollowUp key={`${vote.optionId}-${vote.bandId}`} ballot={ballot} vote={vote} busy={busy} run={run} />
      ))}
      {refusal ? <ErrorNote refusal={refusal} lead={t.ballots.refused} /> : null}
    </section>
  );
}

function FollowUp({
  ballot,
  vote,
  busy,
  run,
}: {
  ballot: ChairBallotView;
  vote: FollowUpVote;
  busy: boolean;
  run: ReturnType<typeof useChairRequest>['run'];
}) {
  const t = useText(chairText);
  const r = useText(rulesText);
  const language = useLanguage();
  const created = useChair(
    (s) =>
      s.ballots.find(
        (b) =>
          b.followUpOf?.ballotId === ballot.id &&
          b.followUpOf.round === ballot.round &&
          b.followUpOf.optionId === vote.optionId &&
          b.followUpOf.bandId === vote.bandId,
      ) ?? null,
  );
  const name = presetName(r, vote.rules);
  const subjects = vote.ballot.subjects.map((s) => s.label).join(', ');
  const create = async () => {
    const title = `${name}: ${ballot.title}`.slice(0, MAX_LABEL_CHARS);
    const reply = await run('ballot:create-follow-up', {
      ballotId: ballot.id,
      round: ballot.round,
      optionId: vote.optionId,
      bandId: vote.bandId,
      title,
    });
    if (reply.ok) selectBallot(reply.data.ballotId);
  };
  return (
    <div className="follow-up">
      <p>
        <strong>{vote.consequence[language]}</strong>: {subjects}
      </p>
      {created ? (
        <p>
          {t.followUp.created(created.title)}{' '}
          <button type="button" onClick={() => selectBallot(created.id)}>
            {t.followUp.show}
          </button>
        </p>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
          {t.followUp.create(name, vote.ballot.subjects.length)}
        </button>
      )}
    </div>
  );
}
