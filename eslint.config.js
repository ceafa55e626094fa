// Lint: typescript-eslint's recommended rules on every TypeScript and Astro file, and the
// dependency rule of ARCHITECTURE.md as import restrictions: the pipeline (build side) never
// imports the page side, and pages and components never import the pipeline.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

const restrict = (group, message) => ['error', { patterns: [{ group, message }] }];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'src/generated/',
      '.astro/',
      '.build/',
      'node_modules/',
      'test/fixtures/**/*.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // document text is matched with character classes that name control characters on purpose
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/pipeline/**', 'src/schemas/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/site/**', '**/components/**', '**/pages/**', '**/layouts/**', 'astro:*'],
        'the pipeline and the schemas never import the page side (ARCHITECTURE.md, dependency rule)',
      ),
    },
  },
  {
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**', 'src/client/**', 'src/site/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // every module of the pipeline but derive/totals.ts, the one rule for totals both sides use
              regex: '/pipeline/(?!derive/totals\\.ts$)',
              message:
                "pages and the page side read the pipeline's output through site/data.ts, never the pipeline itself (ARCHITECTURE.md)",
            },
          ],
        },
      ],
    },
  },
  {
    // build checks (page lint, link check) read both sides' output; the pipeline never imports them
    files: ['src/pipeline/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          '**/site/**',
          '**/checks/**',
          '**/components/**',
          '**/pages/**',
          '**/layouts/**',
          'astro:*',
        ],
        'the pipeline never imports the page side or the checks (ARCHITECTURE.md, dependency rule)',
      ),
    },
  },
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/pipeline/**', '**/site/**', '**/components/**', '**/pages/**'],
        'src/lib holds what both sides use; it imports neither',
      ),
    },
  },
);
