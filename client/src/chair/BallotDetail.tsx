import { useState } from 'react';
import { roundKey, warningsToAcknowledge, type ChairBallotView } from '@hallvote/shared';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { commonText } from '../i18n/common';
import { consoleText } from '../i18n/console';
import { proxyText } from '../i18n/proxies';
import { presetName, rulesText } from '../i18n/rules';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNote } from '../ui/ErrorNote';
import { formatRemaining, useNow } from '../ui/use-now';
import { minutesPath } from './chair-route';
import { PaperTotals } from './PaperTotals';
import { takesPaper } from './paper-form';
import { FollowUpActions } from './FollowUpActions';
import { ResultTable } from './ResultTable';
import { VotersPanel } from './VotersPanel';
import { useChairRequest, useChairSession } from './session';
import { useChair } from './store';
import { EarlyCloseNotes } from './TrustNotes';

/** One ballot: what it is, live turnout, the actions its state allows, and its result. */
export function BallotDetail({ ballotId }: { ballotId: string }) {
  const t = useText(chairText);
  const c = useText(commonText);
  const r = useText(rulesText);
  const k = useText(consoleText);
  const ballot = useChair((s) => s.ballots.find((b) => b.id === ballotId) ?? null);
  if (!ballot) return null;
  const candidates = ballot.kind === 'election' ? ballot.options.length : 0;
  return (
    <article className="ballot-detail" aria-labelledby="ballot-title">
      <header>
        <h2 id="ballot-title">{ballot.title}</h2>
        <p className="tags">
          <span className="tag">{t.ballots.kinds[ballot.kind]}</span>
          <span className="tag">{ballot.secret ? c.secret : c.named}</span>
          <span className={`tag state ${ballot.state}`}>{t.ballots.states[ballot.state]}</span>
          {ballot.round > 0 ? <span className="tag">{c.round(ballot.round)}</span> : null}
          {ballot.kind === 'batch' ? <span className="tag">{t.ballots.subjects(ballot.subjects.length)}</span> : null}
          {ballot.kind === 'election' ? (
            <span className="tag">{t.ballots.seats(ballot.seats ?? 1, candidates)}</span>
          ) : null}
          <span className="tag rules">{`${presetName(r, ballot.rules)} · ${r.version(ballot.rules.version)}`}</span>
        </p>
      </header>
      <EarlyCloseNotes ballot={ballot} />
      <Turnout ballot={ballot} />
      <Actions key={`actions:${roundKey(ballot.id, ballot.round)}`} ballot={ballot} />
      {ballot.state === 'open' ? <VotersPanel ballot={ballot} /> : null}
      <FollowUpActions ballot={ballot} />
      {ballot.result ? (
        <ResultTable result={ballot.result} kind={ballot.kind} interim={ballot.state === 'open'} />
      ) : null}
      {ballot.state === 'open' || ballot.state === 'closed' ? (
        takesPaper(ballot) ? (
          <PaperTotals key={`paper:${roundKey(ballot.id, ballot.round)}`} ballot={ballot} />
        ) : (
          <p className="hint paper-none">{k.paper.notWeighted}</p>
        )
      ) : null}
      <MinutesLinks ballot={ballot} />
    </article>
  );
}

/**
 * Rounds that have minutes: every earlier round (a re-vote starts only from a closed or published
 * round) and the current one once it is closed or published.
 */
function roundsWithMinutes(ballot: Pick<ChairBallotView, 'round' | 'state'>): number[] {
  const finished = ballot.state === 'closed' || ballot.state === 'published' ? ballot.round : ballot.round - 1;
  return Array.from({ length: Math.max(0, finished) }, (_, i) => i + 1);
}

function MinutesLinks({ ballot }: { ballot: ChairBallotView }) {
  const t = useText(chairText);
  const { meetingId } = useChairSession();
  const rounds = roundsWithMinutes(ballot);
  if (rounds.length === 0) return null;
  return (
    <p className="minutes-links">
      {rounds.map((round) => (
        <a
          key={round}
          className="button"
          href={minutesPath(meetingId, ballot.id, round)}
          target="_blank"
          rel="noopener"
        >
          {t.minutes(ballot.round > 1 ? round : null)}
        </a>
      ))}
    </p>
  );
}

