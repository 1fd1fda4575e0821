// The Vietnamese minutes as a Party document (issue 16), field by field for each ballot kind: the
// document header from the meeting's settings, times in the meeting's time zone as Vietnamese
// writes them, "phiếu biểu quyết" or "phiếu bầu" by kind, labels that each mean one number, the seal
// explained in words, and no English.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_MEETING_SETTINGS,
  MOTION_OPTIONS,
  type MeetingExport,
  type MeetingSettings,
  type RoundExport,
} from '@hallvote/shared';
import { MinutesPage } from '../../client/src/chair/minutes/MinutesPage';
import { chairStore } from '../../client/src/chair/store';
import { textOf } from '../../client/src/i18n';
import { minutesText } from '../../client/src/i18n/minutes';
import { englishIn } from '../support/english';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { stubFetch } from './support/fetch-stub';
import { RULES, classificationBallot, hallStoryExport } from './support/fixtures';
import { exportOf, resultOf } from './support/rules-fixtures';

const PARTY: MeetingSettings = {
  address: 'dong-chi',
  timeZone: 'Asia/Ho_Chi_Minh',
  header: {
    issuer: ['ĐẢNG BỘ TỈNH BẮC NINH', 'BAN CHẤP HÀNH'],
    national: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
    place: 'Bắc Ninh',
  },
};

function meetingExport(round: RoundExport, settings: MeetingSettings): MeetingExport {
  return {
    format: 'hallvote-export',
    version: 1,
    // 20:20 UTC is 03:20 the next day in Hà Nội: the date line must say the 11th.
    exportedAt: '2024-01-10T20:20:00.000Z',
    meeting: { id: 'm1', title: 'Hội nghị Ban Chấp hành', rules: RULES, createdAt: '', settings },
    delegates: [],
    rounds: [round],
    audit: [],
  };
}

async function minutes(round: RoundExport, settings: MeetingSettings = PARTY): Promise<string> {
  stubFetch({
    [`/api/meetings/m1/rounds/${round.ballot.id}/${round.round}.json`]: round,
    '/api/meetings/m1/export.json': meetingExport(round, settings),
  });
  chairStore.setState({ language: 'vi' });
  render(<MinutesPage meetingId="m1" chairKey="k" ballotId={round.ballot.id} round={round.round} />);
  await screen.findByRole('heading', { level: 1 });
  return document.querySelector('.minutes')?.textContent ?? '';
}

const fact = (name: string) => within(screen.getByRole('region', { name })).getAllByRole('definition')[0];
const row = (name: string | RegExp) =>
  (screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement).querySelector('td')?.textContent;

function motionExport(): RoundExport {
  const ballot = classificationBallot({
    id: 'mo',
    title: 'Thông qua Nghị quyết',
    kind: 'motion',
    secret: false,
    subjects: [{ id: 'motion', label: 'Nghị quyết' }],
    options: [...MOTION_OPTIONS],
    state: 'published',
    closedAt: '2024-01-10T08:10:00.000Z',
    publishedAt: '2024-01-10T08:12:00.000Z',
  });
  const records = Array.from({ length: 40 }, (_, i) => ({ marks: { motion: [i < 38 ? 'yes' : 'no'] } }));
  // One member excused: 53 convened, 52 counted, 40 present.
  return exportOf(ballot, RULES, resultOf(ballot, RULES, records, { roster: 53, present: 40, excusedAbsent: 1 }));
}

function electionExport(): RoundExport {
  const ballot = classificationBallot({
    id: 'el',
    title: 'Bầu Bí thư',
    kind: 'election',
    seats: 1,
    subjects: [{ id: 'election', label: 'Bầu Bí thư' }],
    options: [
      { id: 'c1', label: 'Nguyễn Văn An' },
      { id: 'c2', label: 'Trần Thị Bình' },
    ],
    state: 'published',
    closedAt: '2024-01-10T08:10:00.000Z',
    publishedAt: '2024-01-10T08:12:00.000Z',
  });
  const records = Array.from({ length: 49 }, (_, i) => ({ marks: { election: [i < 45 ? 'c1' : 'c2'] } }));
  return exportOf(ballot, RULES, resultOf(ballot, RULES, records, { roster: 53, present: 49, excusedAbsent: 0 }));
}

resetChairStoreAroundEachTest();

describe('the Party document header', () => {
  test('the issuing body, ĐẢNG CỘNG SẢN VIỆT NAM, and the place and date in the meeting’s time zone', async () => {
    await minutes(hallStoryExport());
    const header = within(screen.getByRole('group', { name: 'Tiêu đề văn bản' }));
    expect(header.getByText('ĐẢNG BỘ TỈNH BẮC NINH')).toBeInTheDocument();
    expect(header.getByText('BAN CHẤP HÀNH')).toBeInTheDocument();
    expect(header.getByText('ĐẢNG CỘNG SẢN VIỆT NAM')).toBeInTheDocument();
    expect(header.getByText('Bắc Ninh, ngày 11 tháng 01 năm 2024')).toBeInTheDocument();
  });

  test('a meeting that named no issuer or place gets dotted lines to fill in by hand', async () => {
    await minutes(hallStoryExport(), DEFAULT_MEETING_SETTINGS);
    const header = within(screen.getByRole('group', { name: 'Tiêu đề văn bản' }));
    expect(header.getByText('……………………, ngày 11 tháng 01 năm 2024')).toBeInTheDocument();
    expect(header.getByText('ĐẢNG CỘNG SẢN VIỆT NAM')).toBeInTheDocument();
  });
});

