// Loaded only on the minutes route, so the console never downloads the minutes' code.
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { MinutesPage, type MinutesPageProps } from './MinutesPage';

export function mountMinutes(root: Root, props: MinutesPageProps): void {
  root.render(
    <StrictMode>
      <MinutesPage {...props} />
    </StrictMode>,
  );
}
