// The numbered facts of the minutes around the results: attendance and quorum, ballots, checks,
// warnings with the chair's acknowledgement, the signatures and the receipts annex (the seal and
// the audit heads are in MinutesTrust.tsx).
import {
  basisText,
  type Acknowledgement,
  type BallotCounts,
  type BallotKind,
  type CapWarning,
  type InvariantCheck,
  type LegalBasis,
  type PaperTotals,
  type TallyResult,
  type TurnoutShare,
} from '@hallvote/shared';
import { useLanguage, useText } from '../../i18n';
import { commonText } from '../../i18n/common';
import { minutesText } from '../../i18n/minutes';
import { capWarningText, turnoutText } from '../../ui/outcome-text';
import { useFormats } from '../../i18n/format';
import { paperBallots } from './minutes-data';

export function AttendanceSection({
  tally,
  paperVoters,
  addedAfterOpening,
}: {
  tally: TallyResult;
  paperVoters: number;
  /** Members added while the round was open or later: said only when there are any. */
  addedAfterOpening: number;
}) {
  const t = useText(minutesText);
  const { roster, present, excusedAbsent, eligible } = tally.attendance;
  const q = tally.quorum;
  const rows: [string, number][] = [
    [t.attendance.roster, roster],
    [t.attendance.excused, excusedAbsent],
    [t.attendance.absent, Math.max(0, roster - present - excusedAbsent)],
    [t.attendance.present, present],
    [t.attendance.eligible, eligible],
    [t.attendance.paperVoters, paperVoters],
    ...(addedAfterOpening > 0 ? [[t.attendance.addedAfterOpening, addedAfterOpening] as [string, number]] : []),
  ];
  return (
    <section className="minutes-section" aria-labelledby="minutes-attendance">
      <h2 id="minutes-attendance">{t.attendance.heading}</h2>
      <table className="minutes-table figures">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`minutes-verdict ${q.met ? 'met' : 'not-met'}`}>
        {(q.met ? t.attendance.quorate : t.attendance.notQuorate)(q.present, q.required, q.fraction, q.eligible)}
      </p>
    </section>
  );
}

export function BallotsSection({
  election,
  ballots,
  paper,
  turnout,
  basis,
}: {
  /** An election's papers are "phiếu bầu"; every other ballot's "phiếu biểu quyết". */
  election: boolean;
  ballots: BallotCounts;
  paper: PaperTotals | null;
  turnout: TurnoutShare;
  basis: LegalBasis | null;
}) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  const onPaper = paperBallots(paper);
  const heading = election ? t.ballots.headingElection : t.ballots.heading;
  const split = (label: string, total: number, paperCount: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{total - paperCount}</td>
      <td className="num">{paperCount}</td>
      <td className="num total">{total}</td>
    </tr>
  );
  return (
    <section className="minutes-section" aria-labelledby="minutes-ballots">
      <h2 id="minutes-ballots">{heading}</h2>
      <table className="minutes-table figures" aria-label={heading}>
        <thead>
          <tr>
            <td />
            <th scope="col" className="num">
              {t.ballots.online}
            </th>
            <th scope="col" className="num">
              {t.ballots.paper}
            </th>
            <th scope="col" className="num">
              {t.ballots.total}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.ballots.issued}</th>
            <td />
            <td />
            <td className="num total">{ballots.issued}</td>
          </tr>
          {split(t.ballots.returned, ballots.returned, onPaper.returned)}
          {split(t.ballots.valid, ballots.valid, onPaper.valid)}
          {split(t.ballots.invalid, ballots.invalid, onPaper.invalid)}
        </tbody>
      </table>
      <p>
        {turnoutText(turnout, c, language)}
        {basis ? <span className="minutes-basis"> ({basisText(basis, language)})</span> : null}
      </p>
      {ballots.invalidReasons.length > 0 ? (
        <>
          <h3>{t.ballots.reasons}</h3>
          <ul>
            {ballots.invalidReasons.map((r) => (
              <li key={r.reason}>
                {t.ballots.engineReasons[r.reason] ?? r.reason}: {r.count}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t.ballots.noInvalid}</p>
      )}
    </section>
  );
}

/** Paper ballots returned and the members marked as paper voters. */
interface PaperCount {
  readonly returned: number;
  readonly voters: number;
}

