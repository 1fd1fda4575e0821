import { assertNever } from './assert-never';
import { percentOf } from './percent';
import {
  TALLY_BASES,
  type NamedBase,
  type OptionShare,
  type Percent,
  type TallyBase,
  type TallyOption,
  type TurnoutBase,
  type TurnoutShare,
} from './types';

/** The ballot-wide base values; `decisive` is per subject and computed from its counts. */
export interface BallotBases {
  readonly eligible: number;
  readonly present: number;
  readonly returned: number;
  readonly valid: number;
}

export function baseOf(name: TallyBase, bases: BallotBases, decisive: number): NamedBase {
  switch (name) {
    case 'eligible':
    case 'present':
    case 'returned':
    case 'valid':
      return { name, value: bases[name] };
    case 'decisive':
      return { name, value: decisive };
    default:
      return assertNever(name);
  }
}

/** Every base with its value, in {@link TALLY_BASES} order. */
export function allBases(bases: BallotBases, decisive: number): NamedBase[] {
  return TALLY_BASES.map((name) => baseOf(name, bases, decisive));
}

/**
 * An option's share of a base. An abstention gets none of `decisive`: that base is the votes
 * that are not abstentions, so 5 abstentions against 2 yes would read "250.00 %".
 */
export function shareOf(votes: number, option: TallyOption, base: NamedBase): Percent | null {
  if (base.name === 'decisive' && option.abstain === true) return null;
  return percentOf(votes, base.value);
}

/** The bases a rule publishes shares of: the first, then the further ones, each once. */
export function publishedBases(percentBase: TallyBase, extra: readonly TallyBase[]): TallyBase[] {
  return [...new Set([percentBase, ...extra])];
}

/** Every published share of one option. */
export function sharesOf(votes: number, option: TallyOption, bases: readonly NamedBase[]): OptionShare[] {
  return bases.map((base) => ({ base, percent: shareOf(votes, option, base) }));
}

/** Returned ballots as a share of the eligible members or of those present. */
export function turnoutOf(returned: number, name: TurnoutBase, bases: BallotBases): TurnoutShare {
  const base = { name, value: bases[name] };
  return { returned, base, percent: percentOf(returned, base.value) };
}
