// ESLint per folder: core/ may use no host or DOM globals (no Office, Excel, SpreadsheetApp, window, document).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const HOST_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'location',
  'Office',
  'Excel',
  'CustomFunctions',
  'OfficeRuntime',
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'Session',
  'Utilities',
  'Logger',
  'google',
  'process',
  'Buffer',
  'require',
  'console',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            '../addin/*',
            '../apps-script/*',
            '../panel/*',
            '../playground/*',
            'react',
            '@fluentui/*',
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
