import type { BallotTemplate, Localized, RuleSet, TallyResult, TallySubject } from '../tally/types';
import { getRulePreset } from './presets';

/**
 * A vote a result calls for: the subjects that fell in one band whose rule names a follow-up
 * (a confidence rating → the vote of no confidence), with the preset to hold it under and the
 * ballot that preset is written for. What the chair creates in one action.
 */
export interface FollowUpVote {
  readonly optionId: string;
  readonly bandId: string;
  /** The band's consequence, for the new ballot's title. */
  readonly consequence: Localized;
  /** The follow-up preset, at the version the band names. */
  readonly rules: RuleSet;
  readonly ballot: BallotTemplate & { readonly subjects: readonly TallySubject[] };
}

/**
 * Every follow-up vote a result calls for, one per band, subjects in ballot order. A band whose
 * follow-up preset (or version) this build does not have, or that has no ballot template, yields
 * nothing; the presets test checks that every shipped one resolves.
 */
export function followUpVotes(result: TallyResult): FollowUpVote[] {
  const votes = new Map<
    string,
    { vote: Omit<FollowUpVote, 'ballot'>; template: BallotTemplate; subjects: TallySubject[] }
  >();
  for (const subject of result.subjects) {
    for (const verdict of subject.bands) {
      const band = verdict.band;
      if (band?.followUp === undefined) continue;
      const key = `${verdict.optionId}\u0000${band.id}`;
      let entry = votes.get(key);
      if (entry === undefined) {
        const rules = getRulePreset(band.followUp.id, band.followUp.version);
        if (rules?.template === undefined) continue;
        entry = {
          vote: { optionId: verdict.optionId, bandId: band.id, consequence: band.consequence, rules },
          template: rules.template,
          subjects: [],
        };
        votes.set(key, entry);
      }
      const copy: TallySubject = { id: subject.subjectId, label: subject.label };
      entry.subjects.push(subject.group === '' ? copy : { ...copy, group: subject.group });
    }
  }
  return [...votes.values()].map(({ vote, template, subjects }) => ({ ...vote, ballot: { ...template, subjects } }));
}
