// A kill -9 in the middle of a big roster import (a real server process, SIGKILL, restarted on the
// same data): the roster is the one before or the one imported, whole, never half or mixed.
import { expect, test, describe } from 'vitest';
import { MAX_ROSTER, type ChairSnapshot, type RosterLine } from '@hallvote/shared';
import { rosterCsv } from '../support/harness';
import { ChildServer } from '../support/child-server';
import { ask, connectRole, createMeetingHttp } from './support/hall-client';
import { faultSeed, seededRandom, sleep } from './support/random';

describe('kill -9 in the middle of a big import', () => {
  test('the roster is the one before or the one imported, whole, never half or mixed', async () => {
    const rnd = seededRandom(faultSeed());
    const server = await ChildServer.start();
    try {
      const m = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: rosterCsv(5) });
      const auth = { role: 'chair', meetingId: m.meetingId, key: m.chairKey };
      // Import k has MAX_ROSTER - k members, each named after it: sizes and names tell them apart.
      const big = (k: number): RosterLine[] =>
        Array.from({ length: MAX_ROSTER - k }, (_, i) => ({
          line: i + 2,
          name: `R${k} Thành viên ${i + 1}`,
          position: `Đơn vị ${i % 97}`,
          group: `G${i % 7}`,
        }));
      // How long a whole import takes here, so that the kill can fall inside one.
      const first = await connectRole(server.url, auth);
      const t0 = Date.now();
      expect((await ask(first.socket, 'roster:import', { lines: big(0), mode: 'replace' })).ok).toBe(true);
      const took = Date.now() - t0;
      first.socket.close();
      let before = 0;
      const outcomes: string[] = [];
      for (let k = 1; k <= 3; k += 1) {
        const { socket } = await connectRole(server.url, auth);
        void ask(socket, 'roster:import', { lines: big(k), mode: 'replace' });
        await sleep(rnd.int(0, took * 2));
        await server.kill9();
        socket.close();
        await server.restart();
        const { socket: again, snapshot } = await connectRole(server.url, auth);
        const names = (snapshot as ChairSnapshot).delegates.map((d) => d.name);
        const imports = new Set(names.map((n) => n.split(' ')[0]));
        expect(imports.size).toBe(1);
        const now = Number([...imports][0]?.slice(1));
        expect([before, k]).toContain(now);
        expect(names.length).toBe(MAX_ROSTER - now);
        outcomes.push(now === k ? 'imported' : 'as before');
        before = now;
        again.close();
      }
      expect(outcomes.length).toBe(3);
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});
