// /chair/<meetingId>/badges: the server's badge sheet as the whole page, so the browser prints it
// exactly as rendered. The chair key goes as a Bearer token, as for the console's button.
import type { Refusal } from '../reply';
import { asText, chairGet } from './chair-http';
import { replaceDocument } from './header-actions';

/** Replaces this document with the badge sheet, or answers why it could not be fetched. */
export async function showBadgeSheet(meetingId: string, chairKey: string): Promise<Refusal | null> {
  const reply = await chairGet(meetingId, chairKey, 'badges', asText);
  if (!reply.ok) return reply;
  replaceDocument(document, reply.data);
  return null;
}
