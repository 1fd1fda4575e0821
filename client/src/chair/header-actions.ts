// The console's two outward links: the printable badge sheet and the projector view.
import type { Refusal } from '../reply';
import { asText, badgePath, chairGet } from './chair-http';

export type BadgeSheetOutcome = { readonly ok: true } | { readonly ok: false; readonly popupBlocked: true } | Refusal;

/**
 * Fetches the badge sheet (every badge, or one member's) with the chair key as a Bearer token
 * (never in a URL) and writes it into a new window. The window is opened first, inside the click,
 * or pop-up blockers stop it.
 */
export async function openBadgeSheet(
  meetingId: string,
  chairKey: string,
  delegateId?: string,
): Promise<BadgeSheetOutcome> {
  const win = window.open('', '_blank');
  if (!win) return { ok: false, popupBlocked: true };
  const reply = await chairGet(meetingId, chairKey, badgePath(delegateId), asText);
  if (!reply.ok) {
    win.close();
    return reply;
  }
  replaceDocument(win.document, reply.data);
  return { ok: true };
}

/** Replaces a whole document with server-rendered HTML, so it prints exactly as rendered. */
export function replaceDocument(doc: Document, html: string): void {
  doc.open();
  doc.write(html);
  doc.close();
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
