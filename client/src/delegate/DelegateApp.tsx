import { assertNever } from '@hallvote/shared';
import { useText } from '../i18n';
import { MeetingVoice } from '../ui/MeetingVoice';
import { commonText } from '../i18n/common';
import { delegateText } from '../i18n/delegate';
import { delegateRefusalText } from '../i18n/delegate-refusals';
import { RefusalTextContext } from '../i18n/refusals';
import { ConnectionBanner } from '../ui/ConnectionBanner';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Announcer } from './Announcer';
import { MarkingScreen } from './MarkingScreen';
import { HeldByScreen, RepresentedList, SplitScreen, VotingForBanner } from './ProxyVoting';
import { ReviewScreen } from './ReviewScreen';
import { ResultScreen } from './ResultScreen';
import { SessionContext } from './session';
import { ClosedScreen, FinalScreen, IdleScreen, MessageScreen, SendingScreen, VotedScreen } from './StatusScreens';
import { isCurrentRound, setLanguage, useDelegate } from './store';
import type { DelegateSession } from './vote-actions';

export function DelegateApp({ session }: { session: DelegateSession }) {
  const language = useDelegate((s) => s.language);
  const settings = useDelegate((s) => s.meeting?.settings);
  return (
    <MeetingVoice language={language} settings={settings}>
      {/* The phone's refusals address the member holding it (delegate-refusals.ts). */}
      <RefusalTextContext value={delegateRefusalText}>
        <SessionContext value={session}>
          <div className="delegate-app">
            <DelegateHeader />
            <Banner />
            <Announcer />
            <main>
              <Screen />
            </main>
          </div>
        </SessionContext>
      </RefusalTextContext>
    </MeetingVoice>
  );
}

function DelegateHeader() {
  const language = useDelegate((s) => s.language);
  const name = useDelegate((s) => s.me?.name ?? '');
  const position = useDelegate((s) => s.me?.position ?? '');
  const meeting = useDelegate((s) => s.meeting?.title ?? '');
  return (
    <header className="delegate-header">
      <div className="identity">
        <p className="who">
          <strong>{name}</strong>
          {position ? <span className="position"> · {position}</span> : null}
        </p>
        <p className="meeting">{meeting}</p>
      </div>
      <LanguageSwitch value={language} onChange={setLanguage} compact />
    </header>
  );
}

/** The connection's state; what it means for a vote on its way is said once, on the sending screen. */
function Banner() {
  const status = useDelegate((s) => s.connection);
  return <ConnectionBanner status={status} />;
}

function Screen() {
  const t = useText(delegateText);
  const c = useText(commonText);
  const connection = useDelegate((s) => s.connection);
  const joined = useDelegate((s) => s.meeting !== null);
  const ballotState = useDelegate((s) => s.ballot?.state ?? null);
  const step = useDelegate((s) => s.step);
  const sendingNow = useDelegate((s) => isCurrentRound(s.ballot, s.pending));
  const voted = useDelegate((s) => isCurrentRound(s.ballot, s.myVote) && !s.changing && s.votingFor === null);
  const heldBy = useDelegate((s) => s.heldBy?.name ?? null);
  const splitting = useDelegate((s) => s.splitting);
  const votingFor = useDelegate((s) => s.votingFor !== null);
  const notMine = useDelegate((s) => isCurrentRound(s.ballot, s.joinedAfter));

  if (connection === 'refused') return <FinalScreen title={t.invalid} hint={t.invalidHint} />;
  if (connection === 'replaced') return <FinalScreen title={t.replaced} hint={t.replacedHint} />;
  if (connection === 'reissued') return <FinalScreen title={t.reissued} hint={t.reissuedHint} />;
  if (connection === 'removed') return <FinalScreen title={t.removed} hint={t.removedHint} />;
  if (!joined) return <MessageScreen title={c.connecting} />;
  switch (ballotState) {
    case null:
    case 'draft':
      return <IdleScreen />;
    case 'open':
      if (notMine) return <MessageScreen title={t.joinedLate} hint={t.joinedLateHint} />;
      if (sendingNow) return <SendingScreen />;
      // A grantor whose holder votes for them in this round: nothing to mark here.
      if (heldBy !== null && !voted) return <HeldByScreen holder={heldBy} />;
      if (splitting) return <SplitScreen />;
      if (voted)
        return (
          <>
            <VotedScreen />
            <RepresentedList />
          </>
        );
      return (
        <>
          <VotingForBanner />
          {step === 'review' ? <ReviewScreen /> : <MarkingScreen />}
          {step === 'mark' && !votingFor ? <RepresentedList /> : null}
        </>
      );
    case 'closed':
      return <ClosedScreen />;
    case 'published':
      return <ResultScreen />;
    case 'cancelled':
      return <MessageScreen title={t.cancelled} />;
    default:
      return assertNever(ballotState);
  }
}
