// The printable badge sheet: A4, eight badges a page, each with the name, position, the QR code
// and the join URL printed under it (a phone without a camera app can type it). A QR code takes
// about a millisecond to make, so a roster of 20,000 is made in a worker thread and sent as it is
// made (badge-stream.ts); this file is the HTML, wherever it runs.
import QRCode from 'qrcode';
import { joinUrl } from './join-url';

/** What a badge shows: the member and their token (in the QR code and the URL). */
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

export async function badgeHtml(member: BadgeMember, publicUrl: string): Promise<string> {
  const url = joinUrl(publicUrl, member.token);
  return `<section class="badge">
  <h2>${escape(member.name)}</h2>
  <p class="position">${escape(member.position)}</p>
  <div class="qr">${await qrSvg(url)}</div>
  <p class="url">${escape(url)}</p>
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
  .sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
  .badge { border: 1px dashed #888; padding: 4mm; height: 62mm; box-sizing: border-box; break-inside: avoid;
           display: flex; flex-direction: column; align-items: center; text-align: center; }
  .badge h2 { font-size: 14pt; margin: 0; }
  .position { font-size: 10pt; margin: 1mm 0; color: #333; }
  .qr svg { width: 36mm; height: 36mm; }
  .url { font-family: ui-monospace, monospace; font-size: 7pt; word-break: break-all; margin: 1mm 0 0; }
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
