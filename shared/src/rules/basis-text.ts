import type { LegalBasis } from '../tally/types';

/**
 * A legal basis as printed beside the numbers it governs, in one language:
 * "NQ 96/2023/QH15, Điều 19: tỷ lệ trên tổng số phiếu". Without a checked article number the
 * document stands alone: "NQ 96/2023/QH15: …".
 */
export function basisText(basis: LegalBasis, language: 'vi' | 'en'): string {
  const where = basis.article === null ? '' : `, ${basis.article[language]}`;
  return `${basis.source.document[language]}${where}: ${basis.says[language]}`;
}
