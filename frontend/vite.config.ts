/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { writeFileSync } from 'node:fs';

/** The npm packages in each chunk (dist/.vite/chunk-packages.json), for scripts/check-budget.mjs. */
function chunkPackages(): Plugin {
  return {
    name: 'crm-chunk-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const out: Record<string, string[]> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const names = new Set<string>();
        for (const id of chunk.moduleIds) {
          const at = id.lastIndexOf('node_modules/');
          if (at < 0) continue;
          const m = /^(@[^/]+\/[^/]+|[^/]+)/.exec(id.slice(at + 'node_modules/'.length));
          if (m) names.add(m[1]);
        }
        out[chunk.fileName] = [...names].sort();
        if (process.env.CHUNK_REPORT) {
          // CHUNK_REPORT=1 npx vite build: the biggest modules of each chunk, rendered bytes
          const top = Object.entries(chunk.modules).map(([id, m]) => [m.renderedLength, id.replace(/.*node_modules\//, '')] as const)
            .sort((a, b) => b[0] - a[0]).slice(0, Number(process.env.CHUNK_REPORT) || 15);
          console.log(`\n${chunk.fileName} ${chunk.code.length}`);
          for (const [n, id] of top) console.log(`  ${String(n).padStart(8)} ${id}`);
        }
      }
      if (process.env.MODULE_CODE) {
        const code: Record<string, Record<string, string>> = {};
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk') code[chunk.fileName] = Object.fromEntries(Object.entries(chunk.modules).map(([id, m]) => [id, m.code ?? '']));
        }
        writeFileSync(process.env.MODULE_CODE, JSON.stringify(code));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-packages.json', source: JSON.stringify(out, null, 1) });
    },
  };
}

export default defineConfig({
  plugins: [react(), chunkPackages()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: 'http://127.0.0.1:8000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/check-budget.mjs reads each route's import graph from it
    manifest: true,
    chunkSizeWarningLimit: 1500,
    // No manual chunks: React.lazy routes split the pages, and a library lands in the chunk of
    // the pages that use it (ECharts with the dashboard, dnd-kit with the pipeline), so the
    // login page and the lists never fetch them. scripts/check-budget.mjs holds the budgets.
    // One exception: the lists' shared parts stay one chunk even when a page outside the lists
    // (the workflow editor's condition bar) uses only some of them; split, the customer list
    // would pay a second chunk's overhead it has no room for.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{
            name: 'lists',
            includeDependenciesRecursively: false,
            test: /src\/lists\/(DataTable|ListFilters|listState|useListState|SavedViews)\.tsx?$|src\/lists\/views\/viewState\.ts$|@ant-design\/icons(-svg)?\/es\/(icons|asn)\/(ArrowDown|ArrowUp|Filter)Outlined\.js$/,
          }],
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
    // the users' time zone (and the browser tests'): dates in sentences do not depend on the machine
    env: { TZ: 'Asia/Shanghai' },
    // antd tables render slowly in jsdom on a 2-core machine
    testTimeout: 20_000,
  },
});
