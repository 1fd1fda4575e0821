// The printable badge sheet: A4, eight badges a page. Each badge carries the meeting's title, the
// name and position, the QR code with the join URL under it, a line of instructions in Vietnamese
// and English, and the join code to type at PUBLIC_URL/j where a phone cannot scan (join-code.ts).
// A QR code takes about a millisecond to make, so a whole roster (20,000 members) is made in a
// worker thread and sent as it is made (badge-stream.ts); one badge (a re-issued one) is made here.
// This file is the HTML, wherever it runs.
import QRCode from 'qrcode';
import type { MeetingState } from '../../hall/meeting-state';
import { JOIN_PATH, formatJoinCode, joinCodeOf } from './join-code';
import { joinUrl } from './join-url';

/** What a badge shows: the member and their token (in the QR code, the URL and the code). */
export interface BadgeMember {
  readonly name: string;
  readonly position: string;
  readonly token: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A QR code as an inline SVG string. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** The one line every badge says, in both languages: what to do with it. */
export const BADGE_INSTRUCTION = {
  vi: 'Quét mã QR bằng điện thoại để biểu quyết',
  en: 'Scan the QR code with your phone to vote',
} as const;

export async function badgeHtml(member: BadgeMember, meetingTitle: string, publicUrl: string): Promise<string> {
  const url = joinUrl(publicUrl, member.token);
  const code = formatJoinCode(joinCodeOf(member.token));
  return `<section class="badge">
  <p class="meeting">${escape(meetingTitle)}</p>
  <h2>${escape(member.name)}</h2>
  <p class="position">${escape(member.position)}</p>
  <div class="qr">${await qrSvg(url)}</div>
  <p class="url">${escape(url)}</p>
  <p class="instruction"><span lang="vi">${BADGE_INSTRUCTION.vi}</span> · <span lang="en">${BADGE_INSTRUCTION.en}</span></p>
  <p class="join"><span lang="vi">hoặc mở</span> / <span lang="en">or open</span> <b>${escape(publicUrl + JOIN_PATH)}</b> <span lang="vi">nhập mã</span> / <span lang="en">code</span> <b class="code">${code}</b></p>
</section>
`;
}

export function sheetHead(title: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escape(title)} — Thẻ đại biểu / Delegate badges</title>
<style>
  @page { size: A4; margin: 10mm; }
  body { font-family: system-ui, sans-serif; margin: 0; }
  header { padding: 8mm 0 4mm; }
  header h1 { font-size: 16pt; margin: 0; }
  header p { margin: 2mm 0 0; font-size: 10pt; }
  .sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
  .badge { border: 1px dashed #888; padding: 3mm 4mm; height: 66mm; box-sizing: border-box; break-inside: avoid;
           display: flex; flex-direction: column; align-items: center; text-align: center; overflow: hidden; }
  .badge p { margin: 0; }
  .meeting { font-size: 8pt; color: #333; max-width: 100%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .badge h2 { font-size: 13pt; margin: 1mm 0 0; }
  .position { font-size: 9pt; color: #333; }
  .qr svg { width: 30mm; height: 30mm; display: block; margin: 1mm auto 0; }
  .url { font-family: ui-monospace, monospace; font-size: 5.5pt; word-break: break-all; color: #444; }
  .instruction { font-size: 7.5pt; margin-top: 1mm; }
  .join { font-size: 7.5pt; margin-top: 0.5mm; }
  .code { font-family: ui-monospace, monospace; font-size: 11pt; letter-spacing: 0.05em; }
  @media print { header { display: none; } }
</style>
</head>
<body>
<header>
  <h1>${escape(title)}</h1>
  <p>Thẻ đại biểu: quét mã QR bằng điện thoại để tham gia biểu quyết. / Delegate badges: scan the QR code with your phone to vote.</p>
</header>
<main class="sheet">
`;
}

export const SHEET_TAIL = `</main>
</body>
</html>`;

/**
 * The badges of `only` (a re-issued badge), in roster order: a QR code each, made on the event loop,
 * so only for a few. The whole roster's sheet is made in a worker thread (badge-stream.ts).
 */
export async function renderBadgeSheet(
  state: MeetingState,
  publicUrl: string,
  only: ReadonlySet<string>,
): Promise<string> {
  const members = [...state.delegates.values()].filter((d) => only.has(d.id)).sort((a, b) => a.ordinal - b.ordinal);
  const title = state.meeting.title;
  const badges = await Promise.all(members.map((d) => badgeHtml(d, title, publicUrl)));
  return sheetHead(title) + badges.join('') + SHEET_TAIL;
}
