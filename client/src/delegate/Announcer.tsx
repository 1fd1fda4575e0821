import { useEffect, useRef, useState } from 'react';
import { useText } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { isCurrentRound, roundKeyOf, useDelegate } from './store';

/** A short buzz where the browser allows it (Android; iOS has no vibration API). */
function vibrate(): void {
  try {
    navigator.vibrate?.([120, 80, 120]);
  } catch {
    // Not allowed here: the announcement still stands.
  }
}

/**
 * Tells a screen reader, and the hand holding the phone, that a ballot has just opened. The live
 * region is always in the page, so that its new text is read out.
 */
export function Announcer() {
  const t = useText(delegateText);
  const opened = useDelegate((s) =>
    s.ballot?.state === 'open' && !isCurrentRound(s.ballot, s.myVote) ? roundKeyOf(s.ballot) : null,
  );
  const title = useDelegate((s) => s.ballot?.title ?? '');
  const announced = useRef<string | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (opened === null || opened === announced.current) return;
    announced.current = opened;
    setText(t.newBallot(title));
    vibrate();
  }, [opened, title, t]);
  return (
    <p className="announcer visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}
