// ESLint flat config: TypeScript-aware recommended rules for the whole repository.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-lms/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '.ci/**'],
    // Scripts run in Node, and hand functions to the browser (page.evaluate), so both sets of globals apply.
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', window: 'readonly', document: 'readonly', setTimeout: 'readonly', performance: 'readonly', requestAnimationFrame: 'readonly' },
    },
  },
);
