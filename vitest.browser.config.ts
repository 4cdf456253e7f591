/**
 * Browser tests (`npm run test:browser`): the built playground in Debian's Chromium, driven by playwright-core.
 * The global setup installs Chromium when it is missing and builds dist/playground when its sources changed.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One Chromium at a time: the tests share a small machine with the build.
    fileParallelism: false,
  },
});
