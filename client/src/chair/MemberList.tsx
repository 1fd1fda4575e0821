import { useState } from 'react';
import { countsWeight, type Delegate, type RosterEntry } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { consoleText } from '../i18n/console';
import type { Refusal } from '../reply';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNote } from '../ui/ErrorNote';
import { openBadgeSheet } from './header-actions';
import { MemberForm } from './MemberForm';
import { matchesQuery } from './name-search';
import { useChairRequest, useChairSession } from './session';
import { useChair } from './store';

const EMPTY: RosterEntry = { name: '', position: '', group: '' };

/** The server's rule (MeetingState.votingStarted): a ballot has had a round. */
const useVotingStarted = () => useChair((s) => s.ballots.some((b) => b.round > 0));

/**
 * The roster one member at a time: add (at any time: a latecomer or a substitute), edit and remove
 * (until voting starts), re-issue a lost badge and print one badge on its own.
 */
export function MemberList() {
  const c = useText(consoleText);
  const [query, setQuery] = useState('');
  /** Members added or re-issued here, whose badge is to be printed: name and why. */
  const [fresh, setFresh] = useState<ReadonlyMap<string, 'added' | 'reissued'>>(new Map());
  const ids = useChair(useShallow((s) => s.delegates.filter((d) => matchesQuery(d, query)).map((d) => d.id)));
  const total = useChair((s) => s.delegates.length);
  const started = useVotingStarted();
  const remember = (id: string, why: 'added' | 'reissued') => setFresh((m) => new Map(m).set(id, why));
  return (
    <section className="member-list" aria-labelledby="members-heading">
      <h2 id="members-heading">{c.members.heading(total)}</h2>
      <AddMember onAdded={(id) => remember(id, 'added')} />
      {started ? <p className="hint">{c.members.frozenEdits}</p> : null}
      {total > 0 ? (
        <>
          <label className="find">
            <span className="visually-hidden">{c.members.find}</span>
            <input
              type="search"
              placeholder={c.members.find}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <table className="members">
            <thead>
              <tr>
                <th scope="col">{c.members.name}</th>
                <th scope="col">{c.members.group}</th>
                <th scope="col">{c.members.actions}</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => (
                <MemberRow key={id} delegateId={id} fresh={fresh.get(id)} onReissued={() => remember(id, 'reissued')} />
              ))}
            </tbody>
          </table>
          {ids.length === 0 ? <p className="hint">{c.members.none}</p> : null}
        </>
      ) : null}
    </section>
  );
}

function AddMember({ onAdded }: { onAdded: (delegateId: string) => void }) {
  const c = useText(consoleText);
  const { run, busy, refusal } = useChairRequest();
  const delegates = useChair((s) => s.delegates);
  const ballotOpen = useChair((s) => s.ballots.some((b) => b.state === 'open'));
  const weighted = useChair((s) => (s.meeting ? countsWeight(s.meeting.rules) : false));
  const [added, setAdded] = useState<string | null>(null);
  return (
    <details className="add-member">
      <summary>{c.members.add}</summary>
      <p className="hint">{ballotOpen ? c.members.addedLateHint : c.members.addHint}</p>
      <MemberForm
        initial={EMPTY}
        others={delegates}
        weighted={weighted}
        submitLabel={c.members.add}
        busy={busy}
        refusal={refusal}
        onSubmit={async (entry) => {
          setAdded(null);
          const reply = await run('delegate:add', entry);
          if (!reply.ok) return false;
          setAdded(entry.name);
          onAdded(reply.data.delegateId);
          return true;
        }}
      />
      {added ? (
        <p className="ok" role="status">
          {c.members.added(added)}
        </p>
      ) : null}
    </details>
  );
}

