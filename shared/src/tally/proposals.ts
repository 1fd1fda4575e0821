import type { LevelScores, ProposalCheck, SubjectOutcome, TallySubject } from './types';

/** The level a subject ended on, whether carried outright or by cumulating down. */
export function levelOf(outcome: SubjectOutcome): string | null {
  return outcome.type === 'adopted' || outcome.type === 'cumulated' ? outcome.optionId : null;
}

/** The highest level whose minimum the score reaches (levels are listed highest first). */
function levelOfScore(score: number, scores: LevelScores): string | null {
  return scores.levels.find((level) => score >= level.min)?.level ?? null;
}

/**
 * A subject's proposal and score against the level the vote gave it (QĐ 366: the vote mostly
 * approves a proposed level derived from a score). Scores are only compared, never computed
 * with, so a score such as 89.5 needs no integer scaling. Null for a subject with neither.
 */
export function checkProposal(
  subject: TallySubject,
  outcome: SubjectOutcome,
  scores: LevelScores | undefined,
): ProposalCheck | null {
  const proposedLevel = subject.proposedLevel ?? null;
  const score = subject.score ?? null;
  if (proposedLevel === null && score === null) return null;
  const adoptedLevel = levelOf(outcome);
  const scoreLevel = score !== null && scores !== undefined ? levelOfScore(score, scores) : null;
  const rank = (level: string | null) => scores?.levels.findIndex((l) => l.level === level) ?? -1;
  const adoptedRank = rank(adoptedLevel);
  const scoreRank = rank(scoreLevel);
  return {
    proposedLevel,
    score,
    adoptedLevel,
    differs: proposedLevel !== null && proposedLevel !== adoptedLevel,
    scoreLevel,
    // a lower rank is a higher level: the adopted level may be the score's or below it
    scoreAllows: adoptedRank < 0 || scoreRank < 0 ? null : adoptedRank >= scoreRank,
    condition: scores?.levels[adoptedRank]?.condition ?? null,
    basis: scores?.basis ?? null,
  };
}