/** The relation an invariant asserts, with this round's numbers and the sign that holds. */
function invariantFigures(check: InvariantCheck, tally: TallyResult, paper: PaperCount): string {
  const { issued, returned, valid, invalid } = tally.ballots;
  const present = tally.attendance.present;
  switch (check.name) {
    case 'issued>=returned':
      return `${issued} ${check.ok ? '≥' : '<'} ${returned}`;
    case 'returned=valid+invalid':
      return `${returned} ${check.ok ? '=' : '≠'} ${valid} + ${invalid}`;
    case 'subject-counts+empty=valid':
      // When it fails, the tally's own detail names each subject that does not add up.
      return check.ok ? String(valid) : check.detail;
    case 'returned<=present':
      return `${returned} ${check.ok ? '≤' : '>'} ${present}`;
    case 'paper-returned<=paper-voters':
      return `${paper.returned} ${check.ok ? '≤' : '>'} ${paper.voters}`;
    default:
      return check.detail;
  }
}

export function ChecksSection({ tally, kind, paper }: { tally: TallyResult; kind: BallotKind; paper: PaperCount }) {
  const t = useText(minutesText);
  return (
    <section className="minutes-section" aria-labelledby="minutes-checks">
      <h2 id="minutes-checks">{t.checks.heading}</h2>
      <table className="minutes-table figures" aria-label={t.checks.heading}>
        <tbody>
          {tally.invariants.map((check) => (
            <tr key={check.name} className={check.ok ? undefined : 'failed'}>
              <th scope="row">
                {check.name === 'subject-counts+empty=valid' && kind === 'election'
                  ? t.checks.electionSubjects
                  : t.checks.names[check.name]}
              </th>
              <td className="num">{invariantFigures(check, tally, paper)}</td>
              <td>{check.ok ? t.checks.holds : t.checks.fails}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function WarningsSection({
  warnings,
  acknowledgement,
}: {
  warnings: readonly CapWarning[];
  acknowledgement: Acknowledgement | null;
}) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  const f = useFormats();
  return (
    <section className="minutes-section" aria-labelledby="minutes-warnings">
      <h2 id="minutes-warnings">{t.warnings.heading}</h2>
      {warnings.length === 0 ? <p>{t.warnings.none}</p> : null}
      {warnings.length > 0 ? (
        <ul>
          {warnings.map((w, i) => (
            <li key={i}>{capWarningText(w, c, language)}</li>
          ))}
        </ul>
      ) : null}
      {acknowledgement ? <h3>{t.warnings.acknowledged}</h3> : null}
      {acknowledgement ? (
        <dl className="minutes-facts" aria-label={t.warnings.acknowledged}>
          <dt>{t.warnings.reason}</dt>
          <dd className="minutes-reason">{acknowledgement.reason}</dd>
          <dt>{t.warnings.at}</dt>
          <dd>{f.dateTimeSeconds(acknowledgement.at)}</dd>
        </dl>
      ) : warnings.length > 0 ? (
        <p className="minutes-verdict not-met">{t.warnings.missing}</p>
      ) : null}
    </section>
  );
}

function SignatureBox({ role }: { role: string }) {
  const t = useText(minutesText);
  return (
    <div className="signature" role="group" aria-label={role}>
      <p className="signature-role">{role}</p>
      <p className="signature-line">{t.signatures.signature}:</p>
      <p className="signature-line">{t.signatures.name}:</p>
    </div>
  );
}

export function SignaturesSection() {
  const t = useText(minutesText);
  return (
    <section className="minutes-section minutes-signatures" aria-labelledby="minutes-signatures">
      <h2 id="minutes-signatures">{t.signatures.heading}</h2>
      <h3>{t.signatures.committee}</h3>
      <div className="signature-grid">
        <SignatureBox role={t.signatures.head} />
        <SignatureBox role={t.signatures.member} />
        <SignatureBox role={t.signatures.member} />
      </div>
      <div className="signature-grid chair">
        <SignatureBox role={t.signatures.chair} />
      </div>
    </section>
  );
}

export function ReceiptsAnnex({ receipts }: { receipts: readonly string[] }) {
  const t = useText(minutesText);
  return (
    <section className="minutes-section minutes-annex" aria-labelledby="minutes-annex">
      <h2 id="minutes-annex">{t.annex.heading}</h2>
      <p>{t.annex.help(receipts.length)}</p>
      <ol className="receipts">
        {receipts.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
