// Which page of the chair entry a path opens. Unknown shapes open nothing rather than the console
// of a meeting called "minutes".
import { describe, expect, test } from 'vitest';
import { minutesPath, parseChairRoute } from '../../client/src/chair/chair-route';

describe('parseChairRoute', () => {
  test.each([
    ['/chair/m1', { page: 'console', meetingId: 'm1' }],
    ['/chair/m1/', { page: 'console', meetingId: 'm1' }],
    ['/chair/m1/badges', { page: 'badges', meetingId: 'm1' }],
    ['/chair/m1/minutes/b1/1', { page: 'minutes', meetingId: 'm1', ballotId: 'b1', round: 1 }],
    ['/chair/m1/minutes/b1/12/', { page: 'minutes', meetingId: 'm1', ballotId: 'b1', round: 12 }],
  ])('%s', (path, route) => {
    expect(parseChairRoute(path)).toEqual(route);
  });

  test.each([
    '/chair/',
    '/d/m1',
    '/chair/m1/minutes/b1',
    '/chair/m1/minutes/b1/0',
    '/chair/m1/minutes/b1/x',
    '/chair/m1/minutes/b1/1/2',
    '/chair/m1/other',
    '/chair/m1/badges/x',
    '/chair/%E0%A4%A',
  ])('%s is no page', (path) => {
    expect(parseChairRoute(path)).toBeNull();
  });

  test('minutesPath is what parseChairRoute reads back', () => {
    expect(parseChairRoute(minutesPath('a b', 'c/d', 3))).toEqual({
      page: 'minutes',
      meetingId: 'a b',
      ballotId: 'c/d',
      round: 3,
    });
  });
});
