import { useState } from 'react';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Delegate } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useLanguage, useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { consoleText } from '../i18n/console';
import { formatWeight, proxyText } from '../i18n/proxies';
import type { Refusal } from '../reply';
import { ErrorNote } from '../ui/ErrorNote';
import { BulkCheckIn } from './BulkCheckIn';
import { matchesQuery } from './name-search';
import { useChairRequest } from './session';
import { useChair } from './store';

/** Whether the roster shows weights: a rule counts them, or some member carries more than 1. */
function weighs(s: {
  meeting: { rules: { countBy?: string; quorumBy?: string } } | null;
  delegates: readonly Delegate[];
}) {
  const rules = s.meeting?.rules;
  return (
    (rules?.countBy ?? 'heads') !== 'heads' ||
    (rules?.quorumBy ?? 'heads') !== 'heads' ||
    s.delegates.some((d) => d.weight !== 1)
  );
}

/** Who is here: present / absent / excused per member (with their weight), a group at once, manual check-in, live connection. */
export function AttendancePanel() {
  const t = useText(chairText);
  const [query, setQuery] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const ids = useChair(useShallow((s) => s.delegates.filter((d) => matchesQuery(d, query)).map((d) => d.id)));
  const counts = useChair(
    useShallow((s) => {
      const count = (status: AttendanceStatus) => s.delegates.filter((d) => d.attendance === status).length;
      return [
        count('present'),
        count('absent'),
        count('excused'),
        s.delegates.filter((d) => d.connected).length,
      ] as const;
    }),
  );
  const total = useChair((s) => s.delegates.length);
  const weighted = useChair(weighs);
  const p = useText(proxyText);
  const c = useText(consoleText);
  const ballotOpen = useChair((s) => s.ballots.some((b) => b.state === 'open'));
  if (total === 0) return <p className="empty">{t.attendance.empty}</p>;
  return (
    <section className="attendance-panel">
      <p className="summary">{t.attendance.summary(...counts)}</p>
      {ballotOpen ? (
        <p className="frozen-note" role="status">
          {c.attendance.fixedWhileOpen}
        </p>
      ) : null}
      <BulkCheckIn />
      <label className="find">
        <span className="visually-hidden">{t.attendance.find}</span>
        <input type="search" placeholder={t.attendance.find} value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {refusal ? <ErrorNote refusal={refusal} /> : null}
      <table className="attendance">
        <thead>
          <tr>
            <th>{t.attendance.name}</th>
            <th>{t.attendance.group}</th>
            {weighted ? <th className="weight">{p.weight}</th> : null}
            <th>{t.attendance.phone}</th>
            <th>{t.attendance.status}</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => (
            <AttendanceRow key={id} delegateId={id} onRefused={setRefusal} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AttendanceRow({ delegateId, onRefused }: { delegateId: string; onRefused: (r: Refusal | null) => void }) {
  const t = useText(chairText);
  const c = useText(consoleText);
  // Each row waits for its own answer; the panel shows the latest refusal of any row.
  const { run, busy } = useChairRequest();
  const delegate = useChair((s) => s.delegates.find((d) => d.id === delegateId));
  const weighted = useChair(weighs);
  const language = useLanguage();
  // Attendance is fixed for the roster of an open round until it closes (set-attendance.ts on the
  // server): only a latecomer becomes present. A member added after it opened is not on its roster.
  const fixed = useChair((s) => s.ballots.some((b) => b.state === 'open' && !b.lateIds.includes(delegateId)));
  const onPaper = useChair((s) => s.ballots.some((b) => b.state === 'open' && b.paperVoterIds.includes(delegateId)));
  if (!delegate) return null;
  const mark = async (status: AttendanceStatus) => {
    const reply = await run('attendance:mark', { delegateId, status });
    onRefused(reply.ok ? null : reply);
  };
  return (
    <tr className={delegate.attendance}>
      <td>
        <strong>{delegate.name}</strong>
        {delegate.position ? <span className="position">{delegate.position}</span> : null}
        {onPaper ? <span className="tag paper">{c.attendance.votedOnPaper}</span> : null}
      </td>
      <td>{delegate.group}</td>
      {weighted ? <td className="weight">{formatWeight(delegate.weight, language)}</td> : null}
      <td>
        <PhoneState delegate={delegate} />
      </td>
      <td>
        <div className="status-buttons" role="group" aria-label={`${t.attendance.status}: ${delegate.name}`}>
          {ATTENDANCE_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`status-${status}`}
              aria-pressed={delegate.attendance === status}
              disabled={busy || (fixed && status !== 'present')}
              onClick={() => void mark(status)}
            >
              {t.attendance.statuses[status]}
            </button>
          ))}
        </div>
      </td>
    </tr>
  );
}

function PhoneState({ delegate }: { delegate: Delegate }) {
  const t = useText(chairText);
  const how =
    delegate.checkedInBy === 'phone'
      ? t.attendance.byPhone
      : delegate.checkedInBy === 'chair'
        ? t.attendance.byChair
        : '';
  return (
    <span className="phone-state">
      {delegate.connected ? <span className="dot on">● {t.attendance.connected}</span> : null}
      {how ? <small>{how}</small> : null}
    </span>
  );
}
