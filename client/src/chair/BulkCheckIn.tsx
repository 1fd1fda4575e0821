import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { consoleText } from '../i18n/console';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNote } from '../ui/ErrorNote';
import { useChairRequest } from './session';
import { useChair } from './store';

/** '' in the group choice: the whole roster. */
const EVERYONE = '';

/**
 * A group, or everyone, checked in by the chair in one request (attendance:mark-present): the
 * absent members of it become present; excused members and those present already stay as they are.
 */
export function BulkCheckIn() {
  const t = useText(chairText);
  const c = useText(consoleText);
  const { run, busy, refusal } = useChairRequest();
  const groups = useChair(
    useShallow((s) => [...new Set(s.delegates.map((d) => d.group).filter((g) => g !== ''))].sort()),
  );
  const [group, setGroup] = useState(EVERYONE);
  const absent = useChair(
    (s) => s.delegates.filter((d) => d.attendance === 'absent' && (group === EVERYONE || d.group === group)).length,
  );
  const [marked, setMarked] = useState<number | null>(null);

  const markPresent = async () => {
    setMarked(null);
    const reply = await run('attendance:mark-present', { group: group === EVERYONE ? null : group });
    if (reply.ok) setMarked(reply.data.marked);
  };

  return (
    <section className="bulk-check-in" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{c.attendance.bulkHeading}</h2>
      <div className="row">
        <label>
          {c.attendance.group}
          <select
            value={group}
            onChange={(e) => {
              setGroup(e.target.value);
              setMarked(null);
            }}
          >
            <option value={EVERYONE}>{c.attendance.everyone}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        {absent === 0 ? (
          <p className="hint">{c.attendance.nobodyAbsent}</p>
        ) : (
          <ConfirmButton
            label={group === EVERYONE ? c.attendance.markEveryone(absent) : c.attendance.markGroup(group, absent)}
            question={c.attendance.markQuestion(absent)}
            confirmLabel={c.attendance.markConfirm}
            backLabel={t.ballots.back}
            disabled={busy}
            onConfirm={() => void markPresent()}
          />
        )}
      </div>
      {marked !== null ? (
        <p className="ok" role="status">
          {c.attendance.marked(marked)}
        </p>
      ) : null}
      {refusal ? <ErrorNote refusal={refusal} /> : null}
    </section>
  );
}
