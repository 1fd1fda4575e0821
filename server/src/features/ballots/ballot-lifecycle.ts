// Opening, closing, publishing and cancelling rounds. Every function here runs inside
// `exclusive(state, …)`, writes to the store first, and changes memory only after the commit.
import { HallvoteError, warningsToAcknowledge, type BallotView, type RoundResult } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import type { RoundRecord } from '../../store/store';
import { newSealKeyPair } from '../votes/open-sealed-marks';
import { ballotView } from '../sync/views';
import { earlyCloseOf, uncountedAtDeadline } from './early-close';
import { checkSecrecyAtOpen, roundProxiesAtOpen } from './round-proxies';
import { attendanceSnapshot, computeRoundResult, outcomesOf } from './round-result';

/**
 * Opens round 1 of a draft ballot, or the round a re-vote prepared (`prepareRevote`). The round's
 * roster is every member there is now; its countdown starts now. Where the rules take proxies it
 * opens with the proxies in force (a grantor is issued a ballot through their holder), and a secret
 * ballot that a weight would give away is opened only once the chair accepts it (SECRECY_AT_RISK).
 */
export async function openRound(
  ctx: HallContext,
  state: MeetingState,
  ballotId: string,
  acceptSecrecyRisk = false,
): Promise<BallotView> {
  const entry = state.ballotOf(ballotId);
  const current = entry.rounds.at(-1);
  if (current && !entry.row.revoteDrafted) throw new HallvoteError('CONFLICT', { reason: 'already-opened' });
  const other = state.openRounds()[0];
  if (other)
    throw new HallvoteError('ANOTHER_BALLOT_OPEN', {
      ballotId: other.ballotId,
      title: state.ballotOf(other.ballotId).row.definition.title,
    });
  // The ballot's own quorum: a National-Assembly motion (one half) may open where a
  // classification (two thirds) may not.
  const presence = state.presence(entry.rules);
  if (!presence.quorum.met) {
    const { present, required, eligible, fraction, strict } = presence.quorum;
    throw new HallvoteError('NO_QUORUM', { present, required, eligible, fraction, strict });
  }
  const now = ctx.clock.now();
  const seconds = entry.row.definition.countdownSeconds;
  // A secret round gets its own key pair: phones seal their marks to it (see open-sealed-marks.ts).
  const keys = entry.row.definition.secret ? newSealKeyPair() : null;
  const round: RoundRecord = {
    ballotId,
    round: (current?.round ?? 0) + 1,
    state: 'open',
    openedAt: now.toISOString(),
    closesAt: seconds ? new Date(now.getTime() + seconds * 1000).toISOString() : null,
    closedAt: null,
    publishedAt: null,
    result: null,
    sealPublicKey: keys?.publicKey ?? null,
    sealSecretKey: keys?.secretKey ?? null,
    rosterThrough: state.maxOrdinal(),
  };
  const present = [...state.delegates.values()].filter((d) => d.attendance === 'present').map((d) => d.id);
  const proxies = roundProxiesAtOpen(state, entry.rules, ballotId, round.round);
  // Weighed for secrecy: not only who is present, but every member of the round's roster who could
  // be issued a ballot in it (absent or excused now, a latecomer checks in and votes), less those
  // voted for by proxy. Warning at opening, where the chair decides, rather than refusing a
  // latecomer's check-in: a member's arrival (and the quorum it makes) is never held hostage to
  // the secrecy of a ballot; the chair who accepts the risk has seen every name it may concern.
  const grantors = new Set(proxies.map((p) => p.grantorId));
  const mayVote = [...state.delegates.keys()].filter((id) => !grantors.has(id));
  const risks = checkSecrecyAtOpen(
    state,
    entry.rules,
    entry.row.definition.secret,
    mayVote,
    proxies,
    acceptSecrecyRisk,
  );
  // A member voted for by proxy is issued their ballot through the holder.
  const issued = [...present, ...proxies.map((p) => p.grantorId)];
  await ctx.store.openRound(
    round,
    issued,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'round.opened', {
      ballotId,
      round: round.round,
      roster: presence.roster,
      issued: issued.length,
      ...(proxies.length > 0 ? { proxies: proxies.length } : {}),
      ...(risks.length > 0 ? { secrecyRiskAccepted: risks.length } : {}),
    }),
    proxies,
  );
  state.openRound(round, issued, proxies);
  scheduleCountdown(ctx, state, round);
  ctx.broadcaster.ballotChanged(state, ballotId);
  // Holders and grantors learn whom they vote for in this round.
  ctx.broadcaster.delegatesChanged(
    state,
    proxies.flatMap((p) => [p.grantorId, p.holderId]),
  );
  ctx.log.info({ meetingId: state.meeting.id, ballotId, round: round.round }, 'round opened');
  const view = ballotView(state, ballotId);
  if (!view) throw new Error('ballot vanished');
  return view;
}

