import type { CodegenConfig } from '@graphql-codegen/cli';
import { existsSync } from 'node:fs';

// The backend exports its SDL to ../schema.graphql (`crm export-schema`). While a backend module
// had not landed yet, schema.pending.graphql added its types (taken from its branch) so its pages
// could be typed; such a file is picked up again if one is ever needed. CRM_SCHEMA overrides the SDL.
const real = process.env.CRM_SCHEMA ?? '../schema.graphql';
const pending = existsSync('./schema.pending.graphql') ? ['./schema.pending.graphql'] : [];
const schema = [real, ...pending];

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string', JSON: 'unknown', UUID: 'string' },
      },
    },
  },
};
export default config;
