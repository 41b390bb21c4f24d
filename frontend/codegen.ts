import type { CodegenConfig } from '@graphql-codegen/cli';
import { existsSync } from 'node:fs';

// The backend exports its SDL to ../schema.graphql (`crm export-schema`). While a backend module
// had not landed yet, schema.pending.graphql added its types (taken from its branch) so its pages
// could be typed; such a file is picked up again if one is ever needed. CRM_SCHEMA overrides the SDL.
const real = process.env.CRM_SCHEMA ?? '../schema.graphql';
const pending = existsSync('./schema.pending.graphql') ? ['./schema.pending.graphql'] : [];
const schema = [real, ...pending];

const clientConfig = {
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: { DateTime: 'string', Date: 'string', Decimal: 'string', JSON: 'unknown', UUID: 'string' },
};

// The main output is a single module holding every document, which every route loads. Documents
// that load with a chunk of their own get their own output, so they stay out of the budgets of
// routes that never use them:
const APART: Record<string, string> = {
  // the login page: the login route's JavaScript budget has no room for the main module;
  './src/gql-login/': 'src/auth/loginDocuments.ts',
  // saved views: the menu's documents load with the menu, when it is first opened;
  './src/gql-views/': 'src/lists/views/documents.ts',
  // the webhooks page (admins only), with its own chunk.
  './src/gql-webhooks/': 'src/pages/webhooks/documents.ts',
  // the jobs page (admins only), likewise.
  './src/gql-jobs/': 'src/pages/jobs/documents.ts',
  // the workflows page, with its own chunk.
  './src/gql-workflows/': 'src/pages/workflows/documents.ts',
  // the lifecycle and scoring page (admins and managers), with its own chunk.
  './src/gql-lifecycle/': 'src/pages/lifecycle/documents.ts',
  // the header's bell: its chunk loads after the shell has rendered.
  './src/gql-notify/': 'src/layout/notifications/documents.ts',
  // the approval inbox and rules pages, with their own chunks.
  './src/gql-approvals/': 'src/pages/approvals/documents.ts',
  // the users and teams page (admins only), with its own chunk.
  './src/gql-users/': 'src/pages/users/documents.ts',
};

const output = (documents: string[]) => ({
  documents,
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  config: clientConfig,
});

const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': output([
      'src/**/*.{ts,tsx}',
      '!src/gql/**/*',
      ...Object.entries(APART).flatMap(([dir, file]) => [`!${dir.replace('./', '')}**/*`, `!${file}`]),
      // parsed at run time (urql's gql): the list's first load has no room for a codegen map
      '!src/lists/SavedViews.tsx',
    ]),
    ...Object.fromEntries(Object.entries(APART).map(([dir, file]) => [dir, output([file])])),
  },
};
export default config;
