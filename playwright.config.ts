import { defineConfig } from '@playwright/test';

// E2E tests drive the built extension (audit variant) in the system Chromium; pages come from 127.0.0.1.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  globalSetup: './test/e2e/global-setup.ts',
  // Its own folder: Playwright empties outputDir at start, and test-results/ also holds vitest's report.
  outputDir: 'test-results/e2e-artifacts',
  use: { trace: process.env.CI ? 'retain-on-failure' : 'off' },
});
