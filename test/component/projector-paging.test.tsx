// The projector's long results: rows split into pages by their measured height, a page indicator,
// PageDown / PageUp and the timer turning pages; the language switch that hides when idle; the
// canvas scaled to the screen.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { paginate } from '../../client/src/projector/paginate';
import { bindProjectorSocket } from '../../client/src/projector/bind-projector-socket';
import { ProjectorApp } from '../../client/src/projector/ProjectorApp';
import { initialProjectorState, projectorStore } from '../../client/src/projector/store';
import { FakeSocket } from './support/fake-socket';
import { batchBallot, batchResult, projectorSnapshot } from './support/fixtures';

/** Legend: paginate(row heights, space, columns) → pages of columns of row indices. */
describe('paginate', () => {
  test.each([
    { heights: [10, 10, 10], space: 30, columns: 1, pages: [[[0, 1, 2]]] },
    { heights: [10, 10, 10], space: 25, columns: 1, pages: [[[0, 1]], [[2]]] },
    {
      heights: [10, 10, 10, 10, 10],
      space: 20,
      columns: 2,
      pages: [
        [
          [0, 1],
          [2, 3],
        ],
        [[4]],
      ],
    },
    { heights: [50, 10], space: 20, columns: 1, pages: [[[0]], [[1]]] },
    { heights: [], space: 20, columns: 1, pages: [] },
  ])('$heights in $space over $columns column(s)', ({ heights, space, columns, pages }) => {
    expect(paginate(heights, space, columns)).toEqual(pages);
  });

  test('every row is on exactly one page, in order', () => {
    const heights = Array.from({ length: 60 }, (_, i) => 40 + ((i * 37) % 50));
    const pages = paginate(heights, 600, 2);
    expect(pages.flat(2)).toEqual(heights.map((_, i) => i));
  });
});

describe('paged results on the projector', () => {
  let socket: FakeSocket;
  const restore: (() => void)[] = [];

  /** jsdom lays nothing out: give rows and the pager the sizes a 1080p screen would. */
  function layout(rowHeight: number | ((row: HTMLElement) => number), pagerHeight: number): void {
    const heightOf = (row: HTMLElement) => (typeof rowHeight === 'number' ? rowHeight : rowHeight(row));
    const offset = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
    const client = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (this.hasAttribute('data-row')) return heightOf(this);
        if (this.classList.contains('pager-column'))
          return Array.from(this.querySelectorAll<HTMLElement>('[data-row]'), heightOf).reduce((a, b) => a + b, 40);
        if (this.classList.contains('pager-tail')) return 120;
        return 0;
      },
    });
    Object.defineProperty(Element.prototype, 'clientHeight', {
      configurable: true,
      get(this: Element) {
        return this.classList.contains('pager') ? pagerHeight : 0;
      },
    });
    restore.push(() => {
      Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offset);
      Object.defineProperty(Element.prototype, 'clientHeight', client);
    });
  }

  beforeEach(() => {
    projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
  });

  afterEach(() => {
    cleanup();
    for (const r of restore.splice(0)) r();
    vi.useRealTimers();
    projectorStore.setState(initialProjectorState(), true);
  });

  function show(subjects: number): void {
    socket = new FakeSocket();
    bindProjectorSocket(socket);
    render(<ProjectorApp />);
    const ballot = batchBallot(subjects, { state: 'published' });
    socket.serverEmits('snapshot', projectorSnapshot({ ballot, result: batchResult(ballot) }));
  }

  const visibleUnits = () => screen.queryAllByText(/^Đơn vị \d+$/).map((el) => el.textContent);

  test('a batch of 11 in rows of 100 px, 440 px of space, two columns: 8 a page, then 3, then the warnings', () => {
    layout(100, 440);
    show(11);
    expect(visibleUnits()).toEqual([
      'Đơn vị 1',
      'Đơn vị 2',
      'Đơn vị 3',
      'Đơn vị 4',
      'Đơn vị 5',
      'Đơn vị 6',
      'Đơn vị 7',
      'Đơn vị 8',
    ]);
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.queryByText('Warnings')).toBeNull();

    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
    // Three rows use 340 of 440 px: the warnings (120 px) do not fit under them.
    expect(visibleUnits()).toEqual(['Đơn vị 9', 'Đơn vị 10', 'Đơn vị 11']);
    expect(screen.queryByText('Warnings')).toBeNull();
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(screen.getByText('Page 3 of 3')).toBeInTheDocument();
    expect(visibleUnits()).toEqual([]);
    expect(screen.getByText('Warnings')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'PageUp' });
    expect(screen.getByText('Page 3 of 3')).toBeInTheDocument();
  });

  test('warnings that fit under the last rows share their page', () => {
    layout(100, 440);
    show(9);
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(visibleUnits()).toEqual(['Đơn vị 9']);
    expect(screen.getByText('Warnings')).toBeInTheDocument();
  });

  test('switching the language measures again: longer labels, more pages', () => {
    // Vietnamese level names wrap onto a second line; English ones do not.
    layout((row) => (row.textContent?.includes('Hoàn thành') ? 200 : 100), 440);
    show(11);
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByText('Trang 1 / 4')).toBeInTheDocument();
    expect(visibleUnits()).toEqual(['Đơn vị 1', 'Đơn vị 2', 'Đơn vị 3', 'Đơn vị 4']);
  });

  test('pages turn by themselves every 10 s', () => {
    vi.useFakeTimers();
    layout(100, 440);
    show(11);
    expect(screen.getByText(/Page 1 of/)).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.getByText(/Page 2 of/)).toBeInTheDocument();
  });

  test('a result that fits has no page indicator and shows its warnings', () => {
    layout(40, 1000);
    show(6);
    expect(visibleUnits()).toHaveLength(6);
    expect(screen.queryByText(/Page \d of/)).toBeNull();
    expect(screen.getByText('Warnings')).toBeInTheDocument();
  });
});

describe('the projector frame', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    projectorStore.setState(initialProjectorState(), true);
  });

  test('the language switch hides after a while without the mouse and comes back when it moves', () => {
    vi.useFakeTimers();
    projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
    render(<ProjectorApp />);
    const holder = screen.getByRole('group', { name: 'Language' }).parentElement!;
    expect(holder).not.toHaveClass('idle');
    act(() => {
      vi.advanceTimersByTime(6000);
    });
    expect(holder).toHaveClass('idle');
    fireEvent.pointerMove(window);
    expect(holder).not.toHaveClass('idle');
  });

  test('the canvas is 1920 wide, as tall as the shape of the screen makes it, and scaled to the screen', () => {
    projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
    Object.assign(window, { innerWidth: 1024, innerHeight: 768 });
    render(<ProjectorApp />);
    const canvas = document.querySelector<HTMLElement>('.projector-app')!;
    expect(canvas.style.width).toBe('1920px');
    expect(canvas.style.height).toBe('1440px');
    expect(canvas.style.transform).toBe(`scale(${1024 / 1920})`);
  });
});
