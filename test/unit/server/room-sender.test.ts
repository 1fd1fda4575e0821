// Announcements to a large room go out a slice per turn of the event loop, in order per room, to
// the sockets in the room when they were made.
import { expect, test } from 'vitest';
import { RoomSender, type RoomServer } from '../../../server/src/features/sync/room-sender';

/** Just what RoomSender uses of a socket.io server: room membership, and emitting to rooms or ids. */
function fakeIo(rooms: Map<string, Set<string>>) {
  const heard = new Map<string, string[]>();
  const writes: number[] = [];
  const io = {
    sockets: { adapter: { rooms } },
    local: {
      to(target: string | string[]) {
        return {
          emit(event: string) {
            const ids = Array.isArray(target) ? target : [...(rooms.get(target) ?? [])];
            writes.push(ids.length);
            for (const id of ids) heard.set(id, [...(heard.get(id) ?? []), event]);
          },
        };
      },
    },
  };
  return { io: io as RoomServer, heard, writes };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('a small room is sent to at once; a large one a slice per turn, in order, to its members of the moment', async () => {
  const phones = new Set(Array.from({ length: 25 }, (_, i) => `p${i}`));
  const rooms = new Map([
    ['m:delegate', phones],
    ['m:chair', new Set(['c'])],
  ]);
  const { io, heard, writes } = fakeIo(rooms);
  const sender = new RoomSender(io, 10);
  sender.send('m:chair', 'small', {});
  expect(heard.get('c')).toEqual(['small']);
  sender.send('m:delegate', 'first', {});
  // The first slice goes out at once, the rest on later turns.
  expect(writes).toEqual([1, 10]);
  phones.add('late');
  sender.send('m:delegate', 'second', {});
  for (let i = 0; i < 10; i += 1) await turn();
  expect(writes).toEqual([1, 10, 10, 5, 10, 10, 6]);
  for (let i = 0; i < 25; i += 1) expect(heard.get(`p${i}`)).toEqual(['first', 'second']);
  expect(heard.get('late')).toEqual(['second']);
});

test('stop drops what is left to send', async () => {
  const rooms = new Map([['r', new Set(Array.from({ length: 30 }, (_, i) => `p${i}`))]]);
  const { io, writes } = fakeIo(rooms);
  const sender = new RoomSender(io, 10);
  sender.send('r', 'e', {});
  sender.stop();
  await turn();
  await turn();
  expect(writes).toEqual([10]);
});

test("drop forgets one room's queue and leaves the others", async () => {
  const rooms = new Map([
    ['a', new Set(Array.from({ length: 30 }, (_, i) => `a${i}`))],
    ['b', new Set(Array.from({ length: 30 }, (_, i) => `b${i}`))],
  ]);
  const { io, heard } = fakeIo(rooms);
  const sender = new RoomSender(io, 10);
  sender.send('a', 'e', {});
  sender.send('b', 'e', {});
  sender.drop('a');
  for (let i = 0; i < 5; i += 1) await turn();
  expect([...heard.keys()].filter((id) => id.startsWith('a'))).toHaveLength(10);
  expect([...heard.keys()].filter((id) => id.startsWith('b'))).toHaveLength(30);
});
