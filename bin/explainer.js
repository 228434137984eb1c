#!/usr/bin/env node
// The `explainer` command: runs the compiled program in dist/ (built by `npm run build`, which
// `npm install` runs through the `prepare` script), so production needs no TypeScript tooling.
// Paths are resolved from this file, not the current folder, so `npx explainer` works anywhere.
try {
  await import(new URL('../dist/main.js', import.meta.url).href)
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error
  process.stderr.write('explainer: the program is not built yet (no dist/main.js): run npm install, or npm run build\n')
  process.exitCode = 1
}
