import MiniSearch, { type AsPlainObject } from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { type FactProfile, orNone } from './fact-features.js'
import { assemble, type KnowledgeBase } from './knowledge-base.js'
import { INDEX_OPTIONS, type IndexedFact } from './search-options.js'
import type { Article, Fact } from './types.js'

/**
 * A built knowledge base as plain JSON data, so a large archive can be loaded instead of rebuilt.
 * Bump SNAPSHOT_FORMAT whenever what is stored, or how facts are profiled, changes.
 */
export const SNAPSHOT_FORMAT = 1

type StoredProfile = Omit<FactProfile, 'own' | 'speaker' | 'names' | 'roles'> & { own: string[]; speaker: string[]; names: string[]; roles: string[] }

export type Snapshot = {
  format: number
  articles: Article[]
  facts: Fact[]
  profiles: StoredProfile[]
  index: AsPlainObject
  vocabulary: [string, number][]
  aliases: [string, string[]][]
  duplicates: number[]
}

export function toSnapshot(kb: KnowledgeBase): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    articles: [...kb.articles.values()],
    facts: kb.facts,
    profiles: kb.profiles.map((p) => ({ ...p, own: [...p.own], speaker: [...p.speaker], names: [...p.names], roles: [...p.roles] })),
    index: kb.index.toJSON(),
    vocabulary: [...kb.vocabulary.entries()],
    aliases: [...kb.aliases].map(([alias, meanings]) => [alias, [...meanings]]),
    duplicates: [...kb.duplicates],
  }
}

/** Empty sets shared as profileFact shares them: most facts have no speaker, names or roles. */
const asSet = (items: string[]): Set<string> => orNone(new Set(items))

/** The knowledge base a snapshot was made from; the index is loaded with the options it was built with. */
export function fromSnapshot(snapshot: Snapshot): KnowledgeBase {
  if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${snapshot.format} is not ${SNAPSHOT_FORMAT}`)
  const vocabulary = new SearchableMap<number>()
  for (const [w, n] of snapshot.vocabulary) vocabulary.set(w, n)
  return assemble({
    articles: new Map(snapshot.articles.map((a) => [a.slug, a])),
    facts: snapshot.facts,
    profiles: snapshot.profiles.map((p) => ({ ...p, own: new Set(p.own), speaker: asSet(p.speaker), names: asSet(p.names), roles: asSet(p.roles) })),
    index: MiniSearch.loadJS<IndexedFact>(snapshot.index, INDEX_OPTIONS),
    vocabulary,
    aliases: new Map(snapshot.aliases.map(([alias, meanings]) => [alias, new Set(meanings)])),
    duplicates: new Set(snapshot.duplicates),
  })
}
