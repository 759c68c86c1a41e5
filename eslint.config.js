// Layers are folders, and this file keeps them apart (see README, "Layers"):
//   shared/          pure TypeScript + zod: no Node, no DOM, no Electron (it runs in every layer)
//   renderer/        React; imports shared/ and UI packages only, never Node, Electron or the core
//   electron/core/   plain Node: never Electron, never React
//   electron/main, electron/preload: the only places that import `electron`, and nothing else (plain-Node logic
//                    belongs in the core, where the CLI and the tests run it)
// Inside the core: raw SQL only in db/ (queries/, the connection, the migrations); dossier/ and archive/ sit
// below services/ and never import it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = [
  'better-sqlite3',
  'sharp',
  'pdf-lib',
  '@pdf-lib/fontkit',
  '@neslinesli93/qpdf-wasm',
  'fflate',
  'tsx',
];

const noImports = (names, message) => names.map((name) => ({ name, message }));
const electronOnlyInShell = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron.',
};

// `#shared/…` (package.json "imports") is the one subpath import; it may not climb out of shared/.
const subpathImports = {
  regex: '^#(?!shared/)|^#shared/(.*/)?\\.\\.(/|$)',
  message:
    'The only subpath import is #shared/…, and it stays inside shared/ (import other layers by their own rules).',
};

const coreImports = {
  paths: [electronOnlyInShell, ...noImports(['react', 'react-dom'], 'electron/core is plain Node.')],
  patterns: [
    {
      group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
      message: 'electron/core is plain Node and imports no shell or UI code.',
    },
    subpathImports,
  ],
};

const sqlOutsideQueries =
  'Raw SQL belongs in electron/core/db/queries/: add a query function there that takes the database as its first argument.';
const sqlCalls = [
  { selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]', message: sqlOutsideQueries },
  {
    selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
    message: sqlOutsideQueries,
  },
];

/** electron/main is glue: a module there that does not even import `electron` is plain Node and belongs in the core. */
const shellIsGlue = {
  meta: {
    type: 'problem',
    messages: {
      plainNode:
        'This module does not use electron: plain-Node logic belongs in electron/core (the CLI and the tests run it there).',
    },
  },
  create(context) {
    let usesElectron = false;
    return {
      ImportDeclaration(node) {
        if (node.source.value === 'electron') usesElectron = true;
      },
      'Program:exit'(node) {
        if (!usesElectron) context.report({ node, messageId: 'plainNode' });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', '.tmp/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // The ideographic space (U+3000) is ordinary in Chinese text; outside strings it is still an error.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noImports(nodeModules, 'shared/ is pure: no Node modules (it runs in the renderer too).'),
            ...noImports([...nodeOnlyPackages, 'react', 'react-dom'], 'shared/ is pure: types, data, rules, zod.'),
            electronOnlyInShell,
          ],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from other layers.' },
            subpathImports,
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noImports(nodeModules, 'renderer/ runs in a sandboxed page: no Node modules; ask the API instead.'),
            ...noImports(nodeOnlyPackages, 'renderer/ talks to the core only through the typed API (window.juanzong).'),
            electronOnlyInShell,
          ],
          patterns: [
            { group: ['**/electron/**', '**/test/**'], message: 'renderer/ imports only shared/ and UI packages.' },
            subpathImports,
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/core/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', coreImports] },
  },
  {
    files: ['electron/core/dossier/**', 'electron/core/archive/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...coreImports,
          patterns: [
            ...coreImports.patterns,
            {
              group: ['**/services/**', '**/services'],
              message:
                'dossier/ and archive/ sit below services/: move what they need down (shared/, db/ or their own folder).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/core/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqlCalls] },
  },
  {
    files: ['electron/main/**'],
    plugins: { juanzong: { rules: { 'shell-is-glue': shellIsGlue } } },
    rules: { 'juanzong/shell-is-glue': 'error' },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'The shell does not import the UI.' }, subpathImports] },
      ],
    },
  },
  {
    files: ['test/**', '*.config.*', 'build/**', '**/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Tests use a stand-in for electron; the binary cannot run here.' }] },
      ],
    },
  },
);
