import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Front-end unit tests (`npm run test:web`, and part of `npm test`): list state, form errors, i18n, the API client. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    pool: 'threads',
    maxWorkers: 2,
  },
});
