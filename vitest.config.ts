import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/build.ts', 'tests/support/postgres.ts'],
    testTimeout: 20_000,
  },
})
