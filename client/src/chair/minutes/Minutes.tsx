// The counting minutes of one ballot round, as a document: what was decided, under which rules,
// from which counts, checked how, sealed with which hash, and signed by whom. Only the chosen
// language is rendered, so the printout is in that language.
import { CountedByNote, ProxiesSection } from './MinutesProxies';
import type { RoundExport, RoundResult } from '@hallvote/shared';
import { useText } from '../../i18n';
import { useFormats } from '../../i18n/format';
import { chairText } from '../../i18n/chair';
import { commonText } from '../../i18n/common';
import { minutesText } from '../../i18n/minutes';
import { DocumentHeader } from './DocumentHeader';
import type { MinutesSource } from './minutes-data';
import { MinutesResults } from './MinutesResults';
import { RulesSection } from './MinutesRules';
import {
  AttendanceSection,
  BallotsSection,
  ChecksSection,
  ReceiptsAnnex,
  SignaturesSection,
  WarningsSection,
} from './MinutesSections';
import { AttendanceNames, EarlyCloseNotices, RoundsSection, SealSection, VouchedBallots } from './MinutesTrust';

export function Minutes({ source }: { source: MinutesSource }) {
  const t = useText(minutesText);
  const f = useFormats();
  const { round: r } = source;
  return (
    <article className="minutes" aria-labelledby="minutes-title">
      <DocumentHeader header={source.settings.header} dated={source.drawnUpAt} />
      <MinutesHead source={source} />
      {r.state === 'cancelled' ? (
        <p className="minutes-notice" role="note">
          {t.cancelled}
        </p>
      ) : null}
      <EarlyCloseNotices round={r} rules={r.rules} />
      {r.result ? (
        <MinutesBody source={source} result={r.result} />
      ) : (
        <p className="minutes-notice" role="note">
          {t.notClosed}
        </p>
      )}
      {r.result ? null : <RoundsSection rounds={source.ballotRounds} current={r.round} />}
      <p className="minutes-drawn-up">{t.drawnUp(f.dateTimeSeconds(source.drawnUpAt))}</p>
    </article>
  );
}

function MinutesHead({ source }: { source: MinutesSource }) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const chair = useText(chairText);
  const { round: r } = source;
  return (
    <header className="minutes-head">
      <h1 id="minutes-title">{t.title}</h1>
      <dl className="minutes-facts">
        <dt>{t.header.meeting}</dt>
        <dd>{source.meetingTitle}</dd>
        <dt>{t.header.ballot}</dt>
        <dd>
          {r.ballot.title} ({chair.ballots.kinds[r.ballot.kind]})
        </dd>
        <dt>{t.header.round}</dt>
        <dd>{r.round}</dd>
        <dt>{t.header.form}</dt>
        <dd>{r.ballot.secret ? c.secret : c.named}</dd>
        <dt>{t.header.status}</dt>
        <dd>{t.header.states[r.state]}</dd>
      </dl>
    </header>
  );
}

function MinutesBody({ source, result }: { source: MinutesSource; result: RoundResult }) {
  const { tally } = result;
  const r = source.round;
  return (
    <>
      <RulesSection round={r} result={result} />
      <TimesSection round={r} />
      <RoundsSection rounds={source.ballotRounds} current={r.round} />
      <CountedByNote tally={tally} />
      <AttendanceSection tally={tally} paperVoters={r.paperVoters} addedAfterOpening={r.lateMembers.length} />
      <AttendanceNames result={result} names={source.names} />
      <ProxiesSection round={r} delegates={source.delegates} />
      <VouchedBallots vouched={source.vouched} names={source.names} />
      <BallotsSection
        election={r.ballot.kind === 'election'}
        ballots={tally.ballots}
        paper={r.paper}
        turnout={tally.turnout}
        basis={tally.basis.turnout}
      />
      <MinutesResults tally={tally} kind={r.ballot.kind} majority={r.rules.majority} paper={r.paper} />
      <ChecksSection
        tally={tally}
        kind={r.ballot.kind}
        paper={{ returned: r.paper?.returned ?? 0, voters: r.paperVoters }}
      />
      <WarningsSection warnings={tally.warnings} acknowledgement={result.acknowledgement} />
      <SealSection round={r} result={result} head={source.head} />
      <SignaturesSection />
      {r.receipts.length > 0 ? <ReceiptsAnnex receipts={r.receipts} /> : null}
    </>
  );
}

function TimesSection({ round: r }: { round: RoundExport }) {
  const t = useText(minutesText);
  const f = useFormats();
  const time = (iso: string | null) => (iso ? f.dateTimeSeconds(iso) : t.times.none);
  return (
    <section className="minutes-section" aria-labelledby="minutes-times">
      <h2 id="minutes-times">{t.times.heading}</h2>
      <dl className="minutes-facts">
        <dt>{t.times.opened}</dt>
        <dd>{time(r.openedAt)}</dd>
        <dt>{t.times.closed}</dt>
        <dd>{time(r.closedAt)}</dd>
        <dt>{t.times.published}</dt>
        <dd>{time(r.publishedAt)}</dd>
      </dl>
    </section>
  );
}
