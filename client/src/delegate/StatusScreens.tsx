import { useShallow } from 'zustand/react/shallow';
import { useLanguage, useText } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { ErrorNote } from '../ui/ErrorNote';
import { optionLabel } from '../ui/option-label';
import { BallotHeading, StepHeading } from './BallotHeading';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { useSession } from './session';
import { delegateStore, isCurrentRound, useDelegate } from './store';
import { sendVote, startChangingVote } from './vote-actions';

export function MessageScreen({ title, hint }: { title: string; hint?: string }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="screen message">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {hint ? <p>{hint}</p> : null}
    </section>
  );
}

/** A badge that cannot vote here any more: nothing else on the page matters. */
export function FinalScreen({ title, hint }: { title: string; hint: string }) {
  return (
    <section className="screen final" role="alert">
      <h1>{title}</h1>
      <p>{hint}</p>
    </section>
  );
}

export function IdleScreen() {
  const t = useText(delegateText);
  return <MessageScreen title={t.waiting} hint={t.waitingHint} />;
}

export function SendingScreen() {
  const t = useText(delegateText);
  const session = useSession();
  const refusal = useDelegate((s) => s.refusal);
  const sending = useDelegate((s) => s.sending);
  const online = useDelegate((s) => s.connection === 'online');
  return (
    <section className="screen sending">
      <BallotHeading />
      <StepHeading>{t.sending}</StepHeading>
      <p>{t.sendingHint}</p>
      {/* "No answer" only repeats what the connection banner and the hint already say. */}
      {refusal && refusal.error !== 'NO_ANSWER' ? <ErrorNote refusal={refusal} /> : null}
      {!sending && online ? (
        <button
          type="button"
          className="big"
          onClick={() => {
            const pending = delegateStore.getState().pending;
            if (pending) void sendVote(session, pending);
          }}
        >
          {t.sendAgain}
        </button>
      ) : null}
    </section>
  );
}

/** The receipt, in large monospace so it can be read out or written down. */
export function Receipt({ code }: { code: string }) {
  const t = useText(delegateText);
  return (
    <div className="receipt">
      <p className="label">{t.receipt}</p>
      <p className="code">{code}</p>
    </div>
  );
}

function MyMarks() {
  const t = useText(delegateText);
  const language = useLanguage();
  const chosen = useDelegate(
    useShallow((s) => {
      const marks = s.myVote?.marks;
      if (!s.ballot || !marks) return [];
      const options = s.ballot.options;
      return Object.values(marks)
        .flat()
        .map((id) => optionLabel(options.find((o) => o.id === id) ?? { id, label: id }, language));
    }),
  );
  if (chosen.length === 0) return null;
  return (
    <p className="chosen">
      {t.youChose}: <strong>{chosen.join(', ')}</strong>
    </p>
  );
}

export function VotedScreen() {
  const t = useText(delegateText);
  const receipt = useDelegate((s) => s.myVote?.receipt ?? '');
  const canChange = useDelegate((s) => s.ballot?.state === 'open' && !s.ballot.secret && s.ballot.allowChange);
  return (
    <section className="screen voted">
      <BallotHeading />
      <StepHeading className="done">
        <span aria-hidden="true">✓ </span>
        {t.recorded}
      </StepHeading>
      <MyMarks />
      <Receipt code={receipt} />
      <p className="hint">{t.receiptHint}</p>
      {canChange ? (
        <button type="button" className="big" onClick={startChangingVote}>
          {t.changeVote}
        </button>
      ) : null}
    </section>
  );
}

export function ClosedScreen() {
  const t = useText(delegateText);
  const receipt = useDelegate((s) => (isCurrentRound(s.ballot, s.myVote) ? (s.myVote?.receipt ?? null) : null));
  const refusal = useDelegate((s) => s.refusal);
  return (
    <section className="screen closed">
      <BallotHeading />
      <StepHeading>{t.closed}</StepHeading>
      <p>{t.closedHint}</p>
      {refusal ? <ErrorNote refusal={refusal} lead={t.notRecorded} /> : null}
      {receipt ? <Receipt code={receipt} /> : null}
    </section>
  );
}
