import { useEffect, useRef } from 'react';

/**
 * Focus on the element when it appears: each step of a flow puts the keyboard and the screen
 * reader at its own heading instead of leaving them on <body> when the button they used is gone.
 * The element needs tabIndex={-1}.
 */
export function useFocusOnMount<T extends HTMLElement>(active = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  return ref;
}
