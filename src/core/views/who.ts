import type { KnowledgeBase } from '../knowledge-base.js'
import { words } from '../normalize.js'
import type { Fact } from '../types.js'
import { type Mention, mentionsIn } from './mentions.js'
import { citeAll, isTitleCase } from './source.js'
import type { WhoItem } from './types.js'

/**
 * Who's who: every person and organization an article names, in order of first mention, each
 * once whatever form of the name is used ("Andrés Manuel López Obrador", "López Obrador",
 * "Obrador", an alias from aliases.txt or an acronym the text implies). A capitalised name counts
 * only with evidence of what it is: an organization's word ("Institute", "Court") or an acronym,
 * or for a person a title, a role, a quotation, a middle initial. Places and other names without
 * such evidence are left out rather than guessed.
 */

type Group = { key: string; words: string[]; mentions: Mention[]; org: boolean }

const ROLE_PREFERENCE: Record<NonNullable<Mention['role']>['how'], number> = { apposition: 0, before: 1, title: 2, affiliation: 3 }

/** Union-find over the groups' keys: every form of one name ends with the same root. */
function unionFind() {
  const parent = new Map<string, string>()
  const find = (k: string): string => {
    let r = k
    while (parent.has(r)) r = parent.get(r) as string
    return r
  }
  return { find, union: (a: string, b: string) => (find(a) === find(b) ? undefined : parent.set(find(a), find(b))) }
}

const endsWith = (long: string[], short: string[]) => long.length > short.length && short.every((w, i) => long[long.length - short.length + i] === w)

function collectGroups(facts: readonly Fact[]): Map<string, Group> {
  const groups = new Map<string, Group>()
  for (const fact of facts) {
    if (fact.kind === 'headline' && isTitleCase(fact.text)) continue
    for (const m of mentionsIn(fact)) {
      const ws = words(m.name)
      if (!ws.length) continue
      const key = ws.join(' ')
      const g = groups.get(key) ?? { key, words: ws, mentions: [], org: false }
      groups.set(key, g)
      g.mentions.push(m)
      g.org ||= m.org
    }
  }
  return groups
}

export function whoView(kb: KnowledgeBase, slug: string, facts: readonly Fact[]): WhoItem[] {
  const groups = collectGroups(facts)
  const { find, union } = unionFind()
  const all = [...groups.values()]

  // Names that end with the same word, the only ones a form can be the tail of.
  const byLast = new Map<string, Group[]>()
  for (const g of all) byLast.set(g.words[g.words.length - 1], [...(byLast.get(g.words[g.words.length - 1]) ?? []), g])
  // A shorter form is the tail of exactly one longer name ("Obrador" of "López Obrador"): the same one.
  for (const g of [...all].sort((a, b) => a.words.length - b.words.length)) {
    const same = byLast.get(g.words[g.words.length - 1]) ?? []
    const targets = new Set(same.filter((h) => h.org === g.org && endsWith(h.words, g.words)).map((h) => find(h.key)))
    if (targets.size === 1) union(g.key, [...targets][0])
  }
  // Aliases (aliases.txt, acronyms the text spells out): a form that stands for exactly one name here.
  const article = kb.articles.get(slug)
  for (const g of all) {
    const meanings = new Set([...(article?.aliases[g.key] ?? []), ...(kb.aliases.get(g.key) ?? [])])
    const targets = new Set<string>()
    for (const meaning of meanings) {
      const mw = meaning.split(' ')
      for (const h of byLast.get(mw[mw.length - 1]) ?? []) if (h !== g && (h.key === meaning || endsWith(h.words, mw))) targets.add(find(h.key))
    }
    targets.delete(find(g.key))
    if (targets.size === 1) union(g.key, [...targets][0])
  }

  // Who is quoted is a person.
  const spoken = new Set<string>()
  for (const f of facts) if (f.speaker && groups.has(words(f.speaker).join(' '))) spoken.add(find(words(f.speaker).join(' ')))

  const entities = new Map<string, Mention[]>()
  for (const g of all) {
    const root = find(g.key)
    const list = entities.get(root) ?? []
    entities.set(root, list)
    list.push(...g.mentions)
  }

  const items: { first: number; item: WhoItem }[] = []
  for (const [root, mentions] of entities) {
    mentions.sort((a, b) => a.fact.id - b.fact.id || a.index - b.index)
    // A lone capitalised word seen only where a sentence starts ("Succinctly", "Because") may be no
    // name at all: without a title or role somewhere it is left out.
    if (mentions.every((m) => !m.name.includes(' ') && m.index <= 1 && !m.role)) continue
    const org = mentions.some((m) => m.org)
    const person = !org && (spoken.has(root) || mentions.some((m) => m.person))
    if (!org && !person) continue
    const item = describeEntity(kb, mentions, org ? 'organization' : 'person')
    items.push({ first: mentions[0].fact.id * 10_000 + mentions[0].index, item })
  }
  return items.sort((a, b) => a.first - b.first).map((x) => x.item)
}

function describeEntity(kb: KnowledgeBase, mentions: Mention[], kind: WhoItem['kind']): WhoItem {
  // The fullest form names them: "Andrés Manuel López Obrador" over "López Obrador".
  const forms = [...new Set(mentions.map((m) => m.name))]
  const name = kind === 'person' ? forms.reduce((best, f) => (f.split(/\s+/).length > best.split(/\s+/).length ? f : best), forms[0]) : forms[0]
  const seen = new Set([words(name).join(' ')])
  const aliases = forms.filter((f) => {
    const k = words(f).join(' ')
    return !seen.has(k) && seen.add(k)
  })
  const withRole = mentions
    .filter((m) => m.role && kind === 'person')
    .sort((a, b) => ROLE_PREFERENCE[(a.role as NonNullable<Mention['role']>).how] - ROLE_PREFERENCE[(b.role as NonNullable<Mention['role']>).how])[0]
  // The first mention, the sentence that gives the full name, and the one that gives the role.
  const named = mentions.find((m) => m.name === name) ?? mentions[0]
  const cited = [mentions[0].fact, named.fact, ...(withRole ? [withRole.fact] : [])]
  return {
    name,
    ...(withRole?.role ? { role: withRole.role.text } : {}),
    kind,
    ...(aliases.length ? { aliases } : {}),
    citations: citeAll(kb, cited),
  }
}