/**
 * Prepares a new round of a closed, published or cancelled ballot as a draft: nothing changes for
 * the phones or the projector, and no countdown runs, until the chair opens it with `openRound`.
 */
export async function prepareRevote(ctx: HallContext, state: MeetingState, ballotId: string): Promise<BallotView> {
  const entry = state.ballotOf(ballotId);
  const current = entry.rounds.at(-1);
  if (entry.row.revoteDrafted) throw new HallvoteError('CONFLICT', { reason: 'revote-prepared' });
  if (current?.state !== 'closed' && current?.state !== 'published' && current?.state !== 'cancelled')
    throw new HallvoteError('CONFLICT', { reason: 'revote-too-early', state: current?.state ?? 'draft' });
  await ctx.store.draftRevote(
    ballotId,
    true,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'round.drafted', { ballotId, round: current.round + 1 }),
  );
  state.setRevoteDrafted(ballotId, true);
  ctx.broadcaster.draftChanged(state, ballotId);
  const view = ballotView(state, ballotId);
  if (!view) throw new Error('ballot vanished');
  return view;
}

/** Drops a prepared re-vote that was not opened: the ballot stays as its last round left it. */
async function dropRevote(ctx: HallContext, state: MeetingState, ballotId: string): Promise<void> {
  const round = (state.currentRound(ballotId)?.round ?? 0) + 1;
  await ctx.store.draftRevote(
    ballotId,
    false,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'round.draft-dropped', { ballotId, round }),
  );
  state.setRevoteDrafted(ballotId, false);
  ctx.broadcaster.draftChanged(state, ballotId);
}

/**
 * Closes the open round: no vote is accepted from the first line on; the result is tallied. A
 * secret round closed early needs its minimum of ballots (early-close.ts). Closing is a
 * commitment: the result is stored, sealed and audited, and reaches the minutes published or not.
 */
export async function closeRound(
  ctx: HallContext,
  state: MeetingState,
  ballotId: string,
  actor: 'chair' | 'system' = 'chair',
): Promise<RoundResult> {
  state.ballotOf(ballotId); // NOT_FOUND before BALLOT_NOT_OPEN
  const now = ctx.clock.now();
  // A round whose countdown ran out uncounted takes no votes; closing it says why (TOO_FEW_BALLOTS).
  const ended = state.currentRound(ballotId);
  if (ended?.state === 'open' && state.countdownEnded(ballotId, ended.round)) earlyCloseOf(state, ended, now, actor);
  const round = state.openRoundOf(ballotId);
  const earlyClose = earlyCloseOf(state, round, now, actor);
  state.beginClosing(ballotId, round.round);
  try {
    ctx.countdowns.clear(ballotId, round.round);
    const closedAt = now.toISOString();
    const result = await computeRoundResult(ctx.store, state, ballotId, round.round, {
      closedAt,
      attendance: attendanceSnapshot(state, ballotId, round.round),
      earlyClose,
    });
    await ctx.store.closeRound(
      ballotId,
      round.round,
      closedAt,
      result,
      auditInput(ctx.clock, state.meeting.id, actor, 'round.closed', {
        ballotId,
        round: round.round,
        returned: result.tally.ballots.returned,
        seal: result.seal,
        outcome: outcomesOf(result),
        attendance: result.attendance,
        earlyClose: result.earlyClose,
      }),
    );
    state.closeRound(ballotId, round.round, closedAt, result);
    ctx.broadcaster.ballotChanged(state, ballotId);
    ctx.log.info({ meetingId: state.meeting.id, ballotId, round: round.round, seal: result.seal }, 'round closed');
    return result;
  } finally {
    state.endClosing(ballotId, round.round);
  }
}

/**
 * Publishes a closed round to the phones, and to the projector unless `showOnProjector` is false
 * (the chair shows it there later). Cap warnings need the chair's written acknowledgement first.
 */
