// One flat config for the whole workspace; each project runs `eslint .` from its own root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

// I/O the pure rubric must never reach: the browser, Lighthouse, the network, the file system.
const ioModules = [
  'playwright-core',
  'playwright',
  'lighthouse',
  'axe-core',
  '@octokit/*',
  'octokit',
  'fs',
  'fs/promises',
  'node:fs',
  'node:fs/promises',
  'http',
  'https',
  'net',
  'tls',
  'node:http',
  'node:https',
  'node:net',
  'node:tls',
  'node:child_process',
  'child_process',
  'undici',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      'egov-report/**',
      'fixtures/sites/**',
      'bench-out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: true,
          checkDynamicDependenciesExceptions: [],
          // Data flows one way: scanner → evidence (rubric types) → rubric → results → reporter.
          depConstraints: [
            {
              sourceTag: 'type:pure',
              onlyDependOnLibsWithTags: ['type:pure'],
              bannedExternalImports: ioModules,
            },
            { sourceTag: 'layer:collect', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'layer:report', onlyDependOnLibsWithTags: ['type:pure'] },
            {
              sourceTag: 'layer:pipeline',
              onlyDependOnLibsWithTags: ['type:pure', 'layer:collect', 'layer:report'],
            },
            { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:pure'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:pure', 'layer:pipeline', 'layer:report', 'type:test-support'],
            },
          ],
        },
      ],
    },
  },
  {
    // Tests (and only tests) may use the fixture sites and the test CA; production code may not.
    files: ['**/*.test.ts', '**/test-support/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: true,
          depConstraints: [
            {
              sourceTag: 'type:pure',
              onlyDependOnLibsWithTags: ['type:pure'],
              bannedExternalImports: ioModules,
            },
            { sourceTag: 'layer:collect', onlyDependOnLibsWithTags: ['type:pure', 'type:test-support'] },
            { sourceTag: 'layer:report', onlyDependOnLibsWithTags: ['type:pure', 'type:test-support'] },
            {
              sourceTag: 'layer:pipeline',
              onlyDependOnLibsWithTags: ['type:pure', 'layer:collect', 'layer:report', 'type:test-support'],
            },
            { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: ['type:pure'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:pure', 'layer:pipeline', 'layer:report', 'type:test-support'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
