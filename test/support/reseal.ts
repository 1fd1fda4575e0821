// What a forger who knows the seal's recipe does after changing a round: recomputes its seal
// from the export (shared/src/seal.ts is public, like the export itself), as verify does.
import type { MeetingExport, RoundExport } from '@hallvote/shared';
import { exportedRoundSeal } from '../../server/src/features/exports/verify-export';

/** Recomputes a round's seal from the export and stores it in the round's result; returns it. */
export function resealRound(data: MeetingExport, r: RoundExport): string {
  const result = r.result;
  if (!result) throw new Error('only a counted round has a seal');
  const seal = exportedRoundSeal(data, r, result);
  (result as { seal: string }).seal = seal;
  return seal;
}
