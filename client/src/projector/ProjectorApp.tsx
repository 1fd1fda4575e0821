import { assertNever } from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { MeetingVoice } from '../ui/MeetingVoice';
import { commonText } from '../i18n/common';
import { projectorText } from '../i18n/projector';
import { formatWeight, proxyText } from '../i18n/proxies';
import { ConnectionBanner } from '../ui/ConnectionBanner';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { formatRemaining, useNow } from '../ui/use-now';
import { ResultBoard } from './ResultBoard';
import { ofCurrentRound, setLanguage, useProjector } from './store';
import { CANVAS_WIDTH, useCanvasFit } from './use-canvas-fit';
import { useIdle } from './use-idle';

/** The language switch fades out after this long without a mouse movement or a key. */
const SWITCH_HIDES_AFTER_MS = 6000;

export function ProjectorApp() {
  const language = useProjector((s) => s.language);
  const connection = useProjector((s) => s.connection);
  const settings = useProjector((s) => s.meeting?.settings);
  return (
    <MeetingVoice language={language} settings={settings}>
      <Canvas>
        <ConnectionBanner status={connection} />
        {connection === 'refused' ? <ProjectorMessage which="refused" /> : <Screen />}
        <Footer />
      </Canvas>
    </MeetingVoice>
  );
}

/** The 1920-wide canvas, scaled to the screen (see use-canvas-fit.ts). */
export function Canvas({ children }: { children: React.ReactNode }) {
  const { scale, height } = useCanvasFit();
  return (
    <div className="projector-screen">
      <div
        className="projector-app"
        style={{ width: CANVAS_WIDTH, height, transform: `scale(${scale})`, transformOrigin: '0 0' }}
      >
        {children}
      </div>
    </div>
  );
}

/** Its own strip under the stage, so that nothing covers the content: the page and the language. */
function Footer() {
  const t = useText(projectorText);
  const language = useProjector((s) => s.language);
  const pageInfo = useProjector((s) => s.pageInfo);
  const idle = useIdle(SWITCH_HIDES_AFTER_MS);
  return (
    <footer className="projector-footer">
      <p className="page-indicator" aria-live="off">
        {pageInfo ? (
          <>
            {t.page(pageInfo.page + 1, pageInfo.pages)}
            <span className="dots" aria-hidden="true">
              {Array.from({ length: pageInfo.pages }, (_, i) => (
                <span key={i} className={i === pageInfo.page ? 'dot on' : 'dot'} />
              ))}
            </span>
          </>
        ) : null}
      </p>
      <div className={idle ? 'switch idle' : 'switch'}>
        <LanguageSwitch value={language} onChange={setLanguage} />
      </div>
    </footer>
  );
}

export function ProjectorMessage({ which }: { which: 'noKey' | 'refused' }) {
  const t = useText(projectorText);
  return (
    <main className="stage message">
      <p role="alert">{t[which]}</p>
    </main>
  );
}

/** What the chair has the projector show: the live stage, nothing at all, or the title slide. */
function Screen() {
  const mode = useProjector((s) => s.screen.mode);
  switch (mode) {
    case 'live':
      return <Stage />;
    case 'blank':
      return <main className="stage blank" aria-hidden="true" />;
    case 'slide':
      return <TitleSlide />;
    default:
      return assertNever(mode);
  }
}

/** The meeting's title, large, and the chair's line under it ("a break of 15 minutes"). */
function TitleSlide() {
  const title = useProjector((s) => s.meeting?.title ?? '');
  const text = useProjector((s) => s.screen.slideText);
  return (
    <main className="stage title-slide">
      <h1>{title}</h1>
      {text ? <p>{text}</p> : null}
    </main>
  );
}

function Stage() {
  const title = useProjector((s) => s.meeting?.title ?? '');
  return (
    <>
      <header className="projector-header">
        <h1>{title}</h1>
        <Quorum />
      </header>
      <main className="stage">
        <BallotStage />
      </main>
    </>
  );
}

function Quorum() {
  const t = useText(projectorText);
  const w = useText(proxyText);
  const language = useLanguage();
  const presence = useProjector((s) => s.presence);
  if (!presence) return null;
  const { quorum } = presence;
  // Nobody eligible (an empty roster) is never a quorum, whatever 0 ≥ 0 says.
  const met = quorum.met && quorum.eligible > 0;
  return (
    <div className={`quorum ${met ? 'met' : 'not-met'}`} role="status">
      <p className="key-number">
        {presence.present}
        <span className="of"> / {presence.eligible}</span>
      </p>
      <p>
        {t.present} · <strong>{met ? t.quorate : t.notQuorate}</strong>
      </p>
      {quorum.by === 'weight' ? null : <p className="small">{t.quorumNeeded(quorum.required, quorum.eligible)}</p>}
      {/* By weight, the shares present decide: the members' count alone would read as quorate. */}
      {quorum.weight ? (
        <p className="small">
          {(quorum.weight.met ? w.quorate : w.notQuorate)(
            formatWeight(quorum.weight.present, language),
            formatWeight(quorum.weight.required, language),
            formatWeight(quorum.weight.eligible, language),
          )}
        </p>
      ) : null}
    </div>
  );
}

function BallotStage() {
  const t = useText(projectorText);
  const c = useText(commonText);
  const ballot = useProjector((s) => s.ballot);
  if (!ballot || ballot.state === 'draft') return <p className="waiting">{t.waiting}</p>;
  return (
    <section className="ballot-stage">
      <h2 className="ballot-title">
        {ballot.title}
        {ballot.round > 1 ? <span className="round"> · {c.round(ballot.round)}</span> : null}
      </h2>
      <StateView />
    </section>
  );
}

function StateView() {
  const t = useText(projectorText);
  const state = useProjector((s) => s.ballot?.state ?? 'draft');
  switch (state) {
    case 'draft':
      return null;
    case 'open':
      return <LiveTurnout />;
    case 'closed':
      return (
        <>
          <LiveTurnout />
          <p className="notice">{t.closed}</p>
        </>
      );
    case 'published':
      return <ResultBoard />;
    case 'cancelled':
      return <p className="notice">{t.cancelled}</p>;
    default:
      return assertNever(state);
  }
}

/** Who has voted, as a count and a bar; never what they voted. */
function LiveTurnout() {
  const t = useText(projectorText);
  const c = useText(commonText);
  const voted = useProjector((s) => (ofCurrentRound(s.ballot, s.turnout) ? (s.turnout?.voted ?? 0) : 0));
  const present = useProjector((s) =>
    ofCurrentRound(s.ballot, s.turnout) ? (s.turnout?.present ?? 0) : (s.presence?.present ?? 0),
  );
  const closesAt = useProjector((s) => (s.ballot?.state === 'open' ? s.ballot.closesAt : null));
  const now = useNow(closesAt !== null);
  const share = present > 0 ? Math.min(100, (voted / present) * 100) : 0;
  return (
    <div className="live-turnout">
      <p className="turnout-number">
        <span className="key-number">{voted}</span>
        <span className="of"> / {present}</span>
      </p>
      <p className="turnout-label">{t.turnout(present)}</p>
      <div className="turnout-bar" aria-hidden="true">
        <div className="fill" style={{ width: `${share}%` }} />
      </div>
      {closesAt ? <p className="countdown key-number">{c.closesIn(formatRemaining(closesAt, now))}</p> : null}
    </div>
  );
}
