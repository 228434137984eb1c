import { fileURLToPath } from 'node:url'

/**
 * The project's folder (package.json, bin/, knowledge/): the folder above this module's. This file
 * sits at the top of src/, so it runs as dist/project.js, or inside dist/explainer.cjs, the bundle
 * `npm run build` makes beside it (scripts/bundle.mjs): one level below the project either way.
 * Modules deeper in src/ take their paths from here, never from their own import.meta.url, which
 * in the bundle is the bundle's.
 */
export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url))
