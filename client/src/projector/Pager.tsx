// Shows rows that do not fit the screen a page at a time, turning by itself (and with PageDown /
// PageUp, which presenter remotes send), so that every subject, count and warning is on screen at
// some point of each cycle. Rows are measured in the page itself before the first paint: what is
// paged is what would have been shown, never an estimate.
import { useEffect, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { useLanguage } from '../i18n';
import { paginate, type Page } from './paginate';
import { projectorStore } from './store';

/** Seconds each page stays up; `?pageSeconds=` in the projector's address changes it. */
export function pageSeconds(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('pageSeconds'));
  return Number.isFinite(asked) && asked >= 0.2 ? asked : 10;
}

interface Props {
  /** The rows, each keyed and carrying `data-row`. */
  readonly rows: readonly ReactElement[];
  readonly columns: number;
  /** Wraps one column's rows (a table with its header, a list). */
  readonly column: (rows: ReactNode, index: number) => ReactNode;
  /** Full-width blocks after the rows (warnings): on the last page if they fit there, else on their own. */
  readonly tail?: ReactNode;
}

interface Layout {
  readonly for: string;
  readonly pages: Page[];
  /** The page that shows the tail; may be one past the rows' pages. */
  readonly tailPage: number;
}

function useBoxSize(ref: React.RefObject<HTMLElement | null>): string {
  const [size, setSize] = useState('');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setSize(`${el.clientWidth}x${el.clientHeight}`));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function Pager({ rows, columns, column, tail }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  // Rows are measured again when they change, when the space changes, and when the language does
  // (the same rows, other words, other heights).
  const language = useLanguage();
  const content = `${rows.map((r) => String(r.key)).join('|')}#${columns}#${language}`;
  const [layout, setLayout] = useState<Layout | null>(null);
  const [page, setPage] = useState(0);
  const key = `${content}@${size}`;
  const pages = layout?.for === key ? layout.pages : null;

  // Measure: every row in one column of the real width, then split by the space there is.
  useLayoutEffect(() => {
    if (pages !== null) return;
    const el = box.current;
    const measured = el?.querySelector<HTMLElement>('.pager-column');
    if (!el || !measured) return;
    const heights = Array.from(measured.querySelectorAll<HTMLElement>('[data-row]'), (r) => r.offsetHeight);
    const chrome = measured.offsetHeight - heights.reduce((a, b) => a + b, 0);
    const available = el.clientHeight;
    const found = paginate(heights, available - chrome, columns);
    const next = found.length > 0 ? found : [[rows.map((_, i) => i)]];
    const tailHeight = el.querySelector<HTMLElement>('.pager-tail')?.offsetHeight ?? 0;
    const last = next[next.length - 1] ?? [];
    const lastUsed = Math.max(0, ...last.map((c) => chrome + c.reduce((sum, i) => sum + (heights[i] ?? 0), 0)));
    const tailPage = tailHeight === 0 || lastUsed + tailHeight <= available ? next.length - 1 : next.length;
    setLayout({ for: key, pages: next, tailPage });
    setPage(0);
  }, [pages, key, columns, rows]);

  const count = pages ? Math.max(pages.length, (layout?.tailPage ?? 0) + 1) : 1;
  useEffect(() => {
    projectorStore.setState({ pageInfo: count > 1 ? { page, pages: count } : null });
  }, [page, count]);
  useEffect(() => () => projectorStore.setState({ pageInfo: null }), []);

  useEffect(() => {
    if (count < 2) return undefined;
    const timer = setInterval(() => setPage((p) => (p + 1) % count), pageSeconds() * 1000);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'PageDown' || e.key === 'ArrowRight' || e.key === ' ') setPage((p) => (p + 1) % count);
      else if (e.key === 'PageUp' || e.key === 'ArrowLeft') setPage((p) => (p + count - 1) % count);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onKey);
    };
    // A page turned by hand restarts the timer, so it stays up its full time.
  }, [count, page]);

  const at = Math.min(page, count - 1);
  const shown = pages ? (pages[at] ?? []) : null;
  const showTail = pages === null || layout?.tailPage === at;
  return (
    <div className={`pager${pages === null ? ' measuring' : ''}`} ref={box}>
      <div className="pager-columns" style={{ '--columns': columns } as React.CSSProperties}>
        {shown ? (
          shown.map((indices, i) => (
            <div className="pager-column" key={i}>
              {column(
                indices.map((r) => rows[r]),
                i,
              )}
            </div>
          ))
        ) : (
          // Measuring (before the first paint, never seen): all rows in one column.
          <div className="pager-column">{column(rows, 0)}</div>
        )}
      </div>
      {tail && showTail ? <div className="pager-tail">{tail}</div> : null}
    </div>
  );
}
