/**
 * One ballot's marks: for each subject id, the ids of the options marked on it. An empty row is no
 * vote on that subject. Phones send them, the store keeps them, the seal and the tally read them.
 */
export type Marks = Readonly<Record<string, readonly string[]>>;
