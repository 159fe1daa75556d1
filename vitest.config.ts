import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report is what .ci/run counts; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: '.ci/results/vitest.json' }]],
    // Hang detectors, not speed checks: a test that starts bot processes must pass on a
    // loaded 2-core machine too (one run of the suite saw a 20 s limit hit at load 10).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
