import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout', 'performance'].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.work/', '.sagemaker-train/', 'examples/**/*.py'] },
  js.configs.recommended,
  {
    // TypeScript sources are linted with type information; plain JS scripts (bench/, scripts/) without it.
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Size limits for src/ (CONTRIBUTING.md, "Size limits"). Blank lines and comments do not count: the limits are
    // about how much code a reader must hold at once, and a comment that says why should never cost room for code.
    // A declarative table inside a function (a map of rules, a list of cases) may pass the function limit: disable it
    // on that function with a reason, e.g. `// eslint-disable-next-line max-lines-per-function -- declarative table`.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The run's identity is read once, by readRunIdentity (src/run-identity.ts), in each entry point: nothing else
    // reads GitHub's GITHUB_* variables. A credential (not part of the identity) is read with a disable and a reason.
    files: ['src/**/*.ts'],
    ignores: ['src/run-identity.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^GITHUB_/], MemberExpression[property.value=/^GITHUB_/]',
          message: "GitHub's variables are read once, in src/run-identity.ts: take the RunIdentity instead.",
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
    rules: { eqeqeq: ['error', 'always'] },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  prettier,
);
