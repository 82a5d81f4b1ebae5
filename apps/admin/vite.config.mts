import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  cacheDir: '../../node_modules/.vite/apps/admin',
  plugins: [react(), tailwindcss()],
  resolve: { tsconfigPaths: true },
  server: {
    port: 4201,
    host: 'localhost',
    // In development the gateway runs separately; in production it serves this app itself.
    proxy: { '/api': 'http://localhost:8000' },
  },
  preview: { port: 4301, host: 'localhost' },
  build: {
    outDir: '../../dist/apps/admin',
    emptyOutDir: true,
    reportCompressedSize: false,
  },
  test: {
    name: 'admin',
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    reporters: ['default'],
  },
});
