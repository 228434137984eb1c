#!/usr/bin/env node
// The `explainer` command: runs the TypeScript sources directly through tsx, so there is no build
// step. Paths are resolved from this file, not the current folder, so `npx explainer` works anywhere.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
await import(new URL('../src/main.ts', import.meta.url).href)