test('the date line as an administrative document writes it: a leading zero for days below 10 and months 1 and 2', () => {
  const vi = textOf(minutesText, 'vi', 'dong-chi').document;
  expect(vi.placeDate('Hà Nội', '5', '2', '2026')).toBe('Hà Nội, ngày 05 tháng 02 năm 2026');
  expect(vi.placeDate('Hà Nội', '26', '11', '2026')).toBe('Hà Nội, ngày 26 tháng 11 năm 2026');
  expect(textOf(minutesText, 'en', 'dong-chi').document.placeDate('Hà Nội', '05', '02', '2026')).toBe(
    'Hà Nội, 5 February 2026',
  );
});

describe('times', () => {
  test('in the meeting’s time zone, as Vietnamese writes them: never "UTC"', async () => {
    const text = await minutes(hallStoryExport());
    // Opened 08:00 UTC = 15:00 in Hà Nội.
    expect(fact('Thời gian')).toHaveTextContent('15:00:00 ngày 10/01/2024');
    expect(text).toContain('Lập từ dữ liệu của máy chủ lúc 03:20:00 ngày 11/01/2024.');
    expect(text).not.toMatch(/UTC|GMT/);
  });

  test('another time zone when the meeting set one', async () => {
    await minutes(hallStoryExport(), { ...PARTY, timeZone: 'Asia/Tokyo' });
    expect(fact('Thời gian')).toHaveTextContent('17:00:00 ngày 10/01/2024');
  });
});

describe('field by field, each kind', () => {
  test('a classification: "phiếu biểu quyết", "Kết quả xếp loại", the counts with their bases', async () => {
    const text = await minutes(hallStoryExport());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Biên bản kiểm phiếu');
    expect(screen.getByRole('heading', { name: 'Phiếu biểu quyết' })).toBeInTheDocument();
    expect(row('Tổng số đồng chí được triệu tập')).toBe('53');
    expect(row(/^Số đồng chí vắng mặt có lý do/)).toBe('0');
    expect(row(/^Số đồng chí được tính/)).toBe('53');
    expect(row(/^Số đồng chí có mặt khi kết thúc/)).toBe('49');
    expect(row('Số phiếu phát ra')).toBeDefined();
    expect(text).toContain('Kết quả xếp loại: Hoàn thành tốt nhiệm vụ');
    expect(text).not.toMatch(/Thông qua: Hoàn thành/);
    expect(englishIn(text)).toEqual([]);
  });

  test('a motion with one member excused: "triệu tập" is 53, the base of the percentages is 52 "được tính"', async () => {
    const text = await minutes(motionExport());
    expect(screen.getByRole('heading', { name: 'Phiếu biểu quyết' })).toBeInTheDocument();
    expect(row('Tổng số đồng chí được triệu tập')).toBe('53');
    expect(row(/^Số đồng chí vắng mặt có lý do/)).toBe('1');
    expect(row(/^Số đồng chí được tính/)).toBe('52');
    expect(row(/^Số đồng chí có mặt khi kết thúc/)).toBe('40');
    // One label, one number: "được triệu tập" never names the 52.
    expect(text).not.toMatch(/được triệu tập\s*\(?52/);
    expect(text).toMatch(/số đồng chí được tính \(52\)/);
    expect(text).toContain('Được thông qua.');
    expect(englishIn(text)).toEqual([]);
  });

  test('an election: "phiếu bầu", the elected by name, no rule that belongs to a classification', async () => {
    const text = await minutes(electionExport());
    expect(screen.getByRole('heading', { name: 'Phiếu bầu' })).toBeInTheDocument();
    expect(text).toContain('Trúng cử: Nguyễn Văn An.');
    expect(text).not.toMatch(/cộng số phiếu của mức cao hơn|Giới hạn:/);
    expect(englishIn(text)).toEqual([]);
  });

  test('a People’s Council’s minutes count "đại biểu" and are presided by the "chủ tọa"', async () => {
    await minutes(hallStoryExport(), { ...PARTY, address: 'dai-bieu' });
    expect(row('Tổng số đại biểu được triệu tập')).toBe('53');
    expect(screen.getByRole('group', { name: 'Chủ tọa hội nghị' })).toBeInTheDocument();
  });
});

test('the seal is explained in words for people, never as a command', async () => {
  const text = await minutes(hallStoryExport());
  const seal = within(screen.getByRole('region', { name: 'Niêm phong' }));
  expect(seal.getByText(/dấu vân tay/)).toBeInTheDocument();
  expect(seal.getByText(/tính lại mã/)).toBeInTheDocument();
  expect(text).not.toMatch(/npm|verify|--head|<export/);
});
