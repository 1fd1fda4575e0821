import { useText } from '../i18n';
import { commonText } from '../i18n/common';
import { formatRemaining, useNow } from '../ui/use-now';
import { useDelegate } from './store';

/** Title, secret or named, round, and the countdown while the ballot is open. */
export function BallotHeading() {
  const c = useText(commonText);
  const title = useDelegate((s) => s.ballot?.title ?? '');
  const secret = useDelegate((s) => s.ballot?.secret ?? false);
  const round = useDelegate((s) => s.ballot?.round ?? 0);
  const closesAt = useDelegate((s) => (s.ballot?.state === 'open' ? s.ballot.closesAt : null));
  // The server's clock, not the phone's: a phone whose clock is wrong still counts down right.
  const offset = useDelegate((s) => s.clockOffsetMs);
  const now = useNow(closesAt !== null) + offset;
  return (
    <div className="ballot-heading">
      <h1>{title}</h1>
      <p className="tags">
        <span className="tag">{secret ? c.secret : c.named}</span>
        {round > 1 ? <span className="tag">{c.round(round)}</span> : null}
        {closesAt ? (
          <span className="tag countdown" aria-live="off">
            {c.closesIn(formatRemaining(closesAt, now))}
          </span>
        ) : null}
      </p>
    </div>
  );
}
