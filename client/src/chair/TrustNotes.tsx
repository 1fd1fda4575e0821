// What the console says about the protection of votes (issue 12): a warning while phones reach the
// server over plain HTTP, in both languages at once, and per ballot the early-close minimum it
// lowered, a countdown that ran out uncounted (both languages at once) and the early close of its
// result.
import { earlyCloseMinimum, getRulePreset, loweredEarlyCloseMinimum, type ChairBallotView } from '@hallvote/shared';
import { useText } from '../i18n';
import { trustText } from '../i18n/trust';
import { useChair } from './store';

export function PlainHttpWarning() {
  const plainHttp = useChair((s) => s.plainHttp);
  if (!plainHttp) return null;
  return (
    <div className="warning plain-http" role="note">
      <p>{trustText.en.plainHttp}</p>
      <p lang="vi">{trustText.vi.plainHttp}</p>
    </div>
  );
}

export function EarlyCloseNotes({ ballot }: { ballot: ChairBallotView }) {
  const t = useText(trustText);
  const meetingRules = useChair((s) => s.meeting?.rules);
  // The ballot's own rule set names its minimum (the meeting's for a ballot that chose none).
  const rules = getRulePreset(ballot.rules.id, ballot.rules.version) ?? meetingRules;
  if (!rules || !ballot.secret) return null;
  const lowered = loweredEarlyCloseMinimum(rules, ballot);
  const early = ballot.state !== 'open' ? ballot.result?.earlyClose : null;
  const uncounted = ballot.state === 'open' ? ballot.uncounted : null;
  return (
    <>
      {uncounted ? (
        <div className="warning uncounted" role="alert">
          <p>{trustText.en.uncounted(uncounted.online, uncounted.minimum, uncounted.present)}</p>
          <p lang="vi">{trustText.vi.uncounted(uncounted.online, uncounted.minimum, uncounted.present)}</p>
        </div>
      ) : null}
      {lowered !== null ? (
        <p className="warning">{t.lowered(lowered, earlyCloseMinimum(rules, {}).ruleMinimum)}</p>
      ) : null}
      {early ? <p className="hint">{t.closedEarly(early.returned, early.present, early.minimum)}</p> : null}
    </>
  );
}
