// Finds English inside a text meant to be Vietnamese (issue 16): any string of an English dictionary
// that its Vietnamese twin does not share, and any run of three or more English words. Proper nouns
// and the names of formats are allowed (ALLOWED).
import { adminText } from '../../client/src/i18n/admin';
import { anchorText } from '../../client/src/i18n/anchor';
import { chairText } from '../../client/src/i18n/chair';
import { commonText } from '../../client/src/i18n/common';
import { delegateText } from '../../client/src/i18n/delegate';
import { minutesText } from '../../client/src/i18n/minutes';
import { minutesTrustText } from '../../client/src/i18n/minutes-trust';
import { projectorText } from '../../client/src/i18n/projector';
import { proxyText } from '../../client/src/i18n/proxies';
import { rosterText } from '../../client/src/i18n/roster';
import { rulesText } from '../../client/src/i18n/rules';
import { trustText } from '../../client/src/i18n/trust';

/** Words that may stand in a Vietnamese text as they are (names, formats, the projector's "QR"). */
const ALLOWED = ['SHA-256', 'JSON', 'CSV', 'HTTPS', 'HTTP', 'UTF-8', 'QR', 'PDF', 'Tiếng Việt', 'English'];

/** Common English words: three ASCII words in a row with one of these is an English phrase. */
const ENGLISH_WORDS = new Set(
  (
    'the a an of to in on at for and or not no is are was be been has have had with from by this that these ' +
    'your you it its as if then than when who whom which what can cannot must will would should may one all ' +
    'any each every more less only yet still do does did vote votes voted ballot ballots member members round ' +
    'result results chair present absent eligible quorum needed open closed'
  ).split(' '),
);

function leaves(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  return out;
}

const DICTIONARIES = [
  adminText,
  anchorText,
  chairText,
  commonText,
  delegateText,
  minutesText,
  minutesTrustText,
  projectorText,
  proxyText,
  rosterText,
  rulesText,
  trustText,
];

/** English dictionary strings of two words or more that no Vietnamese dictionary also holds. */
const ENGLISH_STRINGS: readonly string[] = (() => {
  const vi = new Set(DICTIONARIES.flatMap((d) => leaves(d.vi, [])));
  return [...new Set(DICTIONARIES.flatMap((d) => leaves(d.en, [])))].filter(
    (s) => !vi.has(s) && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(s),
  );
})();

/** What in `text` is English: dictionary strings found whole, and runs of 3+ English words. */
export function englishIn(text: string): string[] {
  let rest = text;
  for (const a of ALLOWED) rest = rest.split(a).join(' ');
  // Codes are not words: receipts and join codes ("K7Q2-MXWA"), whose list items run together in
  // textContent ("…X29A-DGPFJPGH-M8…" once read as "A DGPFJPGH M", and "a" is English).
  rest = rest.replace(/[A-Z0-9]+(?:-[A-Z0-9]+)+/g, ' ');
  const found = ENGLISH_STRINGS.filter((s) => rest.includes(s));
  // Words of ASCII letters only, whole: a Vietnamese word with a mark is a boundary, not a letter.
  for (const run of rest.match(/(?<![\p{L}\p{M}'’])[A-Za-z'’]+(?:[ ,.:;-]+[A-Za-z'’]+){2,}(?![\p{L}\p{M}'’])/gu) ?? [])
    if (run.split(/[ ,.:;-]+/).some((w) => ENGLISH_WORDS.has(w.toLowerCase()))) found.push(run);
  return found;
}
