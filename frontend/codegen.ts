import type { CodegenConfig } from '@graphql-codegen/cli';
import { existsSync } from 'node:fs';

// The backend exports its SDL to ../schema.graphql; before it existed we typed against a
// provisional copy so the app could be built in parallel with the backend.
const schema = existsSync('../schema.graphql') ? '../schema.graphql' : './schema.provisional.graphql';

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
