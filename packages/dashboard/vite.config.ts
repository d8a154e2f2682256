import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The server serves dist/ itself (packages/server/src/dashboard), under a CSP that allows only
// same-origin scripts and styles, so the build must emit no inline script or style.
export default defineConfig({
  plugins: [react()],
  base: '/',
  resolve: {
    // Workspace packages are read from source, so the root build need not build them first.
    conditions: ['@auraflow/source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