function Turnout({ ballot }: { ballot: ChairBallotView }) {
  const t = useText(chairText);
  const c = useText(commonText);
  const open = ballot.state === 'open';
  const now = useNow(open && ballot.closesAt !== null);
  if (!ballot.turnout || ballot.state === 'draft') return null;
  const { voted, present } = ballot.turnout;
  return (
    <div className="turnout" role="status">
      <p className="turnout-text">{t.ballots.turnout(voted, present)}</p>
      <progress max={Math.max(present, 1)} value={voted} aria-hidden="true" />
      {open && ballot.closesAt ? (
        <p className="countdown">{c.closesIn(formatRemaining(ballot.closesAt, now))}</p>
      ) : null}
    </div>
  );
}

function Actions({ ballot }: { ballot: ChairBallotView }) {
  const t = useText(chairText);
  const c = useText(consoleText);
  const { run, busy, refusal } = useChairRequest();
  const [acknowledgement, setAcknowledgement] = useState('');
  const [showOnProjector, setShowOnProjector] = useState(true);
  const p = useText(proxyText);

  const id = { ballotId: ballot.id };
  const voted = ballot.turnout?.voted ?? 0;
  const present = ballot.turnout?.present ?? 0;
  const warnings = ballot.result ? warningsToAcknowledge(ballot.result.tally) : 0;
  const ackMissing = warnings > 0 && acknowledgement.trim() === '';
  const confirmProps = { backLabel: t.ballots.back, disabled: busy };
  const draft = ballot.draftRound;

  return (
    <div className="actions">
      {draft !== null ? (
        <div className="revote-draft">
          <p className="frozen-note" role="status">
            {c.revote.drafted(draft)}
          </p>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void run('ballot:open', id)}>
              {c.revote.open(draft)}
            </button>
            <ConfirmButton
              {...confirmProps}
              label={c.revote.drop}
              question={c.revote.dropQuestion(draft)}
              confirmLabel={c.revote.dropConfirm}
              onConfirm={() => void run('ballot:cancel', id)}
            />
          </div>
        </div>
      ) : null}
      {ballot.state === 'closed' && warnings > 0 ? (
        <div className="acknowledgement">
          <label htmlFor="acknowledgement">{t.ballots.acknowledgement}</label>
          <textarea
            id="acknowledgement"
            rows={3}
            value={acknowledgement}
            onChange={(e) => setAcknowledgement(e.target.value)}
          />
        </div>
      ) : null}
      {ballot.state === 'closed' ? (
        <label className="inline">
          <input type="checkbox" checked={showOnProjector} onChange={(e) => setShowOnProjector(e.target.checked)} />
          {c.publish.onProjector}
        </label>
      ) : null}
      <div className="row">
        {ballot.state === 'draft' ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void run('ballot:open', id)}>
            {ballot.kind === 'election' ? t.ballots.openElection : t.ballots.open}
          </button>
        ) : null}
        {ballot.state === 'open' ? (
          <ConfirmButton
            {...confirmProps}
            label={t.ballots.close}
            question={t.ballots.closeQuestion(voted, present)}
            confirmLabel={t.ballots.closeConfirm}
            onConfirm={() => void run('ballot:close', id)}
          />
        ) : null}
        {ballot.state === 'closed' ? (
          <ConfirmButton
            {...confirmProps}
            disabled={busy || ackMissing}
            label={t.ballots.publish}
            question={t.ballots.publishQuestion}
            confirmLabel={t.ballots.publishConfirm}
            onConfirm={() =>
              void run('ballot:publish', {
                ...id,
                showOnProjector,
                ...(warnings > 0 ? { acknowledgement: acknowledgement.trim() } : {}),
              })
            }
          />
        ) : null}
        {ballot.state === 'open' && draft === null ? (
          <ConfirmButton
            {...confirmProps}
            danger
            label={t.ballots.cancel}
            question={t.ballots.cancelQuestion}
            confirmLabel={t.ballots.cancelConfirm}
            onConfirm={() => void run('ballot:cancel', id)}
          />
        ) : null}
        {(ballot.state === 'closed' || ballot.state === 'published' || ballot.state === 'cancelled') &&
        draft === null ? (
          <ConfirmButton
            {...confirmProps}
            label={t.ballots.revote}
            question={c.revote.question(ballot.round + 1)}
            confirmLabel={c.revote.confirm(ballot.round + 1)}
            onConfirm={() => void run('ballot:revote', id)}
          />
        ) : null}
      </div>
      {refusal ? <ErrorNote refusal={refusal} lead={t.ballots.refused} /> : null}
      {refusal?.error === 'SECRECY_AT_RISK' ? (
        <div className="secrecy-risk">
          <p>{p.secrecy.note}</p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void run('ballot:open', { ...id, acceptSecrecyRisk: true })}
          >
            {p.secrecy.openAnyway}
          </button>
        </div>
      ) : null}
    </div>
  );
}
