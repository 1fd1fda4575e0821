// The English finder the Vietnamese tests use (test/support/english.ts): English prose is found,
// codes are not words. CI once failed the printed minutes on the receipts annex, whose list items
// run together in textContent ("…X29A-DGPFJPGH-M8…" read as "A DGPFJPGH M": "a" is English).
import { expect, test } from 'vitest';
import { englishIn } from '../../support/english';

test('receipts and join codes run together are not English', () => {
  expect(englishIn('Mã biên nhận: X29A-DGPFJPGH-M8KQ-2345')).toEqual([]);
  expect(englishIn('nhập mã K7Q2-MXWA tại trang')).toEqual([]);
});

test('English prose is still found, beside a code or not', () => {
  expect(englishIn('Mã X29A-DGPF: the vote is closed')).toEqual(['the vote is closed']);
  expect(englishIn('Phiếu đã đóng. Voting had closed: your vote was not recorded.')).not.toEqual([]);
});