export async function publishRound(
  ctx: HallContext,
  state: MeetingState,
  ballotId: string,
  acknowledgement: string | undefined,
  showOnProjector = true,
): Promise<RoundResult> {
  const round = state.ballotOf(ballotId).rounds.at(-1);
  if (round?.state !== 'closed' || !round.result)
    throw new HallvoteError('CONFLICT', { reason: 'publish-not-closed', state: round?.state ?? 'draft' });
  // Cap warnings and broken invariants (paper totals that do not add up) are both published only
  // with the chair's written reason.
  const warnings = warningsToAcknowledge(round.result.tally);
  const reason = acknowledgement?.trim() ?? '';
  if (warnings > 0 && reason === '') throw new HallvoteError('ACK_REQUIRED', { warnings });
  const at = ctx.clock.now().toISOString();
  const result: RoundResult = { ...round.result, acknowledgement: reason ? { reason, at } : null };
  const head = await ctx.store.publishRound(
    ballotId,
    round.round,
    at,
    result,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'round.published', {
      ballotId,
      round: round.round,
      acknowledgement: result.acknowledgement?.reason ?? null,
      seal: result.seal,
      outcome: outcomesOf(result),
      attendance: result.attendance,
    }),
  );
  // The seal and the chain's head go to every phone and the projector: an anchor outside the disk.
  const anchor = { ballotId, round: round.round, seal: result.seal, head };
  state.publishRound(ballotId, round.round, at, result, anchor);
  // Decided before the announcement: the projector hears of the result only if it shows it.
  state.setProjector({ ...state.projector, resultShown: showOnProjector });
  ctx.broadcaster.resultPublished(state, ballotId, result, anchor);
  ctx.broadcaster.projectorChanged(state);
  ctx.log.info({ meetingId: state.meeting.id, ballotId, round: round.round }, 'round published');
  return result;
}

/**
 * Cancels an open round: its ballots are destroyed unseen (never tallied, exported or counted; the
 * audit says how many). A closed round cannot be cancelled: its result is a commitment, and a
 * re-vote after an unwelcome result stays visible in the minutes. A prepared re-vote is dropped
 * instead, and the round before it stays as it was.
 */
export async function cancelRound(ctx: HallContext, state: MeetingState, ballotId: string): Promise<BallotView> {
  const entry = state.ballotOf(ballotId);
  if (entry.row.revoteDrafted) {
    await dropRevote(ctx, state, ballotId);
    const view = ballotView(state, ballotId);
    if (!view) throw new Error('ballot vanished');
    return view;
  }
  const round = entry.rounds.at(-1);
  if (round?.state === 'closed') throw new HallvoteError('CONFLICT', { reason: 'cancel-closed' });
  if (round?.state !== 'open')
    throw new HallvoteError('CONFLICT', { reason: 'cancel-not-open', state: round?.state ?? 'draft' });
  state.beginClosing(ballotId, round.round);
  try {
    ctx.countdowns.clear(ballotId, round.round);
    const at = ctx.clock.now().toISOString();
    await ctx.store.cancelRound(
      ballotId,
      round.round,
      at,
      auditInput(ctx.clock, state.meeting.id, 'chair', 'round.cancelled', { ballotId, round: round.round }),
    );
    state.cancelRound(ballotId, round.round, at);
    ctx.broadcaster.ballotChanged(state, ballotId);
  } finally {
    state.endClosing(ballotId, round.round);
  }
  const view = ballotView(state, ballotId);
  if (!view) throw new Error('ballot vanished');
  return view;
}

/** A countdown whose close found the database out of reach tries again this much later. */
const COUNTDOWN_RETRY_MS = 1_000;

/**
 * Arms the countdown of an open round (also after a restart: a past deadline closes at once). A
 * secret round short of its minimum is not closed but left uncounted for the chair to cancel.
 */
export function scheduleCountdown(ctx: HallContext, state: MeetingState, round: RoundRecord): void {
  if (!round.closesAt || round.state !== 'open') return;
  const delay = Math.max(0, new Date(round.closesAt).getTime() - ctx.clock.now().getTime());
  ctx.countdowns.set(round.ballotId, round.round, delay, () => {
    exclusive(state, async () => {
      // Only the round this countdown was set for: the chair may have closed it and opened another.
      const current = state.currentRound(round.ballotId);
      if (current?.round !== round.round || current.state !== 'open') return;
      // Too few online ballots to count a secret round: it stays open and uncounted (early-close.ts).
      const uncounted = uncountedAtDeadline(state, current);
      if (uncounted) {
        state.endCountdown(round.ballotId, round.round);
        ctx.broadcaster.ballotChanged(state, round.ballotId);
        ctx.log.warn(
          { meetingId: state.meeting.id, ballotId: round.ballotId, ...uncounted },
          'countdown ended uncounted',
        );
        return;
      }
      await closeRound(ctx, state, round.ballotId, 'system');
    }).catch((err: unknown) => {
      // The database was out of reach: try again while this node still runs the meeting (a node
      // that takes it over arms the countdown again itself).
      if (err instanceof HallvoteError && err.code === 'STORE_UNAVAILABLE') {
        if (ctx.hall.meetings.get(state.meeting.id) === state)
          ctx.countdowns.set(round.ballotId, round.round, COUNTDOWN_RETRY_MS, () =>
            scheduleCountdown(ctx, state, round),
          );
        return;
      }
      // Already closed or cancelled by the chair in the meantime: nothing to do.
      if (!(err instanceof HallvoteError)) ctx.log.error({ err, ballotId: round.ballotId }, 'countdown close failed');
    });
  });
}
