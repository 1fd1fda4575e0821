// A stand-in for the server's HTTP side: answers GETs from a table of paths, records every call
// with its Authorization header, and answers 404 NOT_FOUND for anything else.
import { vi } from 'vitest';

export interface FetchCall {
  readonly url: string;
  readonly authorization: string | null;
}

/** A JSON body (answered 200), or a full Response for errors, CSV and headers. */
export type FetchAnswer = Response | object;

export function stubFetch(routes: Readonly<Record<string, FetchAnswer | (() => FetchAnswer)>>): FetchCall[] {
  const calls: FetchCall[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    const route = routes[url];
    const answer = route instanceof Function ? route() : route;
    if (answer === undefined)
      return Response.json({ ok: false, error: 'NOT_FOUND', params: { what: 'route' } }, { status: 404 });
    return answer instanceof Response ? answer : Response.json(answer);
  });
  return calls;
}
