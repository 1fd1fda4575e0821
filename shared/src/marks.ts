/**
 * One ballot's marks: for each subject id, the ids of the options marked on it. An empty row is no
 * vote on that subject. Phones send them, the store keeps them, the seal and the tally read them.
 */
export type Marks = Readonly<Record<string, readonly string[]>>;

/**
 * The options marked on one subject's row, or undefined: own properties only, so that a subject id
 * such as "constructor" or "toString" never reads Object.prototype.
 */
export function rowOf(marks: Marks, subjectId: string): readonly string[] | undefined {
  return Object.hasOwn(marks, subjectId) ? marks[subjectId] : undefined;
}
