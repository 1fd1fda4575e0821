// HTTP fuzzing: every route with hostile path segments, credentials, query strings, bodies and
// methods. The server must stay up and answer each request with a typed JSON error (never a 5xx),
// succeed only for the credential that route accepts, and change nothing when it refuses.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ERROR_CODES, isErrorBody } from '@hallvote/shared';
import { ADMIN_TOKEN } from '../../support/harness';
import { FuzzHall } from '../support/fuzz-hall';
import {
  Expands,
  applyMutation,
  hostileBulk,
  hostileString,
  hostileValue,
  mutation,
  type Mutation,
} from '../support/hostile';
import { assertNoPollution, type FuzzFigures, type FuzzOptions } from './fuzz-sockets';

type Access = 'public' | 'admin' | 'chair';
interface Route {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly access: Access;
  readonly path: (p: { meeting: string; ballot: string; round: string; format: string }) => string;
}

export const ROUTES: readonly Route[] = [
  { name: 'create meeting', method: 'POST', access: 'admin', path: () => '/api/meetings' },
  { name: 'presets', method: 'GET', access: 'public', path: () => '/api/presets' },
  { name: 'health', method: 'GET', access: 'public', path: () => '/healthz' },
  { name: 'badges', method: 'GET', access: 'chair', path: (p) => `/api/meetings/${p.meeting}/badges` },
  // The ballot's slot stands for a member's id here: hostile or unknown, a typed NOT_FOUND.
  { name: 'one badge', method: 'GET', access: 'chair', path: (p) => `/api/meetings/${p.meeting}/badges/${p.ballot}` },
  { name: 'join page', method: 'GET', access: 'public', path: () => '/j' },
  { name: 'export', method: 'GET', access: 'chair', path: (p) => `/api/meetings/${p.meeting}/export.json` },
  {
    name: 'round',
    method: 'GET',
    access: 'chair',
    path: (p) => `/api/meetings/${p.meeting}/rounds/${p.ballot}/${p.round}.${p.format}`,
  },
  {
    name: 'attendance',
    method: 'GET',
    access: 'chair',
    path: (p) => `/api/meetings/${p.meeting}/attendance.${p.format}`,
  },
];

const SEGMENTS = [
  '..',
  '.',
  '%',
  '%E0%A4%A',
  '%2F..%2F',
  '%00',
  '..%2f..%2fetc%2fpasswd',
  '%C0%AE',
  'constructor',
  '__proto__',
  '',
];
const CREDENTIALS = ['none', 'admin', 'chair1', 'chair2', 'projector1', 'delegate1', 'revoked'] as const;

type Credential = (typeof CREDENTIALS)[number] | { readonly hostile: string };
type Body =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string | Expands }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'meeting'; readonly m: Mutation };

interface HttpCase {
  readonly route: number;
  readonly method: string;
  readonly meeting: 'm1' | 'm2' | { readonly hostile: string };
  readonly ballot: 'mine' | { readonly hostile: string };
  readonly round: string;
  readonly format: string;
  readonly credential: Credential;
  readonly scheme: string;
  readonly query: string;
  readonly contentType: string | null;
  readonly body: Body;
}

const segment = () =>
  fc.oneof(fc.constantFrom(...SEGMENTS), hostileString()).map((s) => {
    try {
      return SEGMENTS.includes(s) ? s : encodeURIComponent(s);
    } catch {
      return '%ED%A0%80';
    }
  });

const printable = fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));

export function httpCase(limits: FuzzOptions['limits']): fc.Arbitrary<HttpCase> {
  return fc.record({
    route: fc.nat({ max: ROUTES.length - 1 }),
    method: fc.oneof(
      { weight: 5, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') },
    ),
    meeting: fc.oneof(
      fc.constant('m1' as const),
      fc.constant('m2' as const),
      segment().map((hostile) => ({ hostile })),
    ),
    ballot: fc.oneof(
      fc.constant('mine' as const),
      segment().map((hostile) => ({ hostile })),
    ),
    round: fc.oneof(fc.constantFrom('1', '0', '-1', '1.5', '1e3', '99999999999999999999', 'NaN', ''), segment()),
    format: fc.oneof(fc.constantFrom('json', 'csv', 'JSON', 'html', 'json.csv', ''), segment()),
    credential: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...CREDENTIALS) },
      { weight: 1, arbitrary: printable.map((hostile) => ({ hostile })) },
    ),
    scheme: fc.constantFrom('Bearer ', 'Bearer ', 'Bearer ', 'bearer ', 'Basic ', '', 'Bearer  '),
    query: fc.oneof(
      fc.constant(''),
      fc.constantFrom('?__proto__[polluted]=1', '?constructor[prototype][polluted]=1', '?a=%00&a=1'),
      segment().map((s) => `?x=${s}`),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      null,
    ),
    body: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      mutation(limits).map((m) => ({ kind: 'meeting' as const, m })),
      hostileValue(limits).map((value) => ({ kind: 'json' as const, value })),
      fc.oneof(hostileString(), hostileBulk(limits)).map((text) => ({ kind: 'text' as const, text })),
    ),
  });
}

