// What a forger who knows the seal's recipe does after changing a round: recomputes its seal.
import { createHash } from 'node:crypto';
import { sealInput, type MeetingExport, type RoundExport } from '@hallvote/shared';

/** Recomputes a round's seal from the export and stores it in the round's result; returns it. */
export function resealRound(_data: MeetingExport, r: RoundExport): string {
  const seal = createHash('sha256').update(sealInput(r.records)).digest('hex');
  (r.result as { seal: string }).seal = seal;
  return seal;
}
