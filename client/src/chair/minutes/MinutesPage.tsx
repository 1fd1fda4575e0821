// /chair/<meetingId>/minutes/<ballotId>/<round>: the minutes page with its toolbar (language,
// print, downloads), which the print stylesheet leaves off the paper.
import { useEffect } from 'react';
import { LanguageContext, useLanguage, useText } from '../../i18n';
import { minutesText } from '../../i18n/minutes';
import { ErrorNote } from '../../ui/ErrorNote';
import { MeetingVoice } from '../../ui/MeetingVoice';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useTrackedReplies } from '../../ui/use-request';
import { downloadExport, roundExportPath } from '../chair-http';
import { consolePath } from '../chair-route';
import { setLanguage, useChair } from '../store';
import { Minutes } from './Minutes';
import { useMinutes } from './minutes-data';
import './minutes.css';

export interface MinutesPageProps {
  readonly meetingId: string;
  readonly chairKey: string;
  readonly ballotId: string;
  readonly round: number;
}

export function MinutesPage(props: MinutesPageProps) {
  const language = useChair((s) => s.language);
  return (
    <LanguageContext value={language}>
      <MinutesScreen {...props} />
    </LanguageContext>
  );
}

function MinutesScreen({ meetingId, chairKey, ballotId, round }: MinutesPageProps) {
  const t = useText(minutesText);
  const language = useLanguage();
  const load = useMinutes(meetingId, chairKey, ballotId, round);
  const ballotTitle = load.status === 'ready' ? load.source.round.ballot.title : '';

  // The title names the file a browser suggests when saving as PDF.
  useEffect(() => {
    if (ballotTitle) document.title = t.documentTitle(ballotTitle, round);
  }, [t, ballotTitle, round]);

  return (
    <div className="minutes-page">
      <Toolbar
        meetingId={meetingId}
        chairKey={chairKey}
        ballotId={ballotId}
        round={round}
        ready={load.status === 'ready'}
      />
      {load.status === 'loading' ? (
        <p className="minutes-status" role="status">
          {t.loading}
        </p>
      ) : load.status === 'refused' ? (
        <div className="minutes-status">
          <ErrorNote refusal={load.refusal} />
        </div>
      ) : (
        <MeetingVoice language={language} settings={load.source.settings}>
          <Minutes source={load.source} />
        </MeetingVoice>
      )}
    </div>
  );
}

function Toolbar({ meetingId, chairKey, ballotId, round, ready }: MinutesPageProps & { ready: boolean }) {
  const t = useText(minutesText);
  const language = useChair((s) => s.language);
  // The buttons never wait: a second download may start while the first is on its way.
  const { track, refusal } = useTrackedReplies();
  const save = (format: 'csv' | 'json') =>
    track(downloadExport(meetingId, chairKey, roundExportPath(ballotId, round, format)));
  return (
    <div className="minutes-toolbar" role="toolbar" aria-label={t.toolbar.label}>
      <a className="button" href={consolePath(meetingId)}>
        {t.toolbar.console}
      </a>
      <span className="spacer" />
      <button type="button" className="primary" disabled={!ready} onClick={() => window.print()}>
        {t.toolbar.print}
      </button>
      <button type="button" onClick={() => void save('csv')}>
        {t.toolbar.csv}
      </button>
      <button type="button" onClick={() => void save('json')}>
        {t.toolbar.json}
      </button>
      <LanguageSwitch value={language} onChange={setLanguage} />
      {refusal ? <ErrorNote refusal={refusal} /> : null}
    </div>
  );
}
