// Looks for anything that pairs a delegate with a choice: in database bytes (page by page, and by
// the physical order of rows), in text lines (logs, CSV) and in JSON (exports). Each check has a
// control in the tests that shows it does find pairs where they exist (an open ballot).

/** Everything that identifies one delegate: id, name, token, receipt, vote id. */
export interface Identity {
  readonly delegate: string;
  readonly needles: readonly string[];
}

/** What a delegate chose, in every form it can take (option id, label). */
export interface Fingerprint {
  readonly owner: string;
  readonly needles: readonly string[];
}

export interface Pair {
  readonly where: string;
  readonly delegate: string;
  readonly choiceOf: string;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function occurrences(haystack: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** The page size from a database file header, or from a WAL header. */
export function pageSizeOf(db: Buffer): number {
  const raw = db.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/** Pages of a database file, or the page images of a WAL file (frames after a 32-byte header). */
export function pagesOf(file: Buffer, pageSize: number, wal: boolean): Buffer[] {
  const pages: Buffer[] = [];
  if (!wal) for (let o = 0; o < file.length; o += pageSize) pages.push(file.subarray(o, o + pageSize));
  else
    for (let o = 32; o + 24 + pageSize <= file.length; o += 24 + pageSize)
      pages.push(file.subarray(o + 24, o + 24 + pageSize));
  return pages;
}

/**
 * Database bytes: a delegate's identity within `window` bytes of a choice, on the same page (a
 * page holds one table's rows, so this is "in the same record or the next one").
 */
export function pairsInPages(
  pages: readonly Buffer[],
  identities: readonly Identity[],
  fingerprints: readonly Fingerprint[],
  where: string,
  window = 64,
): Pair[] {
  const ids = identities.flatMap((i) => i.needles.map((n) => ({ delegate: i.delegate, bytes: utf8(n) })));
  const fps = fingerprints.flatMap((f) => f.needles.map((n) => ({ owner: f.owner, bytes: utf8(n) })));
  const pairs: Pair[] = [];
  pages.forEach((page, p) => {
    for (const fp of fps) {
      for (const at of occurrences(page, fp.bytes)) {
        const near = page.subarray(Math.max(0, at - window), Math.min(page.length, at + fp.bytes.length + window));
        for (const id of ids)
          if (near.includes(id.bytes))
            pairs.push({ where: `${where} page ${p}`, delegate: id.delegate, choiceOf: fp.owner });
      }
    }
  });
  return pairs;
}

/** Lines (a log, a CSV file): one line that names a delegate and a choice. */
export function pairsInLines(
  text: string,
  identities: readonly Identity[],
  fingerprints: readonly Fingerprint[],
  where: string,
): Pair[] {
  const pairs: Pair[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const who = identities.filter((i) => i.needles.some((x) => line.includes(x)));
    if (who.length === 0) return;
    for (const f of fingerprints)
      if (f.needles.some((x) => line.includes(x)))
        for (const i of who) pairs.push({ where: `${where} line ${n + 1}`, delegate: i.delegate, choiceOf: f.owner });
  });
  return pairs;
}

interface NodeSummary {
  readonly delegates: Set<string>;
  readonly choices: Set<string>;
}

/**
 * JSON: a node (object or array) about exactly one delegate that also holds a choice, like
 * `{ delegateId, name, marks }`. Nodes about every delegate (the roster, the whole export) are
 * not pairs by themselves; their arrays are checked for order by `orderLeaks`.
 */
export function pairsInJson(
  value: unknown,
  identities: readonly Identity[],
  fingerprints: readonly Fingerprint[],
  where: string,
): Pair[] {
  const pairs: Pair[] = [];
  const visit = (node: unknown, path: string): NodeSummary => {
    if (typeof node === 'string') {
      return {
        delegates: new Set(identities.filter((i) => i.needles.some((x) => node.includes(x))).map((i) => i.delegate)),
        choices: new Set(fingerprints.filter((f) => f.needles.some((x) => node.includes(x))).map((f) => f.owner)),
      };
    }
    const summary: NodeSummary = { delegates: new Set(), choices: new Set() };
    if (!node || typeof node !== 'object') return summary;
    const children = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [k, v] of children) {
      const child = visit(v, `${path}.${k}`);
      const key = visit(k, path);
      for (const s of [child, key]) {
        s.delegates.forEach((d) => summary.delegates.add(d));
        s.choices.forEach((c) => summary.choices.add(c));
      }
    }
    if (summary.delegates.size === 1 && summary.choices.size > 0) {
      const [delegate] = summary.delegates;
      for (const choiceOf of summary.choices) pairs.push({ where: `${where} ${path}`, delegate: delegate!, choiceOf });
    }
    return summary;
  };
  visit(value, '$');
  // Report each pair once, at its innermost node.
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const key = `${p.delegate}>${p.choiceOf}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Spearman's rank correlation of two equally long lists of distinct numbers. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (xs: readonly number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    order.forEach(([, i], k) => (r[i] = k));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const d2 = ra.reduce((sum, x, i) => sum + (x - (rb[i] ?? 0)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/**
 * Where each choice sits in some bytes (its first occurrence), correlated with the order in which
 * the delegates voted: a secret ballot's rows must not be laid out in voting order, or the audit
 * log (who voted when) would pair them. Returns rho, or null when fewer than 10 were found.
 */
export function orderCorrelation(
  bytes: Buffer,
  patternOf: (owner: string) => string,
  voteOrder: readonly string[],
): { rho: number | null; found: number; copies: number } {
  const positions: number[] = [];
  const order: number[] = [];
  let copies = 0;
  voteOrder.forEach((owner, k) => {
    const at = occurrences(bytes, utf8(patternOf(owner)));
    copies = Math.max(copies, at.length);
    if (at.length > 0) {
      positions.push(at[0]!);
      order.push(k);
    }
  });
  return { rho: positions.length >= 10 ? spearman(positions, order) : null, found: positions.length, copies };
}
