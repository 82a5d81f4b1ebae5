import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Only the unit tests run through Vite here; the apps that use this lib bundle its source themselves.
export default defineConfig({
  root,
  cacheDir: '../../../node_modules/.vite/libs/web/ui',
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  test: {
    name: 'web-ui',
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    reporters: ['default'],
  },
});
