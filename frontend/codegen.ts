import type { CodegenConfig } from '@graphql-codegen/cli';
import { existsSync } from 'node:fs';

// The backend exports its SDL to ../schema.graphql (`crm export-schema`). schema.pending.graphql
// holds the types of backend modules that have not landed yet (orders/stock, payroll); it shrinks
// to nothing as they do. CRM_SCHEMA overrides the SDL's path.
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
