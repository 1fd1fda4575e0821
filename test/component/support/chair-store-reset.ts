import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { chairStore, initialChairState } from '../../../client/src/chair/store';

/** Each test starts from a fresh chair store in English and leaves no DOM, stubs or storage behind. */
export function resetChairStoreAroundEachTest(): void {
  beforeEach(() => {
    chairStore.setState({ ...initialChairState(), language: 'en' }, true);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    localStorage.clear();
    chairStore.setState(initialChairState(), true);
  });
}
