// The projector apart from the phones (issue 15): the console's projector panel, and what the
// projector itself shows when the chair blanks it, holds it on the title slide, or hides a result.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { bindProjectorSocket } from '../../client/src/projector/bind-projector-socket';
import { ProjectorApp } from '../../client/src/projector/ProjectorApp';
import { initialProjectorState, projectorStore } from '../../client/src/projector/store';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { chairSnapshot, classificationBallot, hallStoryResult, projectorSnapshot } from './support/fixtures';

let socket: FakeSocket;

describe('the console’s projector panel', () => {
  resetChairStoreAroundEachTest();

  function start() {
    socket = new FakeSocket();
    bindChairSocket(socket);
    render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
    socket.serverEmits('snapshot', chairSnapshot());
    return within(screen.getByRole('region', { name: 'Projector' }));
  }

  test('live, blank or the title slide with a line: the pressed button follows the server', async () => {
    const panel = start();
    expect(panel.getByRole('button', { name: 'Live view' })).toHaveAttribute('aria-pressed', 'true');
    await act(async () => {
      fireEvent.click(panel.getByRole('button', { name: 'Blank screen' }));
    });
    fireEvent.change(panel.getByLabelText('Line under the title (optional)'), {
      target: { value: ' Nghỉ giải lao 15 phút ' },
    });
    fireEvent.click(panel.getByRole('button', { name: 'Title slide' }));
    expect(socket.sent('projector:set-screen')).toEqual([
      { mode: 'blank', slideText: '' },
      { mode: 'slide', slideText: 'Nghỉ giải lao 15 phút' },
    ]);
    socket.serverEmits('console:projector-updated', {
      seq: 4,
      projector: { mode: 'slide', slideText: 'Nghỉ giải lao 15 phút', resultShown: true },
    });
    expect(panel.getByRole('button', { name: 'Title slide' })).toHaveAttribute('aria-pressed', 'true');
    expect(panel.getByRole('button', { name: 'Live view' })).toHaveAttribute('aria-pressed', 'false');
  });

  test('the result: hidden and shown again, apart from publishing', () => {
    const panel = start();
    expect(panel.getByText('shown once published')).toBeInTheDocument();
    fireEvent.click(panel.getByRole('button', { name: 'Hide the result' }));
    expect(socket.sent('projector:show-result')).toEqual([{ shown: false }]);
    socket.serverEmits('console:projector-updated', {
      seq: 4,
      projector: { mode: 'live', slideText: '', resultShown: false },
    });
    expect(panel.getByText('hidden')).toBeInTheDocument();
    expect(panel.getByRole('button', { name: 'Show the result' })).toBeInTheDocument();
  });
});

describe('the projector', () => {
  beforeEach(() => {
    projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
  });
  afterEach(() => {
    cleanup();
    localStorage.clear();
    projectorStore.setState(initialProjectorState(), true);
  });

  function start(snapshot = projectorSnapshot()): void {
    socket = new FakeSocket();
    bindProjectorSocket(socket);
    render(<ProjectorApp />);
    socket.serverEmits('snapshot', snapshot);
  }

  test('blank: nothing of the meeting is on screen; the title slide: the title and the line', () => {
    start(projectorSnapshot({ ballot: classificationBallot() }));
    expect(screen.getByRole('heading', { name: 'Xếp loại Đảng bộ tỉnh năm 2023' })).toBeInTheDocument();
    socket.serverEmits('projector:updated', {
      seq: 3,
      screen: { mode: 'blank', slideText: '', resultShown: true },
      result: null,
      anchor: null,
    });
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByText('Hội nghị Ban Chấp hành Đảng bộ tỉnh')).not.toBeInTheDocument();
    socket.serverEmits('projector:updated', {
      seq: 4,
      screen: { mode: 'slide', slideText: 'Nghỉ giải lao 15 phút', resultShown: true },
      result: null,
      anchor: null,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh' })).toBeInTheDocument();
    expect(screen.getByText('Nghỉ giải lao 15 phút')).toBeInTheDocument();
    expect(screen.queryByText('Xếp loại Đảng bộ tỉnh năm 2023')).not.toBeInTheDocument();
  });

  test('a published result hidden by the chair is taken off, and comes back when shown', () => {
    const published = classificationBallot({ state: 'published' });
    start(projectorSnapshot({ ballot: published, result: hallStoryResult(published) }));
    expect(screen.getByText('Adopted: Good')).toBeInTheDocument();
    socket.serverEmits('projector:updated', {
      seq: 3,
      screen: { mode: 'live', slideText: '', resultShown: false },
      result: null,
      anchor: null,
    });
    expect(screen.queryByText('Adopted: Good')).not.toBeInTheDocument();
    socket.serverEmits('projector:updated', {
      seq: 4,
      screen: { mode: 'live', slideText: '', resultShown: true },
      result: hallStoryResult(published),
      anchor: null,
    });
    expect(screen.getByText('Adopted: Good')).toBeInTheDocument();
  });
});
