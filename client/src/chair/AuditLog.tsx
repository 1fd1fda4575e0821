// The meeting's audit log as the chair reads it: every change, who made it and when. Ids in the
// details are shown as the names the chair knows them by.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditEntry } from '@hallvote/shared';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import type { Refusal } from '../reply';
import { ErrorNote } from '../ui/ErrorNote';
import { useFormats } from '../i18n/format';
import { useChairSession } from './session';
import { useChair } from './store';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entries: readonly AuditEntry[] }
  | { readonly status: 'refused'; readonly refusal: Refusal };

export function AuditLog() {
  const t = useText(chairText);
  const { socket } = useChairSession();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const refresh = useCallback(async () => {
    setLoad({ status: 'loading' });
    const reply = await socket.request('audit:list', {});
    setLoad(reply.ok ? { status: 'ready', entries: reply.data } : { status: 'refused', refusal: reply });
  }, [socket]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="audit-log" aria-labelledby="audit-heading">
      <div className="audit-head">
        <h2 id="audit-heading">{t.audit.heading}</h2>
        {load.status === 'ready' ? <span className="hint">{t.audit.count(load.entries.length)}</span> : null}
        <button type="button" disabled={load.status === 'loading'} onClick={() => void refresh()}>
          {t.audit.refresh}
        </button>
      </div>
      <p className="hint">{t.audit.help}</p>
      {load.status === 'loading' ? <p role="status">{t.audit.loading}</p> : null}
      {load.status === 'refused' ? <ErrorNote refusal={load.refusal} /> : null}
      {load.status === 'ready' ? <AuditTable entries={load.entries} /> : null}
    </section>
  );
}

/** A long meeting logs every vote; the newest entries come first and the rest on request. */
const FIRST_PAGE = 200;

function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const t = useText(chairText);
  const f = useFormats();
  const describe = useDetails();
  const [all, setAll] = useState(false);
  const newestFirst = useMemo(() => [...entries].sort((a, b) => b.seq - a.seq), [entries]);
  if (entries.length === 0) return <p>{t.audit.empty}</p>;
  const shown = all ? newestFirst : newestFirst.slice(0, FIRST_PAGE);
  return (
    <>
      <table className="audit-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t.audit.seq}
            </th>
            <th scope="col">{t.audit.time}</th>
            <th scope="col">{t.audit.actor}</th>
            <th scope="col">{t.audit.action}</th>
            <th scope="col">{t.audit.details}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.seq}</td>
              <td>{f.dateTimeSeconds(e.at)}</td>
              <td>{t.audit.actors[e.actor]}</td>
              <td>
                {t.audit.actions[e.action] ?? e.action}
                <code className="action-code">{e.action}</code>
              </td>
              <td>{describe(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < newestFirst.length ? (
        <button type="button" onClick={() => setAll(true)}>
          {t.audit.showAll(newestFirst.length)}
        </button>
      ) : null}
    </>
  );
}

/** Details that name one member by id: the member, a proxy's grantor and holder, who cast a vote. */
const MEMBER_KEYS: ReadonlySet<string> = new Set(['delegateId', 'grantorId', 'holderId', 'castBy']);

/** "member: Nguyễn Văn An · round: 1": ids replaced by the names in the console's snapshot. */
function useDetails(): (details: AuditEntry['details']) => string {
  const t = useText(chairText);
  const f = useFormats();
  const delegates = useChair((s) => s.delegates);
  const ballots = useChair((s) => s.ballots);
  const proxies = useChair((s) => s.proxies);
  const names = useMemo(() => new Map(delegates.map((d) => [d.id, d.name])), [delegates]);
  // A proxy as the chair knows it: "grantor → holder".
  const proxyNames = useMemo(
    () => new Map(proxies.map((p) => [p.id, `${names.get(p.grantorId) ?? ''} → ${names.get(p.holderId) ?? ''}`])),
    [proxies, names],
  );
  const nameOf = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : String(id));
  const titles = useMemo(() => new Map(ballots.map((b) => [b.id, b.title])), [ballots]);
  return (details) =>
    Object.entries(details)
      // A round's outcome is recorded as the tally's data; in words it is the ballot's result on
      // its own tab and in the minutes, and the export carries the data. Not repeated here raw.
      .filter(([key]) => key !== 'outcome')
      .map(([key, value]) => {
        const label = t.audit.detailKeys[key] ?? key;
        if (MEMBER_KEYS.has(key) && typeof value === 'string') return `${label}: ${nameOf(value)}`;
        if (key === 'members' && Array.isArray(value)) return `${label}: ${value.map(nameOf).join(', ')}`;
        if (key === 'proxyId' && typeof value === 'string') return `${label}: ${proxyNames.get(value) ?? value}`;
        if (key === 'by' && typeof value === 'string') return `${label}: ${t.audit.revokedBy[value] ?? value}`;
        if (key === 'ballotId' && typeof value === 'string') return `${label}: ${titles.get(value) ?? value}`;
        // A member's edit names the fields it changed: in the console's words, not the protocol's.
        if (key === 'fields' && Array.isArray(value))
          return `${label}: ${value.map((f) => t.audit.detailKeys[String(f)] ?? String(f)).join(', ')}`;
        if (key === 'delegateIds' && Array.isArray(value))
          return `${label}: ${value.map((id) => (typeof id === 'string' ? (names.get(id) ?? id) : String(id))).join(', ')}`;
        // Every weight other than 1 of the members an entry adds: by name, in the meeting's numbers.
        if (key === 'weights' && value !== null && typeof value === 'object')
          return Object.keys(value).length === 0
            ? ''
            : `${label}: ${Object.entries(value as Record<string, unknown>)
                .map(([id, w]) => `${nameOf(id)} ${typeof w === 'number' ? f.int(w) : String(w)}`)
                .join(', ')}`;
        if (key === 'weight' && typeof value === 'number') return `${label}: ${f.int(value)}`;
        if (key === 'notInRounds' && Array.isArray(value))
          return `${label}: ${value
            .map((r: { ballotId?: unknown; round?: unknown }) =>
              typeof r.ballotId === 'string' ? `${titles.get(r.ballotId) ?? r.ballotId} (${String(r.round)})` : '',
            )
            .join(', ')}`;
        if (key === 'attendance' && isAttendance(value))
          return `${label}: ${t.audit.attendance(
            value.present.length,
            value.excused.length,
            value.absent.length,
            Array.isArray(value.represented) ? value.represented.length : 0,
          )}`;
        return `${label}: ${detailValue(value, t.audit)}`;
      })
      .filter((part) => part !== '')
      .join(' · ');
}

interface DetailWords {
  readonly values: { readonly none: string; readonly yes: string; readonly no: string };
  readonly detailKeys: Readonly<Record<string, string>>;
}

/** A round's attendance as the audit records it: member ids by status. */
function isAttendance(
  value: unknown,
): value is Record<'present' | 'excused' | 'absent', unknown[]> & { represented?: unknown } {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.present) && Array.isArray(v.excused) && Array.isArray(v.absent);
}

/** A detail's value in words: never "null", "true", JSON or an English key in front of the chair. */
function detailValue(value: unknown, words: DetailWords): string {
  if (value === null || value === undefined) return words.values.none;
  if (typeof value === 'boolean') return value ? words.values.yes : words.values.no;
  if (Array.isArray(value)) return value.map((v) => detailValue(v, words)).join(', ');
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${words.detailKeys[k] ?? k} ${detailValue(v, words)}`)
      .join(', ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
