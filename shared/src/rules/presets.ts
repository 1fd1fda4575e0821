import type { RuleSet, RuleSetRef } from '../tally/types';
import { VN_PARTY_CLASSIFICATION_V1, VN_PARTY_CLASSIFICATION_V2 } from './classification';
import { VN_CONFIDENCE_2014, VN_CONFIDENCE_2023, VN_NO_CONFIDENCE_2014, VN_NO_CONFIDENCE_2023 } from './confidence';
import { ELECTION, NATIONAL_ASSEMBLY, SIMPLE_MAJORITY, TWO_THIRDS } from './generic';
import { VN_PARTY_ELECTION } from './party-election';
import { AGM_ORDINARY, AGM_SPECIAL, ASSOCIATION, DOUBLE_MAJORITY } from './weighted';

// Rule sets are data with a name and a version. A preset that changes gets a new version, so
// minutes written under an older one still say exactly which rules decided them: every version
// stays here, oldest first, and a result names the id and version it was tallied under.

/** Every version of every rule preset, oldest first. */
export const RULE_PRESET_VERSIONS = {
  'vn-party-classification': [VN_PARTY_CLASSIFICATION_V1, VN_PARTY_CLASSIFICATION_V2],
  'vn-confidence-2023': [VN_CONFIDENCE_2023],
  'vn-confidence-2014': [VN_CONFIDENCE_2014],
  'vn-no-confidence-2023': [VN_NO_CONFIDENCE_2023],
  'vn-no-confidence-2014': [VN_NO_CONFIDENCE_2014],
  'vn-party-election': [VN_PARTY_ELECTION],
  'national-assembly': [NATIONAL_ASSEMBLY],
  'simple-majority': [SIMPLE_MAJORITY],
  'two-thirds': [TWO_THIRDS],
  election: [ELECTION],
  'agm-ordinary': [AGM_ORDINARY],
  'agm-special': [AGM_SPECIAL],
  association: [ASSOCIATION],
  'double-majority': [DOUBLE_MAJORITY],
} as const satisfies Readonly<Record<string, readonly [RuleSet, ...RuleSet[]]>>;

/** The current version of every rule preset, by id. */
export const RULE_PRESETS = {
  'vn-party-classification': VN_PARTY_CLASSIFICATION_V2,
  'vn-confidence-2023': VN_CONFIDENCE_2023,
  'vn-confidence-2014': VN_CONFIDENCE_2014,
  'vn-no-confidence-2023': VN_NO_CONFIDENCE_2023,
  'vn-no-confidence-2014': VN_NO_CONFIDENCE_2014,
  'vn-party-election': VN_PARTY_ELECTION,
  'national-assembly': NATIONAL_ASSEMBLY,
  'simple-majority': SIMPLE_MAJORITY,
  'two-thirds': TWO_THIRDS,
  election: ELECTION,
  'agm-ordinary': AGM_ORDINARY,
  'agm-special': AGM_SPECIAL,
  association: ASSOCIATION,
  'double-majority': DOUBLE_MAJORITY,
} as const satisfies { readonly [Id in keyof typeof RULE_PRESET_VERSIONS]: RuleSet };

/** The id of a rule preset. */
export type RulePresetId = keyof typeof RULE_PRESETS;

/** Preset ids, in a fixed order for pickers and schemas. */
export const RULE_PRESET_IDS = [
  'vn-party-classification',
  'vn-confidence-2023',
  'vn-confidence-2014',
  'vn-no-confidence-2023',
  'vn-no-confidence-2014',
  'vn-party-election',
  'national-assembly',
  'simple-majority',
  'two-thirds',
  'election',
  'agm-ordinary',
  'agm-special',
  'association',
  'double-majority',
] as const satisfies readonly RulePresetId[];

/**
 * A preset by id and version, as a ballot or a meeting stores it: the version pins the rules, so
 * a later version of the preset never changes how an earlier ballot is tallied.
 */
export interface RulePresetRef extends RuleSetRef {
  readonly id: RulePresetId;
}

/** Whether `id` names a preset. */
export function isRulePresetId(id: string): id is RulePresetId {
  return Object.hasOwn(RULE_PRESETS, id);
}

/**
 * The preset with this id: its current version, or the version asked for. Undefined for an id
 * that is not a preset or a version it never had.
 */
export function getRulePreset(id: string, version?: number): RuleSet | undefined {
  if (!isRulePresetId(id)) return undefined;
  if (version === undefined) return RULE_PRESETS[id];
  const versions: readonly RuleSet[] = RULE_PRESET_VERSIONS[id];
  return versions.find((rules) => rules.version === version);
}

/** The reference that pins a preset's current version (what a new ballot stores). */
export function presetRef(id: RulePresetId): RulePresetRef {
  return { id, version: RULE_PRESETS[id].version };
}

/**
 * Rules per ballot: the preset a ballot chose, or the meeting's when it chose none. Undefined when
 * the ballot names a preset or version this build does not have: tallying it under other rules
 * would be wrong, so the caller refuses instead.
 */
export function ruleSetFor(ballotRules: RuleSetRef | undefined, meetingRules: RuleSet): RuleSet | undefined {
  return ballotRules === undefined ? meetingRules : getRulePreset(ballotRules.id, ballotRules.version);
}