export async function runHttpFuzz(options: FuzzOptions, f?: FuzzHall): Promise<FuzzFigures> {
  const hall = f ?? (await FuzzHall.start());
  const answered: Record<string, number> = {};
  let cases = 0;
  const state = hall.h.app.hall;
  const m1 = state.meetings.get(hall.m1.meetingId);
  const d1 = m1 ? [...m1.delegates.values()].sort((a, b) => a.ordinal - b.ordinal)[0] : undefined;
  const secrets: Record<(typeof CREDENTIALS)[number], string> = {
    none: '',
    admin: ADMIN_TOKEN,
    chair1: hall.m1.chairKey,
    chair2: hall.m2.chairKey,
    projector1: hall.m1.projectorKey,
    delegate1: d1?.token ?? '',
    revoked: 'AAAAAAAAAAAAAAAAAAAAAAAA',
  };
  try {
    await fc.assert(
      fc.asyncProperty(httpCase(options.limits), async (c) => {
        cases += 1;
        const route = ROUTES[c.route] ?? ROUTES[0]!;
        const method = c.method || route.method;
        const meetingId =
          c.meeting === 'm1' ? hall.m1.meetingId : c.meeting === 'm2' ? hall.m2.meetingId : c.meeting.hostile;
        const path =
          route.path({
            meeting: meetingId,
            ballot: c.ballot === 'mine' ? hall.ballotId : c.ballot.hostile,
            round: c.round,
            format: c.format,
          }) + c.query;
        const credential = typeof c.credential === 'string' ? secrets[c.credential] : c.credential.hostile;
        const headers: Record<string, string> = {};
        if (c.credential !== 'none') headers.authorization = `${c.scheme}${credential}`;
        if (c.contentType) headers['content-type'] = c.contentType;
        const body =
          method === 'GET' || c.body.kind === 'none'
            ? undefined
            : c.body.kind === 'text'
              ? typeof c.body.text === 'string'
                ? c.body.text
                : JSON.stringify(c.body.text)
              : (JSON.stringify(
                  c.body.kind === 'json'
                    ? c.body.value
                    : applyMutation(
                        {
                          title: 'Fuzz',
                          rulePresetId: 'simple-majority',
                          roster: [{ line: 1, name: 'An', position: 'Unit', group: '' }],
                        },
                        c.body.m,
                      ),
                ) ?? 'null');
        const what = `${method} ${path.slice(0, 120)} as ${typeof c.credential === 'string' ? c.credential : 'hostile'}`;
        const before = await hall.state();
        let res: Response;
        try {
          res = await fetch(`${hall.h.url}${path}`, {
            method,
            headers,
            ...(body !== undefined ? { body } : {}),
            signal: AbortSignal.timeout(10_000),
          });
        } catch (error) {
          // fetch itself refused to build the request (an invalid URL or header): nothing was sent.
          if (
            error instanceof TypeError &&
            !JSON.stringify(error.cause ?? '').includes('ECONN') &&
            !String(error.message).includes('ECONN')
          )
            return;
          throw error;
        }
        const text = await res.text();
        assertNoPollution(what);
        assert.ok(res.status < 500, `${what}: HTTP ${res.status} ${text.slice(0, 200)}`);
        const matched = method === route.method;
        const isApi = path.startsWith('/api');
        const ok = res.status >= 200 && res.status < 300;
        if (ok) {
          assert.ok(matched, `${what}: a ${method} succeeded on a ${route.method} route`);
          const authorized =
            route.access === 'public' ||
            (c.scheme.startsWith('Bearer ') &&
              ((route.access === 'admin' && c.credential === 'admin') ||
                (route.access === 'chair' &&
                  ((c.meeting === 'm1' && c.credential === 'chair1') ||
                    (c.meeting === 'm2' && c.credential === 'chair2')))));
          assert.ok(authorized, `${what}: HTTP ${res.status} without the credential this route needs`);
          answered[`ok ${route.name}`] = (answered[`ok ${route.name}`] ?? 0) + 1;
        } else {
          if (isApi) {
            const json = JSON.parse(text) as { ok?: unknown; error?: unknown };
            assert.equal(json.ok, false, `${what}: a refusal says ok:false`);
            assert.ok(
              (ERROR_CODES as readonly unknown[]).includes(json.error),
              `${what}: untyped error ${text.slice(0, 200)}`,
            );
            assert.ok(isErrorBody(json) && !('message' in json), `${what}: a code with parameters, no sentence`);
            answered[String(json.error)] = (answered[String(json.error)] ?? 0) + 1;
          } else {
            // Outside /api (the health check with a wrong method or an unreadable body): a 4xx, typed when it is JSON.
            assert.ok(res.status >= 400, `${what}: HTTP ${res.status}`);
            if (res.headers.get('content-type')?.includes('json'))
              assert.ok(
                (ERROR_CODES as readonly unknown[]).includes((JSON.parse(text) as { error?: unknown }).error),
                `${what}: untyped ${text.slice(0, 200)}`,
              );
            answered[`${res.status} outside /api`] = (answered[`${res.status} outside /api`] ?? 0) + 1;
          }
          assert.equal(await hall.state(), before, `${what}: refused, yet the state changed`);
        }
      }),
      { numRuns: options.numRuns, seed: options.seed, endOnFailure: true },
    );
    assert.equal((await fetch(`${hall.h.url}/healthz`)).status, 200, 'the server still answers /healthz');
    assert.deepEqual(hall.errorsLogged(), [], 'no unexpected error was logged');
    return { cases, answered, ignored: 0, closedByServer: 0 };
  } finally {
    if (!f) await hall.stop();
  }
}
