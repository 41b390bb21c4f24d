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

// The login page's two documents get their own output: the main one is a single module holding
// every document, and the login route's JavaScript budget has no room for it.
const LOGIN_DOCUMENTS = 'src/auth/loginDocuments.ts';
// The webhooks page (admins only) types its documents apart too, so they load with its own
// chunk instead of growing the module every route loads.
const WEBHOOK_DOCUMENTS = 'src/pages/webhooks/documents.ts';

const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/gql-login/**/*', '!src/gql-webhooks/**/*', `!${LOGIN_DOCUMENTS}`, `!${WEBHOOK_DOCUMENTS}`],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: clientConfig,
    },
    './src/gql-login/': {
      documents: [LOGIN_DOCUMENTS],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: clientConfig,
    },
    './src/gql-webhooks/': {
      documents: [WEBHOOK_DOCUMENTS],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: clientConfig,
    },
  },
};
export default config;
