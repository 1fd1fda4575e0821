// Logs never carry a credential or a secret ballot's content.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, expect, test } from 'vitest';
import { classificationBallot } from '../support/ballots';
import { ADMIN_TOKEN, rosterCsv, startHarness } from '../support/harness';
import { okData, request } from '../support/request';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});
const log = pino({ level: 'debug' }, sink);

let cleanup = () => {};
afterAll(() => cleanup());

test('a whole secret ballot, with HTTP requests carrying tokens, logs no token and no choice', async () => {
  const h = await startHarness(undefined, { log });
  cleanup = () => h.cleanup();
  const meeting = await h.createMeeting({ rosterCsv: rosterCsv(4) });
  const chair = (await h.chair(meeting)).socket;
  const tokens = h.tokens(meeting.meetingId);
  const phones = await Promise.all(tokens.map(async (t) => (await h.delegate(t)).socket));
  for (const t of tokens) await fetch(`${h.url}/d/${t}?x=${t}`);
  await fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
  });
  const { ballotId } = okData(
    await request(
      chair,
      'ballot:create',
      classificationBallot({
        options: [
          { id: 'excellent', label: 'Excellent' },
          { id: 'good', label: 'Good' },
          { id: 'zzsecretchoice', label: 'Z' },
        ],
      }),
    ),
  );
  okData(await request(chair, 'ballot:open', { ballotId }));
  for (const p of phones)
    okData(
      await request(p, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { province: ['zzsecretchoice'] },
      }),
    );
  okData(await request(chair, 'ballot:close', { ballotId }));
  await h.stop();

  const text = lines.join('');
  expect(lines.length).toBeGreaterThan(5);
  expect(text).toContain('round closed');
  for (const secret of [...tokens, meeting.chairKey, meeting.projectorKey, ADMIN_TOKEN, 'zzsecretchoice'])
    expect(text).not.toContain(secret);
});
