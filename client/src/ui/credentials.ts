// Keys arrive once in the URL fragment (never sent to the server, never in its logs). The page keeps
// them in this browser and removes them from the address bar, so a screenshot or a shared screen
// does not leak them.

function read(storageKey: string): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/**
 * The secret named `param` in the fragment (`#param=…`), stored under `storageKey`; or the one
 * stored earlier when the fragment has none.
 */
export function takeFragmentSecret(param: string, storageKey: string): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fresh = fragment.get(param);
  if (fresh) {
    try {
      localStorage.setItem(storageKey, fresh);
    } catch {
      // Storage blocked: the key works for this page load only.
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fresh;
  }
  return read(storageKey);
}

export function forgetSecret(storageKey: string): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Nothing stored.
  }
}

/** The path segment after `prefix` (`/chair/<id>` → id), or null. */
export function pathSegment(prefix: string): string | null {
  const rest = window.location.pathname.startsWith(prefix) ? window.location.pathname.slice(prefix.length) : '';
  const segment = decodeURIComponent(rest.split('/')[0] ?? '');
  return segment || null;
}
