// The chair entry serves three pages, all under /chair/<meetingId> and all unlocked by the same
// chair key: the console, the counting minutes of one ballot round, and the badge sheet.

export type ChairRoute =
  | { readonly page: 'console'; readonly meetingId: string }
  | { readonly page: 'minutes'; readonly meetingId: string; readonly ballotId: string; readonly round: number }
  | { readonly page: 'badges'; readonly meetingId: string };

/** The page a /chair/… path names; null for a path this entry does not know. */
export function parseChairRoute(pathname: string): ChairRoute | null {
  if (!pathname.startsWith('/chair/')) return null;
  let parts: string[];
  try {
    parts = pathname.slice('/chair/'.length).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  // A trailing slash is not a different page.
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  const [meetingId, page, ballotId, round, ...rest] = parts;
  if (!meetingId || rest.length > 0) return null;
  if (page === undefined) return { page: 'console', meetingId };
  if (page === 'badges' && ballotId === undefined) return { page: 'badges', meetingId };
  if (page === 'minutes' && ballotId && round !== undefined && /^[1-9]\d{0,5}$/.test(round)) {
    return { page: 'minutes', meetingId, ballotId, round: Number(round) };
  }
  return null;
}

/** Where the minutes of a round live; the key is not in it (the new tab reads the stored one). */
export function minutesPath(meetingId: string, ballotId: string, round: number): string {
  return `/chair/${encodeURIComponent(meetingId)}/minutes/${encodeURIComponent(ballotId)}/${round}`;
}

export function consolePath(meetingId: string): string {
  return `/chair/${encodeURIComponent(meetingId)}`;
}

/** The browser storage key of a meeting's chair key, shared by every page of this entry. */
export function chairKeyStorage(meetingId: string): string {
  return `hallvote.chair-key.${meetingId}`;
}
