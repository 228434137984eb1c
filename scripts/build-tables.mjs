// Runs every table generator (listed, not globbed): each writes one module into src/generated/.
await import('./tables/english.mjs')
await import('./tables/english-names.mjs')
await import('./tables/antonyms.mjs')
await import('./tables/synonyms.mjs')
await import('./tables/demonyms.mjs')
await import('./tables/expressions.mjs')
