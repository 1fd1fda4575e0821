import type { LegalBasis, LegalSource, Localized } from '../tally/types';

// The legal texts the Vietnamese presets cite. docs/legal-sources.md lists the published copies
// and official summaries each was checked against. Where an article number could not be checked
// against the text, `article` is null rather than a guess.

export const NQ_96_2023 = {
  document: { vi: 'NQ 96/2023/QH15', en: 'Resolution 96/2023/QH15' },
  date: '2023-06-23',
} as const satisfies LegalSource;

export const NQ_85_2014 = {
  document: { vi: 'NQ 85/2014/QH13', en: 'Resolution 85/2014/QH13' },
  date: '2014-11-28',
} as const satisfies LegalSource;

export const QD_124 = {
  document: { vi: 'Quy định 124-QĐ/TW', en: 'Regulation 124-QĐ/TW' },
  date: '2023-10-04',
} as const satisfies LegalSource;

export const QD_366 = {
  document: { vi: 'Quy định 366-QĐ/TW', en: 'Regulation 366-QĐ/TW' },
  date: '2025-08-30',
} as const satisfies LegalSource;

export const HD_43 = {
  document: { vi: 'Hướng dẫn 43-HD/BTCTW', en: 'Guidance 43-HD/BTCTW' },
  date: '2025-10-31',
} as const satisfies LegalSource;

export const QD_190 = {
  document: { vi: 'Quyết định 190-QĐ/TW (Quy chế bầu cử trong Đảng)', en: 'Decision 190-QĐ/TW (Party election rules)' },
  date: '2024-10-10',
} as const satisfies LegalSource;

/** "Điều n" / "Art. n", or with a clause "Điều n, khoản k" / "Art. n(k)". */
export function article(n: number, clause?: number): Localized {
  return clause === undefined
    ? { vi: `Điều ${n}`, en: `Art. ${n}` }
    : { vi: `Điều ${n}, khoản ${clause}`, en: `Art. ${n}(${clause})` };
}

export function basis(source: LegalSource, articleOf: Localized | null, vi: string, en: string): LegalBasis {
  return { source, article: articleOf, says: { vi, en } };
}
