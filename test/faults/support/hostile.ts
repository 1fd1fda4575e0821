// Hostile values for fuzzing: wrong types, huge strings, deep nesting, prototype keys, odd
// unicode, binary. Objects with a `__proto__` key are built with defineProperty, so the key is
// an own property and goes over the wire as JSON, as a hostile client would send it.
import fc from 'fast-check';

/** Strings that have broken parsers, logs, spreadsheets or look-ups somewhere before. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\u202Egnp.exe',
  '\u200B',
  '\uFEFF',
  '\u2028\u2029',
  '\uFFFD',
  '\u001b[31mred',
  '👨‍👩‍👧‍👦',
  `e${'\u0301'.repeat(300)}`,
  'Nguyễn Văn An'.normalize('NFD'),
  '＝1+1',
  '=HYPERLINK("http://evil")',
  '@SUM(A1)',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../../etc/passwd',
  '%00',
  '%',
  '<script>alert(1)</script>',
  "'; DROP TABLE participation; --",
  '${process.exit(1)}',
  'null',
  'NaN',
  '-0',
  '1e309',
  'good',
  ' good',
  'GOOD',
  'province',
  'excellent',
] as const;

/** Keys a hostile object carries: prototype names, protocol field names, odd unicode. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'ballotId',
  'delegateId',
  'voteId',
  'marks',
  'round',
  'role',
  'meetingId',
  'secret',
  'allowChange',
  '',
  '\u0000',
  '\uD800',
  'province',
] as const;

export interface HostileLimits {
  /** Longest generated string (characters). */
  readonly maxString: number;
  /** Deepest generated nesting. */
  readonly maxDepth: number;
}

/** An object whose own enumerable properties are exactly `entries`, `__proto__` included. */
export function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/**
 * A value that serialises as a huge string or a deep nest. Kept as a recipe so that fast-check can
 * print a failing case in a line (and without overflowing its stack), and expanded by toJSON when
 * the payload goes over the wire.
 */
export class Expands {
  constructor(
    readonly kind: 'string' | 'array' | 'object',
    readonly size: number,
    readonly unit: string,
  ) {}

  toJSON(): unknown {
    return this.kind === 'string'
      ? this.unit.repeat(Math.max(1, Math.floor(this.size / this.unit.length)))
      : nested(this.size, this.kind, this.unit);
  }

  toString(): string {
    return String(this.toJSON());
  }

  [fc.toStringMethod](): string {
    return `Expands(${this.kind}, ${this.size}, ${JSON.stringify(this.unit)})`;
  }
}

/** [[[…]]] or {a:{a:…}} `depth` levels deep, built without recursion. */
export function nested(depth: number, kind: 'array' | 'object', leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i += 1) v = kind === 'array' ? [v] : ownObject([['a', v]]);
  return v;
}

/** Short hostile strings (up to a few hundred characters). */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('a', 'ễ', '\u0000', ',\n').map((u) => u.repeat(201)) },
  );
}

/** A huge string or a deep nest, up to the limits. */
export function hostileBulk(limits: HostileLimits): fc.Arbitrary<Expands> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom('a', 'ễ', '😀', '\u0000', '\uD800', ',\n', '"'),
        fc.integer({ min: 1000, max: limits.maxString }),
      )
      .map(([unit, n]) => new Expands('string', n, unit)),
    fc
      .tuple(fc.constantFrom('array' as const, 'object' as const), fc.integer({ min: 20, max: limits.maxDepth }))
      .map(([kind, depth]) => new Expands(kind, depth, 'deep')),
  );
}

const leaf = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    hostileString(),
    fc.integer(),
    fc.constantFrom(0, -1, 1, 1.5, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, NaN, Infinity, -0),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.uint8Array({ maxLength: 64 }),
  );

/** Any hostile value: a leaf, a small structure of them, a deep nest, or a prototype-key object. */
export function hostileValue(limits: HostileLimits): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: leaf() },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      {
        weight: 2,
        arbitrary: fc
          .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), hostileString()), tie('value')), { maxLength: 4 })
          .map(ownObject),
      },
      { weight: 1, arbitrary: hostileBulk(limits) },
      {
        weight: 1,
        arbitrary: fc.constant(0).map(() =>
          ownObject([
            [
              '__proto__',
              ownObject([
                ['polluted', 'yes'],
                ['role', 'chair'],
              ]),
            ],
            ['constructor', ownObject([['prototype', ownObject([['polluted', 'yes']])]])],
          ]),
        ),
      },
    ),
  }));
  return value;
}

/** Every path (list of keys) to a node of a plain JSON-like value, the root included. */
export function pathsOf(
  value: unknown,
  prefix: readonly (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push([...prefix]);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

export type Mutation =
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add-key'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'wrap'; readonly how: 'array' | 'json-string' };

export function mutation(limits: HostileLimits): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: hostileValue(limits) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({
      op: fc.constant('add-key' as const),
      at: fc.nat(),
      key: fc.constantFrom(...HOSTILE_KEYS),
      value: hostileValue(limits),
    }),
    fc.record({ op: fc.constant('wrap' as const), how: fc.constantFrom('array' as const, 'json-string' as const) }),
  );
}

/** Applies a mutation to a copy of a valid payload. */
export function applyMutation(valid: unknown, m: Mutation): unknown {
  if (m.op === 'wrap') return m.how === 'array' ? [valid] : JSON.stringify(valid);
  const copy = JSON.parse(JSON.stringify(valid)) as unknown;
  const paths = pathsOf(copy);
  const path = paths[m.at % paths.length] ?? [];
  if (path.length === 0) return m.op === 'replace' ? m.value : copy;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], copy) as Record<
    string | number,
    unknown
  >;
  const key = path[path.length - 1] as string | number;
  if (m.op === 'replace') parent[key] = m.value;
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const target = parent[key];
    if (target && typeof target === 'object' && !Array.isArray(target))
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    else parent[key] = ownObject([[m.key, m.value]]);
  }
  return copy;
}
