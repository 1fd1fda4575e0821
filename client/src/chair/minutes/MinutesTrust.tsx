// The parts of the minutes that let the people who lost a vote trust it (issue 12): the seal with
// the audit heads to sign under, an early close and a lowered early-close minimum said plainly,
// the ballots a cancel destroyed, every round of the ballot (so a re-vote after an unwelcome
// result is there to read), who was excused or absent when the result was counted, and the ballots
// cast with badges the chair checked in or re-issued (for the counting committee to check).
import {
  earlyCloseMinimum,
  loweredEarlyCloseMinimum,
  type AuditHead,
  type RoundExport,
  type RoundResult,
  type RuleSet,
  type VouchedVote,
} from '@hallvote/shared';
import { useText } from '../../i18n';
import { minutesText } from '../../i18n/minutes';
import { minutesTrustText } from '../../i18n/minutes-trust';

function Hash({ label, hash }: { label: string; hash: string }) {
  return (
    <>
      <p>{label}:</p>
      <p className="minutes-seal">
        <code>{hash}</code>
      </p>
    </>
  );
}

/** The seal, the audit head that went out with the published result, and the head as of now. */
export function SealSection({
  round: r,
  result,
  head,
}: {
  round: RoundExport;
  result: RoundResult;
  head: AuditHead | null;
}) {
  const t = useText(minutesText);
  const x = useText(minutesTrustText);
  return (
    <section className="minutes-section" aria-labelledby="minutes-seal">
      <h2 id="minutes-seal">{t.seal.heading}</h2>
      <Hash label={t.seal.label} hash={result.seal} />
      {r.anchor ? <Hash label={x.anchor(r.anchor.head.seq)} hash={r.anchor.head.hash} /> : null}
      {head && head.hash !== r.anchor?.head.hash ? <Hash label={x.headNow(head.seq)} hash={head.hash} /> : null}
      <p className="minutes-small">{t.seal.help}</p>
    </section>
  );
}

/** An early close, and a minimum the ballot lowered: notices at the top of the minutes. */
export function EarlyCloseNotices({ round: r, rules }: { round: RoundExport; rules: RuleSet }) {
  const x = useText(minutesTrustText);
  const lowered = loweredEarlyCloseMinimum(rules, r.ballot);
  const early = r.result?.earlyClose;
  return (
    <>
      {lowered !== null ? (
        <p className="minutes-notice" role="note">
          {x.lowered(lowered, earlyCloseMinimum(rules, {}).ruleMinimum)}
        </p>
      ) : null}
      {early ? (
        <p className="minutes-notice" role="note">
          {x.closedEarly(early.returned, early.present, early.minimum)}
        </p>
      ) : null}
      {r.state === 'cancelled' && r.destroyed > 0 ? <p className="minutes-notice">{x.destroyed(r.destroyed)}</p> : null}
    </>
  );
}

/** Every round of the ballot, with its state and what it counted. */
export function RoundsSection({ rounds, current }: { rounds: readonly RoundExport[]; current: number }) {
  const t = useText(minutesText);
  const x = useText(minutesTrustText);
  if (rounds.length < 2) return null;
  return (
    <section className="minutes-section" aria-labelledby="minutes-rounds">
      <h2 id="minutes-rounds">{x.rounds}</h2>
      <ul>
        {[...rounds]
          .sort((a, b) => a.round - b.round)
          .map((r) => (
            <li key={r.round}>
              {x.roundLine(r.round, r.state === 'closed' ? x.notPublished : t.header.states[r.state])}
              {r.result ? ` · ${x.returned(r.result.tally.ballots.returned)} · ${r.result.seal.slice(0, 16)}…` : ''}
              {r.state === 'cancelled' && r.destroyed > 0 ? ` · ${x.destroyed(r.destroyed)}` : ''}
              {r.round === current ? ` ${x.thisRound}` : ''}
            </li>
          ))}
      </ul>
    </section>
  );
}

/** The members excused and absent when the result was counted, by name. */
export function AttendanceNames({ result, names }: { result: RoundResult; names: ReadonlyMap<string, string> }) {
  const x = useText(minutesTrustText);
  const list = (ids: readonly string[]) =>
    ids
      .map((id) => names.get(id) ?? id)
      .sort((a, b) => a.localeCompare(b, 'vi'))
      .join(', ');
  const { excused, absent } = result.attendance;
  return (
    <>
      {excused.length > 0 ? (
        <p>
          <strong>{x.excusedNames}:</strong> {list(excused)}
        </p>
      ) : null}
      {absent.length > 0 ? (
        <p>
          <strong>{x.absentNames}:</strong> {list(absent)}
        </p>
      ) : null}
    </>
  );
}

/**
 * Ballots cast with badges the chair checked in or re-issued (shared/src/vouched-votes.ts): the
 * chair holds every badge, so the counting committee checks these members were in the hall. Names
 * and why, never a choice.
 */
export function VouchedBallots({
  vouched,
  names,
}: {
  vouched: readonly VouchedVote[];
  names: ReadonlyMap<string, string>;
}) {
  const x = useText(minutesTrustText);
  if (vouched.length === 0) return null;
  const list = vouched
    .map((v) => `${names.get(v.delegateId) ?? v.delegateId} (${x.vouchedBy[v.by]})`)
    .sort((a, b) => a.localeCompare(b, 'vi'))
    .join(', ');
  return (
    <p className="minutes-notice" role="note">
      <strong>{x.vouched(vouched.length)}</strong> {list}
    </p>
  );
}
