import { shareOf } from './bases';
import { passesMajority } from './fraction';
import type { Band, BandVerdict, NamedBase, OptionBands, TallyBase, TallyOption } from './types';

/** One subject's counts, as the bands need them. */
export interface BandInput {
  readonly options: readonly TallyOption[];
  /** Votes per option, in option order. */
  readonly votes: readonly number[];
  readonly baseOf: (name: TallyBase) => NamedBase;
  readonly quorate: boolean;
}

/**
 * Whether `votes` reach a band. Same arithmetic as a majority (and so no band with no votes); an
 * abstention never reaches a band measured on `decisive`, the base that leaves it out.
 */
function reaches(band: Band, option: TallyOption, votes: number, base: NamedBase): boolean {
  if (band.base === 'decisive' && option.abstain === true) return false;
  return passesMajority(votes, base.value, band);
}

/**
 * Per banded option on the ballot, the last band (lowest threshold first) the subject reaches.
 * Without quorum the vote decided nothing, so no band is reached; the share is still reported.
 * Bands for an option the ballot does not have are skipped: the rule does not apply to it.
 */
export function bandVerdicts(optionBands: readonly OptionBands[], input: BandInput): BandVerdict[] {
  const verdicts: BandVerdict[] = [];
  for (const { optionId, bands } of optionBands) {
    const index = input.options.findIndex((o) => o.id === optionId);
    const option = input.options[index];
    const first = bands[0];
    if (option === undefined || first === undefined) continue;
    const votes = input.votes[index] ?? 0;
    let reached: Band | null = null;
    if (input.quorate) {
      for (const band of bands) if (reaches(band, option, votes, input.baseOf(band.base))) reached = band;
    }
    const base = input.baseOf((reached ?? first).base);
    verdicts.push({ optionId, votes, base, percent: shareOf(votes, option, base), band: reached });
  }
  return verdicts;
}
