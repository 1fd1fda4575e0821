// The page at PUBLIC_URL/j where a phone that cannot scan types the code printed on its badge. Plain
// HTML and a form, no script: it works on any phone, at once. One language at a time, the phone's
// (Accept-Language), with a link to the other.
export type JoinLanguage = 'vi' | 'en';

/** Why the page is shown again after a try. */
export type JoinProblem = 'format' | 'unknown' | 'limited' | 'unavailable';

const TEXT = {
  vi: {
    title: 'Tham gia biểu quyết',
    lead: 'Nhập mã 8 ký tự in trên thẻ đại biểu, bên cạnh mã QR.',
    label: 'Nhập mã trên thẻ',
    go: 'Tiếp tục',
    hint: `Mã gồm chữ in hoa và chữ số (không có 0, 1, I, L, O); có thể gõ chữ thường, có hoặc không có dấu gạch.`,
    problems: {
      format: 'Mã phải có đúng 8 ký tự như in trên thẻ.',
      unknown: 'Không có thẻ nào mang mã này. Hãy kiểm tra lại từng ký tự, hoặc quét mã QR, hoặc hỏi người chủ trì.',
      limited:
        'Đã có quá nhiều lần nhập sai mã. Hãy đợi vài phút rồi thử lại, hoặc quét mã QR trên thẻ, hoặc hỏi người chủ trì.',
      unavailable: 'Máy chủ tạm thời không kiểm tra được mã. Hãy thử lại sau giây lát, hoặc quét mã QR trên thẻ.',
    } satisfies Record<JoinProblem, string>,
    other: 'English',
  },
  en: {
    title: 'Join the vote',
    lead: 'Enter the 8-character code printed on your badge, next to the QR code.',
    label: 'Enter the code on your badge',
    go: 'Continue',
    hint: `The code has capital letters and digits (no 0, 1, I, L, O); lower case and the dash are fine.`,
    problems: {
      format: 'The code has exactly 8 characters, as printed on the badge.',
      unknown: 'No badge has this code. Check each character, or scan the QR code, or ask the chair.',
      limited:
        'Too many wrong codes have been tried. Wait a few minutes and try again, or scan the QR code on the badge, or ask the chair.',
      unavailable: 'The server cannot check codes just now. Try again in a moment, or scan the QR code on the badge.',
    } satisfies Record<JoinProblem, string>,
    other: 'Tiếng Việt',
  },
} as const;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The phone's language: `?lang=` when given, else the first of Accept-Language that we speak. */
export function joinLanguage(query: unknown, acceptLanguage: string | undefined): JoinLanguage {
  if (query === 'vi' || query === 'en') return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().toLowerCase();
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

export function joinPage(language: JoinLanguage, problem: JoinProblem | null = null, typed = ''): string {
  const t = TEXT[language];
  const other: JoinLanguage = language === 'vi' ? 'en' : 'vi';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 1.25rem; max-width: 28rem; color: #111; }
  h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.4rem; }
  input { font: 600 1.6rem ui-monospace, monospace; letter-spacing: 0.1em; width: 100%; box-sizing: border-box;
          padding: 0.5rem; border: 2px solid #444; border-radius: 0.4rem; text-transform: uppercase; }
  button { font-size: 1.15rem; margin-top: 1rem; padding: 0.7rem 1.4rem; border-radius: 0.4rem; border: 0;
           background: #0b5394; color: #fff; width: 100%; }
  .problem { background: #fde8e8; border-left: 4px solid #b00020; padding: 0.6rem 0.8rem; margin: 1rem 0 0; }
  .hint { color: #444; font-size: 0.9rem; }
  .other { display: inline-block; margin-top: 1.5rem; }
</style>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${t.lead}</p>
${problem ? `<p class="problem" role="alert">${t.problems[problem]}</p>` : ''}
<form method="post" action="/j">
  <input type="hidden" name="lang" value="${language}">
  <label for="code">${t.label}</label>
  <input id="code" name="code" value="${escape(typed.slice(0, 20))}" required maxlength="20" autocomplete="off"
         autocapitalize="characters" spellcheck="false" aria-describedby="hint" placeholder="XXXX-XXXX">
  <p id="hint" class="hint">${t.hint}</p>
  <button type="submit">${t.go}</button>
</form>
<a class="other" href="/j?lang=${other}" lang="${other}">${TEXT[other].other}</a>
</main>
</body>
</html>`;
}
