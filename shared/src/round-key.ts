/** `${ballotId}#${round}`: one round of one ballot, as a map key (ids never contain `#`). */
export function roundKey(ballotId: string, round: number): string {
  return `${ballotId}#${round}`;
}
