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
    // Rendering a whole antd table in happy-dom takes seconds on a loaded 2-core machine: the default 5 s is too tight.
    testTimeout: 20_000,
  },
});
