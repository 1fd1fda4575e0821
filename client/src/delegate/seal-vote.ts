// Seals a secret ballot's marks on the phone before they leave it (shared/src/sealed-marks.ts), so
// that a listener on the hall network reads who voted but never what. The sealing code (tweetnacl)
// is a chunk of its own, fetched when a secret ballot opens rather than with the page: most of a
// meeting's phones load the page long before, and an open ballot needs it only at confirm.
import type { Marks } from '@hallvote/shared';
import type { CodedBallot } from '@hallvote/shared';

type Sealing = typeof import('@hallvote/shared/sealed-marks');

let loading: Promise<Sealing> | null = null;

/** Starts fetching the sealing code (once); a secret ballot is open or about to be confirmed. */
export function preloadSealing(): Promise<Sealing> {
  loading ??= import('@hallvote/shared/sealed-marks').catch((err: unknown) => {
    // A failed fetch (the network dropped) is tried again at the next call.
    loading = null;
    throw err;
  });
  return loading;
}

/** The marks sealed to the round's key, as `vote:cast` carries them in `sealed`. */
export async function sealVote(ballot: CodedBallot, marks: Marks, sealKey: string): Promise<string> {
  const { sealMarks } = await preloadSealing();
  return sealMarks(ballot, marks, sealKey);
}
