/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: 'http://127.0.0.1:8000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Big libraries in their own long-cached chunks; pages are split by React.lazy routes.
        manualChunks(id: string) {
          // the generated GraphQL documents: one chunk, shared by the pages
          if (id.includes('/src/gql/')) return 'gql';
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts';
          if (id.includes('@dnd-kit')) return 'dndkit';
          if (id.includes('urql') || id.includes('graphql') || id.includes('wonka')) return 'graphql';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // antd tables render slowly in jsdom on a 2-core machine
    testTimeout: 20_000,
  },
});
