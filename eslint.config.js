import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'bench-results/**', 'protocol/test/golden/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': [
        'error',
        {
          name: 'onnxruntime-node',
          message:
            "Import './onnx-runtime.js' (satellite/src/engines): it turns telemetry off first.",
        },
      ],
    },
  },
  { files: ['satellite/src/engines/onnx-runtime.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['protocol/src/**/*.ts'],
    ignores: ['protocol/src/node/**', 'protocol/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },
  {
    // The dashboard card and the web UI run in the browser.
    files: ['lovelace-card/src/**/*.ts', 'ui/src/**/*.ts'],
    ignores: ['lovelace-card/src/**/*.test.ts', 'ui/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.test.ts', 'scripts/**', '**/bench/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