function MemberRow(props: { delegateId: string; fresh: 'added' | 'reissued' | undefined; onReissued: () => void }) {
  const c = useText(consoleText);
  const t = useText(chairText);
  const { delegateId } = props;
  const { run, busy, refusal } = useChairRequest();
  const delegate = useChair((s) => s.delegates.find((d) => d.id === delegateId));
  const late = useChair((s) => s.ballots.some((b) => b.state === 'open' && b.lateIds.includes(delegateId)));
  const started = useVotingStarted();
  const [editing, setEditing] = useState(false);
  if (!delegate) return null;
  if (editing) return <EditMember delegate={delegate} onDone={() => setEditing(false)} />;
  return (
    <tr>
      <td>
        <strong>{delegate.name}</strong>
        {delegate.position ? <span className="position">{delegate.position}</span> : null}
        {late ? <span className="tag late">{c.members.late}</span> : null}
      </td>
      <td>{delegate.group}</td>
      <td>
        <div className="member-actions" role="group" aria-label={`${c.members.actions}: ${delegate.name}`}>
          {!started ? (
            <button type="button" disabled={busy} onClick={() => setEditing(true)}>
              {c.members.edit}
            </button>
          ) : null}
          <ConfirmButton
            label={c.members.reissue}
            question={c.members.reissueQuestion(delegate.name)}
            confirmLabel={c.members.reissueConfirm}
            backLabel={t.ballots.back}
            disabled={busy}
            onConfirm={() =>
              void run('delegate:reissue', { delegateId }).then((reply) => {
                if (reply.ok) props.onReissued();
              })
            }
          />
          {!started ? (
            <ConfirmButton
              danger
              label={c.members.remove}
              question={c.members.removeQuestion(delegate.name)}
              confirmLabel={c.members.removeConfirm}
              backLabel={t.ballots.back}
              disabled={busy}
              onConfirm={() => void run('delegate:remove', { delegateId })}
            />
          ) : null}
        </div>
        {props.fresh ? <PrintBadge delegate={delegate} reissued={props.fresh === 'reissued'} /> : null}
        {refusal ? <ErrorNote refusal={refusal} /> : null}
      </td>
    </tr>
  );
}

function EditMember({ delegate, onDone }: { delegate: Delegate; onDone: () => void }) {
  const c = useText(consoleText);
  const { run, busy, refusal } = useChairRequest();
  // Selected only while editing: a long roster's rows do not each filter the whole roster.
  const others = useChair(useShallow((s) => s.delegates.filter((d) => d.id !== delegate.id)));
  const weighted = useChair((s) => (s.meeting ? countsWeight(s.meeting.rules) : false));
  return (
    <tr className="editing">
      <td colSpan={3}>
        <p className="hint">{c.members.editing(delegate.name)}</p>
        <MemberForm
          initial={{
            name: delegate.name,
            position: delegate.position,
            group: delegate.group,
            ...(weighted ? { weight: String(delegate.weight) } : {}),
          }}
          others={others}
          weighted={weighted}
          submitLabel={c.members.save}
          busy={busy}
          refusal={refusal}
          onCancel={onDone}
          cancelLabel={c.members.cancelEdit}
          onSubmit={async ({ weight, ...entry }) => {
            // A weight left as it was is not sent: once voting has started weights are fixed,
            // and a change of name alone must not be refused for it.
            const changed = weight !== undefined && weight !== String(delegate.weight) ? { weight } : {};
            const reply = await run('delegate:update', { delegateId: delegate.id, ...entry, ...changed });
            if (reply.ok) onDone();
            return reply.ok;
          }}
        />
      </td>
    </tr>
  );
}

/** A member's badge on its own sheet, in a new window (printed from there). */
function PrintBadge({ delegate, reissued }: { delegate: Delegate; reissued: boolean }) {
  const c = useText(consoleText);
  const t = useText(chairText);
  const { meetingId, chairKey } = useChairSession();
  const [refusal, setRefusal] = useState<Refusal | 'popup' | null>(null);
  const print = async () => {
    const outcome = await openBadgeSheet(meetingId, chairKey, delegate.id);
    if (outcome.ok) setRefusal(null);
    else setRefusal('popupBlocked' in outcome ? 'popup' : outcome);
  };
  return (
    <div className="print-badge">
      {reissued ? (
        <p className="ok" role="status">
          {c.members.reissued(delegate.name)}
        </p>
      ) : null}
      <button type="button" className="primary" onClick={() => void print()}>
        {c.members.printBadge}
      </button>
      {refusal === 'popup' ? (
        <p className="error-note" role="alert">
          {t.badgesPopup}
        </p>
      ) : refusal ? (
        <ErrorNote refusal={refusal} />
      ) : null}
    </div>
  );
}
