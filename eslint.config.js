// Lint with zero warnings. Besides code quality it enforces the layers: shared/ is pure TypeScript (no UI,
// storage, Electron or Node), the renderer never reaches into Electron or Node, and main never into the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'http',
  'https',
  'net',
  'worker_threads',
  'module',
];
const node = [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`), 'node:*'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'react/*',
                '@xyflow/*',
                'dexie',
                'dexie-*',
                'zustand',
                'zustand/*',
                'electron',
                'lucide-react',
                'html-to-image',
                '@radix-ui/*',
                ...node,
              ],
              message:
                'shared/ is pure TypeScript: no UI, storage, Electron or Node imports (it runs in Node, a Worker and the renderer).',
            },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ must not depend on renderer/ or electron/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...node],
              message: 'The renderer reaches Electron only through window.coarchitect (renderer/platform).',
            },
            { group: ['**/electron/**'], message: 'The renderer must not import main-process code.' },
          ],
          paths: [
            {
              name: '@xyflow/react',
              importNames: ['useOnSelectionChange'],
              message:
                "Canvas.tsx switches React Flow's selection listener off (it walks every node on each frame); selection lives in editorStore.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'react', 'react-dom'],
              message: 'Main-process code must not import the UI.',
            },
          ],
        },
      ],
    },
  },
);
