// The meeting state is the only writer of itself: what its writers promise (tokens kept in step
// with the roster, votes refused from the moment a close begins, interim results dropped when a
// round ends) and that its maps are read-only to everyone else.
import { describe, expect, expectTypeOf, test } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, getRulePreset, type RoundResult } from '@hallvote/shared';
import {
  MeetingState,
  type BallotEntry,
  type TokenRegistry,
  type VoterEntry,
} from '../../../server/src/hall/meeting-state';
import type { DelegateRecord, LoadedMeeting, RoundRecord } from '../../../server/src/store/store';

const rules = getRulePreset('simple-majority')!;
const meeting = {
  id: 'm1',
  title: 'T',
  rulePresetId: 'simple-majority',
  rulePresetVersion: 1,
  chairKey: 'c',
  projectorKey: 'p',
  createdAt: '',
  settings: DEFAULT_MEETING_SETTINGS,
};

function delegate(id: string, token = `token-${id}`): DelegateRecord {
  return {
    id,
    meetingId: 'm1',
    name: id,
    position: '',
    group: '',
    token,
    attendance: 'present',
    checkedInBy: 'chair',
    ordinal: 1,
    weight: 1,
  };
}

/** A registry that records the tokens it holds. */
function tokens(): TokenRegistry & { held: Set<string> } {
  const held = new Set<string>();
  return { held, register: (d) => void held.add(d.token), unregister: (t) => void held.delete(t) };
}

function openRound(ballotId: string, round: number, openedAt = '2024-01-01T00:00:00Z'): RoundRecord {
  return {
    ballotId,
    round,
    state: 'open',
    openedAt,
    closesAt: null,
    closedAt: null,
    publishedAt: null,
    result: null,
    sealPublicKey: null,
    sealSecretKey: null,
    rosterThrough: null,
  };
}

function withOpenBallot(registry = tokens()): MeetingState {
  const state = MeetingState.create(meeting, rules, [delegate('a'), delegate('b')], registry);
  state.addBallot({ id: 'b1', meetingId: 'm1', createdAt: '', definition: {} as never, revoteDrafted: false }, rules);
  state.openRound(openRound('b1', 1), ['a', 'b']);
  return state;
}

const result = { ballotId: 'b1', round: 1 } as unknown as RoundResult;

describe('MeetingState', () => {
  test('the token registry follows every roster change', () => {
    const registry = tokens();
    const state = MeetingState.create(meeting, rules, [delegate('a'), delegate('b')], registry);
    expect([...registry.held]).toEqual(['token-a', 'token-b']);
    state.updateDelegate('a', { token: 'new-a' });
    expect([...registry.held].sort()).toEqual(['new-a', 'token-b']);
    state.removeDelegate('b');
    expect([...registry.held]).toEqual(['new-a']);
    const removed = state.replaceRoster([delegate('c')]);
    expect(removed.map((d) => d.id)).toEqual(['a']);
    expect([...registry.held]).toEqual(['token-c']);
    expect([...state.delegates.keys()]).toEqual(['c']);
  });

  test('a round accepts votes until a close begins, and again if the close fails', () => {
    const state = withOpenBallot();
    expect(state.acceptsVotes('b1', 1)).toBe(true);
    expect(state.acceptsVotes('b1', 2)).toBe(false);
    state.beginClosing('b1', 1);
    expect(state.acceptsVotes('b1', 1)).toBe(false);
    expect(() => state.openRoundOf('b1')).toThrow(expect.objectContaining({ code: 'BALLOT_NOT_OPEN' }));
    state.endClosing('b1', 1);
    expect(state.openRoundOf('b1').round).toBe(1);
    state.closeRound('b1', 1, '2024-01-01T01:00:00Z', result);
    expect(state.acceptsVotes('b1', 1)).toBe(false);
    expect(state.ballotState('b1')).toBe('closed');
  });

  test('votes and paper voters count as voted and as issued; interim results end with the round', () => {
    const state = withOpenBallot();
    state.recordVote('b1', 1, 'a', {
      voteId: 'v',
      receipt: 'R',
      marks: null,
      channel: 'online',
      castBy: null,
      split: null,
    });
    state.markPaperVoter('b1', 1, 'late');
    expect([...state.votersOf('b1', 1).keys()]).toEqual(['a', 'late']);
    expect(state.issuedOf('b1', 1).has('late')).toBe(true);
    state.setInterimResult('b1', result);
    expect(state.interimResult('b1')).toBe(result);
    state.cancelRound('b1', 1, '2024-01-01T01:00:00Z');
    expect(state.interimResult('b1')).toBeNull();
    expect(state.ballots.get('b1')?.rounds.at(-1)?.closedAt).toBe('2024-01-01T01:00:00Z');
  });

  test('fromStore: the current ballot is the one opened last', () => {
    const loaded: LoadedMeeting = {
      meeting,
      delegates: [delegate('a')],
      ballots: ['b1', 'b2'].map((id) => ({
        id,
        meetingId: 'm1',
        createdAt: '',
        definition: {} as never,
        revoteDrafted: false,
      })),
      rounds: [openRound('b2', 1, '2024-01-01T02:00:00Z'), { ...openRound('b1', 1), state: 'closed' }],
      participation: [
        {
          ballotId: 'b2',
          round: 1,
          delegateId: 'a',
          voteId: 'v',
          receipt: 'R',
          marks: null,
          channel: 'online',
          castBy: null,
          split: null,
        },
      ],
      issued: [{ ballotId: 'b2', round: 1, delegateId: 'a' }],
      paper: [],
      anchors: [],
      proxies: [],
      roundProxies: [],
    };
    const registry = tokens();
    const state = MeetingState.fromStore(loaded, rules, registry);
    expect(state.currentBallotId).toBe('b2');
    expect(state.votersOf('b2', 1).get('a')?.receipt).toBe('R');
    expect(state.issuedOf('b2', 1).size).toBe(1);
    expect([...registry.held]).toEqual(['token-a']);
  });

  test('reading a round nobody voted in creates nothing', () => {
    const state = withOpenBallot();
    expect(state.votersOf('b1', 7).size).toBe(0);
    expect(state.issuedOf('nope', 1).size).toBe(0);
    expect(state.roundOf('b1', 7)).toBeUndefined();
  });

  // Type-level: `tsc -p test` (part of npm test) fails if a map becomes writable from outside.
  test('outside the state, its maps are read-only', () => {
    const state = withOpenBallot();
    expectTypeOf(state.delegates).toEqualTypeOf<ReadonlyMap<string, DelegateRecord>>();
    expectTypeOf(state.votersOf('b1', 1)).toEqualTypeOf<ReadonlyMap<string, VoterEntry>>();
    expectTypeOf(state.issuedOf('b1', 1)).toEqualTypeOf<ReadonlySet<string>>();
    expectTypeOf(state.ballots).toEqualTypeOf<ReadonlyMap<string, BallotEntry>>();
    expectTypeOf<BallotEntry['rounds']>().toEqualTypeOf<readonly RoundRecord[]>();
    const writes = (s: MeetingState) => {
      // @ts-expect-error the current ballot changes only when a round opens
      s.currentBallotId = 'b2';
    };
    expect(() => writes(state)).toThrow(TypeError);
  });
});
