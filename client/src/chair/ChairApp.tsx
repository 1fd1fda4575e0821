import { useState } from 'react';
import { assertNever } from '@hallvote/shared';
import { LanguageContext, useText } from '../i18n';
import { MeetingVoice } from '../ui/MeetingVoice';
import { chairText } from '../i18n/chair';
import { commonText } from '../i18n/common';
import { ConnectionBanner } from '../ui/ConnectionBanner';
import type { Refusal } from '../reply';
import { ErrorNote } from '../ui/ErrorNote';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { AttendancePanel } from './AttendancePanel';
import { ProxyPanel } from './ProxyPanel';
import { AuditLog } from './AuditLog';
import { BallotBuilder } from './BallotBuilder';
import { BallotDetail } from './BallotDetail';
import { BallotList } from './BallotList';
import { ExportPanel } from './ExportPanel';
import { useFormats } from '../i18n/format';
import { MemberList } from './MemberList';
import { ProjectorPanel } from './ProjectorPanel';
import { copyText, openBadgeSheet, projectorUrl } from './header-actions';
import { RosterImport } from './RosterImport';
import { QuorumIndicator, RulesPanel } from './RulesPanel';
import { PlainHttpWarning } from './TrustNotes';
import { ChairSessionContext, useChairSession, type ChairSession } from './session';
import { chairStore, setLanguage, useChair, type ChairTab } from './store';

export function ChairApp({ session }: { session: ChairSession }) {
  const language = useChair((s) => s.language);
  const settings = useChair((s) => s.meeting?.settings);
  return (
    <MeetingVoice language={language} settings={settings}>
      <ChairSessionContext value={session}>
        <Console />
      </ChairSessionContext>
    </MeetingVoice>
  );
}

/** Never silent: the secret-round scrub is waiting for another program to let go of the files. */
function StorageNotice() {
  const t = useText(chairText);
  const f = useFormats();
  const since = useChair((s) => s.storage.scrubPendingSince);
  if (since === null) return null;
  return (
    <div className="connection-banner storage" role="alert">
      <p>{t.scrubPending(f.dateTimeSeconds(since))}</p>
    </div>
  );
}

function Console() {
  const c = useText(commonText);
  const connection = useChair((s) => s.connection);
  const joined = useChair((s) => s.meeting !== null);
  const refusal = useChair((s) => s.refusal);
  if (connection === 'refused') return refusal ? <ChairMessage refusal={refusal} /> : <ChairMessage which="refused" />;
  return (
    <div className="chair-app">
      <ChairHeader />
      <ConnectionBanner status={connection} />
      <StorageNotice />
      <PlainHttpWarning />
      {joined ? (
        <div className="chair-body">
          <aside className="chair-side">
            <QuorumIndicator />
            <ProjectorPanel />
            <RulesPanel />
            <ExportPanel />
          </aside>
          <main className="chair-main">
            <Tabs />
            <TabContent />
          </main>
        </div>
      ) : (
        <p className="hint">{c.connecting}</p>
      )}
    </div>
  );
}

/** Shown instead of a page when there is no usable key, or the page could not be loaded. */
export function ChairMessage(props: { which: 'noKey' | 'refused' } | { refusal: Refusal }) {
  const language = useChair((s) => s.language);
  return (
    <LanguageContext value={language}>
      <div className="chair-app message">
        <header className="chair-header">
          <span />
          <LanguageSwitch value={language} onChange={setLanguage} />
        </header>
        {'refusal' in props ? (
          <ErrorNote refusal={props.refusal} />
        ) : (
          <p className="error-note" role="alert">
            {chairText[language][props.which]}
          </p>
        )}
      </div>
    </LanguageContext>
  );
}

function ChairHeader() {
  const t = useText(chairText);
  const { meetingId, chairKey } = useChairSession();
  const language = useChair((s) => s.language);
  const title = useChair((s) => s.meeting?.title ?? '');
  const projectorKey = useChair((s) => s.projectorKey);
  const [copied, setCopied] = useState(false);
  const [badgeRefusal, setBadgeRefusal] = useState<Refusal | 'popup' | null>(null);
  const link = projectorKey ? projectorUrl(meetingId, projectorKey) : null;

  const badges = async () => {
    const outcome = await openBadgeSheet(meetingId, chairKey);
    if (outcome.ok) setBadgeRefusal(null);
    else setBadgeRefusal('popupBlocked' in outcome ? 'popup' : outcome);
  };

  return (
    <header className="chair-header">
      <div className="titles">
        <p className="kicker">{t.console}</p>
        <h1>{title}</h1>
      </div>
      <div className="header-actions">
        {link ? (
          <>
            <a className="button" href={link} target="_blank" rel="noopener noreferrer">
              {t.projector}
            </a>
            <button type="button" onClick={() => void copyText(link).then(setCopied)}>
              {copied ? t.copied : t.copyProjector}
            </button>
          </>
        ) : null}
        <button type="button" onClick={() => void badges()}>
          {t.badges}
        </button>
        <LanguageSwitch value={language} onChange={setLanguage} />
      </div>
      {badgeRefusal === 'popup' ? (
        <p className="error-note" role="alert">
          {t.badgesPopup}
        </p>
      ) : badgeRefusal ? (
        <ErrorNote refusal={badgeRefusal} />
      ) : null}
    </header>
  );
}

const TABS: readonly ChairTab[] = ['ballots', 'attendance', 'roster', 'audit'];

function Tabs() {
  const t = useText(chairText);
  const tab = useChair((s) => s.tab);
  const present = useChair((s) => s.presence?.present ?? 0);
  const roster = useChair((s) => s.presence?.roster ?? 0);
  return (
    <div className="tabs" role="tablist">
      {TABS.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={tab === name}
          onClick={() => chairStore.setState({ tab: name })}
        >
          {t.tabs[name]}
          {name === 'attendance' ? ` (${present}/${roster})` : ''}
        </button>
      ))}
    </div>
  );
}

function TabContent() {
  const tab = useChair((s) => s.tab);
  const selected = useChair((s) => s.selectedBallotId);
  switch (tab) {
    case 'ballots':
      return (
        <div className="ballots-tab" role="tabpanel">
          <BallotList />
          <div className="ballot-pane">{selected ? <BallotDetail ballotId={selected} /> : <BallotBuilder />}</div>
        </div>
      );
    case 'attendance':
      return (
        <div role="tabpanel">
          <AttendancePanel />
          <ProxyPanel />
        </div>
      );
    case 'roster':
      return (
        <div role="tabpanel">
          <MemberList />
          <RosterImport />
        </div>
      );
    case 'audit':
      return (
        <div role="tabpanel">
          <AuditLog />
        </div>
      );
    default:
      return assertNever(tab);
  }
}
