import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      // Only the types of the shared contracts belong in the browser bundle; a value import would drag zod in.
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
  },
];
