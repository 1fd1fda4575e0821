// The fixture every fuzz case runs against: an in-process server with meeting M1 (a secret ballot
// open, six phones present, two more delegates on the roster) and meeting M2 (roster only, voting
// not started), observers that read each chair's snapshot, and the sockets fuzzed as each role.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../../support/ballots';
import { rosterCsv, startHarness, type Harness } from '../../support/harness';
import type { Client } from '../../support/request';
import { ask } from './hall-client';
import { sleep } from './random';

export type Actor = 'chair' | 'chair-m2' | 'delegate' | 'projector';
export const ACTORS: readonly Actor[] = ['chair', 'chair-m2', 'delegate', 'projector'];
const PHONES = 6;

export class FuzzHall {
  private readonly sockets = new Map<string, Client>();
  private observers: { m1: Client; m2: Client; setup: Client } | null = null;
  /** The fixture's own ballot in M1, re-made whenever fuzzing closed it or every phone voted in it. */
  ballotId = '';
  round = 1;

  private constructor(
    readonly h: Harness,
    readonly m1: CreateMeetingResponse,
    readonly m2: CreateMeetingResponse,
    /** JSON log lines at level warn and above. */
    readonly logLines: readonly string[],
  ) {}

  static async start(): Promise<FuzzHall> {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const h = await startHarness(undefined, { log: pino({ level: 'warn' }, sink) });
    const m1 = await h.createMeeting({ title: 'M1', rosterCsv: rosterCsv(PHONES + 2) });
    const m2 = await h.createMeeting({ title: 'M2', rosterCsv: rosterCsv(4) });
    const f = new FuzzHall(h, m1, m2, lines);
    f.observers = { m1: (await h.chair(m1)).socket, m2: (await h.chair(m2)).socket, setup: (await h.chair(m1)).socket };
    for (let i = 0; i < PHONES; i += 1) await f.actor('delegate', i);
    await f.freshBallot();
    return f;
  }

  /** Delegate ids of M1 that no fuzzed phone uses: safe targets for remove, re-issue, attendance. */
  targets(meeting: 'm1' | 'm2'): string[] {
    const state = this.h.app.hall.meetings.get(meeting === 'm1' ? this.m1.meetingId : this.m2.meetingId);
    const all = state ? [...state.delegates.values()].sort((a, b) => a.ordinal - b.ordinal).map((d) => d.id) : [];
    return meeting === 'm1' ? all.slice(PHONES) : all;
  }

  /** The connected socket for an actor (opened again if the server closed it or it was rotated). */
  async actor(actor: Actor, index = 0): Promise<Client> {
    const key = `${actor}:${actor === 'delegate' ? index % PHONES : 0}`;
    const existing = this.sockets.get(key);
    if (existing?.connected) return existing;
    existing?.close();
    let socket: Client;
    if (actor === 'chair') socket = (await this.h.chair(this.m1)).socket;
    else if (actor === 'chair-m2') socket = (await this.h.chair(this.m2)).socket;
    else if (actor === 'projector') socket = (await this.h.projector(this.m1)).socket;
    else socket = (await this.h.delegate(this.h.tokens(this.m1.meetingId)[index % PHONES] ?? '')).socket;
    this.sockets.set(key, socket);
    return socket;
  }

  /** Forgets an actor's socket (after RATE_LIMITED: a new connection has a new bucket). */
  rotate(actor: Actor, index = 0): void {
    const key = `${actor}:${actor === 'delegate' ? index % PHONES : 0}`;
    this.sockets.get(key)?.close();
    this.sockets.delete(key);
  }

  /** What must not change after a refused request: both chairs' views (without seq and live connection flags) and the meetings. */
  async state(): Promise<string> {
    if (!this.observers) throw new Error('not started');
    // Read in process: the same view sync:request answers, without spending an observer's request rate.
    const view = (meetingId: string) => {
      const s = this.h.chairView(meetingId);
      return { ...s, delegates: s.delegates.map((d) => ({ ...d, connected: null })) };
    };
    await sleep(0);
    return JSON.stringify({
      m1: view(this.m1.meetingId),
      m2: view(this.m2.meetingId),
      meetings: this.h.app.hall.meetings.size,
    });
  }

  /** Makes sure delegate `index` can still vote in the fixture's ballot, opening a new one if not. */
  async ensureVotable(index: number): Promise<void> {
    const state = this.h.app.hall.meetings.get(this.m1.meetingId);
    const round = state?.currentRound(this.ballotId);
    const delegateId =
      [...(state?.delegates.values() ?? [])].sort((a, b) => a.ordinal - b.ordinal)[index % PHONES]?.id ?? '';
    const usable =
      state &&
      round?.state === 'open' &&
      state.currentBallotId === this.ballotId &&
      !state.votersOf(this.ballotId, round.round).has(delegateId);
    if (!usable) await this.freshBallot();
  }

  private async setup<E extends 'ballot:create' | 'ballot:open' | 'ballot:cancel' | 'attendance:mark'>(
    event: E,
    payload: Parameters<typeof ask<E>>[2],
  ) {
    if (!this.observers) throw new Error('not started');
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const reply = await ask(this.observers.setup, event, payload, 10_000);
      if (reply.ok || reply.error !== 'RATE_LIMITED') return reply;
      await sleep(250);
    }
    throw new Error(`${event}: still rate limited`);
  }

  /** Cancels whatever is open in M1, marks the phones present again, opens a new secret ballot. */
  async freshBallot(): Promise<void> {
    const state = this.h.app.hall.meetings.get(this.m1.meetingId);
    for (const r of state?.openRounds() ?? []) await this.setup('ballot:cancel', { ballotId: r.ballotId });
    const phones = [...(state?.delegates.values() ?? [])].sort((a, b) => a.ordinal - b.ordinal).slice(0, PHONES);
    for (const d of phones)
      if (d.attendance !== 'present') await this.setup('attendance:mark', { delegateId: d.id, status: 'present' });
    const created = await this.setup(
      'ballot:create',
      classificationBallot({ title: `Fuzz ${randomUUID().slice(0, 8)}` }),
    );
    if (!created.ok) throw new Error(`fixture ballot:create: ${created.error}`);
    const opened = await this.setup('ballot:open', { ballotId: created.data.ballotId });
    if (!opened.ok) throw new Error(`fixture ballot:open: ${opened.error} ${JSON.stringify(opened.params)}`);
    this.ballotId = created.data.ballotId;
    this.round = opened.data.round;
  }

  /** Unexpected errors the server logged (an INTERNAL answer, a failed route): each one is a bug. */
  errorsLogged(): string[] {
    return this.logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
  }

  async stop(): Promise<void> {
    await this.h.stop();
    this.h.cleanup();
  }
}
