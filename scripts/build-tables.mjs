// Runs every table generator (listed, not globbed): each writes one module into src/generated/.
await import('./tables/english.mjs')
