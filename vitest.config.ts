import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "training/**/*.test.ts"],
    pool: "forks",
    setupFiles: ["test/helpers/yield-between-tests.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for state; its default limit of 1 s made it a wall-time assertion that
    // failed whenever the 2-core machine was busy (the dashboard's XSS test, issue 11).
    expect: { poll: { timeout: 30_000 } },
  },
});
