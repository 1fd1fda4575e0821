// The console's two outward links: the printable badge sheet and the projector view.
import type { ErrorBody } from '@hallvote/shared';
import type { NoAnswer } from '../socket';

export type BadgeSheetOutcome = { readonly ok: true } | { readonly ok: false; readonly popupBlocked: true } | ErrorBody | NoAnswer;

/**
 * Fetches the badge sheet with the chair key as a Bearer token (never in a URL) and writes it
 * into a new window. The window is opened first, inside the click, or pop-up blockers stop it.
 */
export async function openBadgeSheet(meetingId: string, chairKey: string): Promise<BadgeSheetOutcome> {
  const win = window.open('', '_blank');
  if (!win) return { ok: false, popupBlocked: true };
  try {
    const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/badges`, {
      headers: { authorization: `Bearer ${chairKey}` },
    });
    if (!res.ok) {
      win.close();
      const body = (await res.json().catch(() => null)) as ErrorBody | null;
      return body ?? { ok: false, error: 'INTERNAL', message: `HTTP ${res.status}` };
    }
    const html = await res.text();
    win.document.open();
    win.document.write(html);
    win.document.close();
    return { ok: true };
  } catch {
    win.close();
    return { ok: false, error: 'NO_ANSWER', message: 'The server could not be reached.' };
  }
}

export function projectorUrl(meetingId: string, projectorKey: string): string {
  return `${window.location.origin}/p/${encodeURIComponent(meetingId)}#key=${encodeURIComponent(projectorKey)}`;
}

/** Copies text; the Clipboard API needs a secure context, which a hall LAN often is not. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  return done;
}
