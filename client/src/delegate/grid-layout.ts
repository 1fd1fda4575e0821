import { useEffect, useState } from 'react';
import { useDelegate } from './store';

/** Up to this many subjects a batch reads better as cards, one per subject. */
const CARDS_UP_TO = 3;
/** Width of one level's column (a tap target) and the least the subjects' column needs, in px. */
export const CELL = 48;
const LABEL_MIN = 112;

function viewportWidth(): number {
  return typeof window === 'undefined' ? 1024 : window.innerWidth;
}

/**
 * Whether this batch is shown as a grid (a row per subject, a column per level): more than a few
 * subjects, and a screen wide enough for every level's column next to a readable subject label.
 */
export function useGridLayout(): boolean {
  const subjects = useDelegate((s) => s.ballot?.subjects.length ?? 0);
  const options = useDelegate((s) => s.ballot?.options.length ?? 0);
  const [width, setWidth] = useState(viewportWidth);
  useEffect(() => {
    const onResize = () => setWidth(viewportWidth());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return subjects > CARDS_UP_TO && width >= options * (CELL + 4) + LABEL_MIN + 24;
}
