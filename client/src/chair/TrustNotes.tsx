// What the console says about the protection of votes (issue 12): a warning while phones reach the
// server over plain HTTP, in the console's language, and per ballot the early-close minimum it
// lowered, a countdown that ran out uncounted (in both languages at once: nobody at the console
// should miss it for want of a language switch) and the early close of its result.
import { earlyCloseMinimum, getRulePreset, loweredEarlyCloseMinimum, type ChairBallotView } from '@hallvote/shared';
import { textOf, useAddress, useText } from '../i18n';
import { trustText } from '../i18n/trust';
import { useChair } from './store';

export function PlainHttpWarning() {
  const t = useText(trustText);
  const plainHttp = useChair((s) => s.plainHttp);
  if (!plainHttp) return null;
  // In the console's language only: English inside the Vietnamese console is what issue 16 removed.
  return (
    <div className="warning plain-http" role="note">
      <p>{t.plainHttp}</p>
    </div>
  );
}

export function EarlyCloseNotes({ ballot }: { ballot: ChairBallotView }) {
  const t = useText(trustText);
  const vi = textOf(trustText, 'vi', useAddress());
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
          <p lang="en">{trustText.en.uncounted(uncounted.online, uncounted.minimum, uncounted.present)}</p>
          <p lang="vi">{vi.uncounted(uncounted.online, uncounted.minimum, uncounted.present)}</p>
        </div>
      ) : null}
      {lowered !== null ? (
        <p className="warning">{t.lowered(lowered, earlyCloseMinimum(rules, {}).ruleMinimum)}</p>
      ) : null}
      {early ? <p className="hint">{t.closedEarly(early.returned, early.present, early.minimum)}</p> : null}
    </>
  );
}
