import { useText } from '../i18n';
import { commonText } from '../i18n/common';
import { useFocusOnMount } from '../ui/use-focus-on-mount';
import { formatRemaining, useNow } from '../ui/use-now';
import { useDelegate } from './store';

/** Title, secret or named, round, and the countdown while the ballot is open. */
export function BallotHeading({ focus = false, note }: { focus?: boolean; note?: string | null }) {
  const c = useText(commonText);
  const title = useDelegate((s) => s.ballot?.title ?? '');
  const secret = useDelegate((s) => s.ballot?.secret ?? false);
  const round = useDelegate((s) => s.ballot?.round ?? 0);
  const closesAt = useDelegate((s) => (s.ballot?.state === 'open' ? s.ballot.closesAt : null));
  // The server's clock, not the phone's: a phone whose clock is wrong still counts down right.
  const offset = useDelegate((s) => s.clockOffsetMs);
  const now = useNow(closesAt !== null) + offset;
  const ref = useFocusOnMount<HTMLHeadingElement>(focus);
  return (
    <div className="ballot-heading">
      <h1 id="ballot-title" ref={ref} tabIndex={-1}>
        {title}
      </h1>
      <p className="tags">
        <span className="tag">{secret ? c.secret : c.named}</span>
        {round > 1 ? <span className="tag">{c.round(round)}</span> : null}
        {closesAt ? (
          <span className="tag countdown" aria-live="off">
            {c.closesIn(formatRemaining(closesAt, now))}
          </span>
        ) : null}
        {note ? <span className="note">{note}</span> : null}
      </p>
    </div>
  );
}

/** A step's own heading, which takes the focus when the step appears. */
export function StepHeading({ children, className }: { children: React.ReactNode; className?: string }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h2 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}
