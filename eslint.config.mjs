import nx from '@nx/eslint-plugin';

/**
 * Module boundaries: every project is tagged by type, scope and platform (see docs/architecture.md).
 * A lib may only be imported through its index, and only along the edges spelled out here.
 */
const typeConstraints = [
  // Apps may use the testing lib only from their tests (apps/*/test), which is where it is imported.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:contracts', 'type:util', 'type:ui', 'type:testing'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:data-access', 'type:contracts', 'type:util', 'type:domain'] },
];

/** Each bounded context sees itself and `shared`; the edge (gateway, CLI) may reach every context. */
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
  { sourceTag: 'scope:conversation', onlyDependOnLibsWithTags: ['scope:conversation', 'scope:knowledge', 'scope:shared'] },
  { sourceTag: 'scope:knowledge', onlyDependOnLibsWithTags: ['scope:knowledge', 'scope:shared'] },
  { sourceTag: 'scope:loop', onlyDependOnLibsWithTags: ['scope:loop', 'scope:knowledge', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  {
    sourceTag: 'scope:edge',
    onlyDependOnLibsWithTags: ['scope:edge', 'scope:shared', 'scope:identity', 'scope:conversation', 'scope:knowledge', 'scope:loop'],
  },
];

/** Browser code gets browser-safe libs only; pure domain code never touches a framework or driver. */
const platformConstraints = [
  { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser', 'platform:any'] },
  { sourceTag: 'platform:any', onlyDependOnLibsWithTags: ['platform:any'] },
];
const bannedInDomain = ['@nestjs/*', 'typeorm', 'mongoose', 'bullmq', 'ioredis', 'pg', '@qdrant/*', 'ollama', 'express', 'winston'];
const domainConstraint = {
  sourceTag: 'type:domain',
  bannedExternalImports: bannedInDomain,
};
const contractsConstraint = {
  sourceTag: 'type:contracts',
  allowedExternalImports: ['zod'],
};

/** For browser projects (their eslint.config.mjs adds it): ESLint resolves `files` from there. */
export const browserBundleRules = {
    // Only the types of the shared contracts belong in a browser bundle; a value import drags zod in.
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@melvin/shared/contracts',
              allowTypeImports: true,
              message: 'Use `import type` for the shared contracts so zod stays out of the browser bundle.',
            },
          ],
        },
      ],
    },
  };

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/vite.config.*.timestamp*', '**/node_modules'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          // Build configs share workspace tooling from tools/, which is no project.
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^(\\.\\./)+tools/(webpack|jest)/'],
          depConstraints: [
            ...typeConstraints,
            ...scopeConstraints,
            ...platformConstraints,
            domainConstraint,
            contractsConstraint,
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
