// A badge's page carries the badge's snapshot, so that the phone shows its screen (waiting, or the
// open ballot) as soon as its code has run, instead of after the socket's handshake: on a slow hall
// network that is three more round trips, over a second. The socket still connects at once, checks
// the delegate in, and its own snapshot replaces this one; nothing here checks anyone in.
import { HallvoteError } from '@hallvote/shared';
import type { HallContext } from '../../context';
import { delegateSnapshot } from './views';

/** JSON that can sit inside a <script> element: no "<" can end it early. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The delegate page's HTML with the snapshot of `token`'s badge, or null for an unknown badge or a
 * meeting refused at start-up (the page then hears why from the socket's handshake).
 */
export function delegatePage(ctx: HallContext, html: string, token: string): string | null {
  let found: ReturnType<HallContext['hall']['findDelegate']>;
  try {
    found = ctx.hall.findDelegate(token);
  } catch (err) {
    if (err instanceof HallvoteError) return null;
    throw err;
  }
  if (!found) return null;
  const { state, delegate } = found;
  const snapshot = delegateSnapshot(
    state,
    delegate.id,
    ctx.broadcaster.seq(state.meeting.id, 'delegate'),
    ctx.clock.now().getTime(),
  );
  const tag = `<script type="application/json" id="hallvote-snapshot">${inlineJson(snapshot)}</script>`;
  return html.includes('</head>') ? html.replace('</head>', `${tag}</head>`) : null;
}
