// The chair's HTTP reads: badge sheet and exports. The chair key travels as a Bearer token, never
// in a URL, so a file saved from here is fetched first and then handed to the browser as a Blob.
import { isErrorBody, noAnswer, type HttpReply } from '../reply';

/** What the chair can download; paths are relative to /api/meetings/<meetingId>/. */
export type ExportPath =
  | 'export.json'
  | 'attendance.csv'
  | 'attendance.json'
  | `rounds/${string}/${number}.json`
  | `rounds/${string}/${number}.csv`;

/** The whole badge sheet, or one member's badge. */
export type BadgePath = 'badges' | `badges/${string}`;

export function badgePath(delegateId?: string): BadgePath {
  return delegateId === undefined ? 'badges' : `badges/${encodeURIComponent(delegateId)}`;
}

export function roundExportPath(ballotId: string, round: number, format: 'json' | 'csv'): ExportPath {
  return `rounds/${encodeURIComponent(ballotId)}/${round}.${format}`;
}

/** GET /api/meetings/<meetingId>/<path> as the chair; the body read by `read` on success. */
export async function chairGet<T>(
  meetingId: string,
  chairKey: string,
  path: ExportPath | BadgePath,
  read: (res: Response) => Promise<T>,
): Promise<HttpReply<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/${path}`, {
      headers: { authorization: `Bearer ${chairKey}` },
    });
  } catch {
    return noAnswer('unreachable');
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    return isErrorBody(body) ? body : noAnswer('http', res.status);
  }
  try {
    return { ok: true, data: await read(res) };
  } catch {
    return noAnswer('unreachable');
  }
}

export const asJson = <T>(res: Response) => res.json() as Promise<T>;
export const asText = (res: Response) => res.text();

/** The file name the server suggests in Content-Disposition, else `fallback`. */
function suggestedName(res: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/** Keeps the Blob URL alive long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 60_000;

/** Fetches an export with the chair key and saves it through a temporary <a download>. */
export async function downloadExport(
  meetingId: string,
  chairKey: string,
  path: ExportPath,
): Promise<HttpReply<string>> {
  const fallback = path.replaceAll('/', '-');
  const reply = await chairGet(meetingId, chairKey, path, async (res) => ({
    name: suggestedName(res, fallback),
    // The bytes as sent: a CSV keeps its BOM.
    blob: await res.blob(),
  }));
  if (!reply.ok) return reply;
  const url = URL.createObjectURL(reply.data.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = reply.data.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return { ok: true, data: reply.data.name };
}
