// Arrow keys inside an option group, as the ARIA radio group pattern has them: the arrows (and
// Home / End) move within the group, wrapping at the ends, and in a radio group the option reached
// is chosen. Tab leaves the group, so a batch of 19 rows is 19 tab stops, not 76.
import type { KeyboardEvent } from 'react';

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

export function onOptionGroupKey(event: KeyboardEvent<HTMLElement>): void {
  const { key } = event;
  if (!NEXT.has(key) && !PREVIOUS.has(key) && key !== 'Home' && key !== 'End') return;
  const items = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>(
      '[role="radio"]:not(:disabled), [role="checkbox"]:not(:disabled)',
    ),
  );
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const last = items.length - 1;
  const index =
    key === 'Home' ? 0 : key === 'End' ? last : NEXT.has(key) ? (at >= last ? 0 : at + 1) : at <= 0 ? last : at - 1;
  const target = items[index];
  if (!target) return;
  event.preventDefault();
  target.focus();
  if (target.getAttribute('role') === 'radio' && target.getAttribute('aria-checked') !== 'true') target.click();
}

/** The one option of a radio group that Tab reaches: the chosen one, else the first. */
export function radioTabIndex(checked: boolean, index: number, anyChecked: boolean): 0 | -1 {
  return checked || (!anyChecked && index === 0) ? 0 : -1;
}
