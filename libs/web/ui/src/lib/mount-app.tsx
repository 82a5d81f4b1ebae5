import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a Melvin web app into the `#root` element of its index.html. */
export function mountApp(app: ReactNode, container = document.getElementById('root')): void {
  if (!container) {
    throw new Error('Missing #root element in index.html');
  }
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
