// @ts-check
/** ESLint: zero warnings, and the layering rules that keep each folder in its runtime. */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Imports a folder may not use, by runtime. */
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'Node is not available here.' })) };
const noElectron = [
  { group: ['electron', 'electron/*'], message: 'Only main/electron and main/preload may import Electron.' },
];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Raw IPC is only used by main/electron/ipc.ts and main/preload/preload.ts: go through the contract.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'tests/fixtures/**',
      'assets/**',
      '.tmp/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            ...noElectron,
            {
              group: ['react', 'react-dom', 'd3', 'd3-*', '!d3-scale-chromatic', '@tensorflow/*'],
              message: 'shared/ is pure TypeScript.',
            },
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'shared/ depends on nothing else in the project.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            ...noElectron,
            { group: ['@tensorflow/*'], message: 'Tensors live in the engine process.' },
            { group: ['**/main/**'], message: 'The renderer reaches main only through the contract API.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noElectron,
            { group: ['**/renderer/**'], message: 'main/ does not import the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts', 'main/preload/**/*.ts'],
    ignores: ['main/electron/ipc.ts', 'main/preload/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc] }] },
  },
  prettier,
);
