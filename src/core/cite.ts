import type { KnowledgeBase } from './knowledge-base.js'
import type { Citation, Fact } from './types.js'

/** `slug#p7`: stable while the article keeps its paragraphs, readable as "paragraph 7". */
export function refOf(fact: Fact): string {
  return `${fact.article}#p${fact.paragraph}`
}

/** "¶7" for display, from a ref made by refOf. */
export function paragraphLabel(ref: string): string {
  const m = ref.match(/#p(\d+)$/)
  return m ? `¶${m[1]}` : ref
}

export function citationOf(kb: KnowledgeBase, fact: Fact): Citation {
  const article = kb.articles.get(fact.article)
  return {
    ref: refOf(fact),
    quote: fact.text,
    article: article?.title ?? fact.article,
    kind: fact.kind,
    ...(fact.section ? { section: fact.section } : {}),
    ...(fact.speaker ? { speaker: fact.speaker } : {}),
  }
}

/** How a quoted sentence is introduced when it is not the article's own reporting. */
export function framed(fact: Fact, marker: string): string {
  if (fact.kind === 'caption') return `A photo caption says: "${fact.text}" ${marker}`
  if (fact.kind === 'related') return `A related headline (another article, not this report) says: "${fact.text}" ${marker}`
  // A standfirst or heading has no full stop of its own; the next sentence must not run into it.
  const ended = /[.!?…]["'”’)\]]*$/.test(fact.text) ? fact.text : `${fact.text}.`
  return `${ended} ${marker}`
}

/** What a reader must be told about where a quote comes from, or '' for the article's own text. */
export function kindLabel(kind: Citation['kind']): string {
  switch (kind) {
    case 'caption':
      return 'photo caption'
    case 'related':
      return "related headline, not this article's reporting"
    case 'headline':
      return 'headline'
    default:
      return ''
  }
}

/**
 * Where a quote stands, in the words every surface shows after it: the article (when several are
 * known), "¶7", the section, what kind of text it is when not the article's own reporting, and who
 * said it. The terminal, Discord and Slack join these parts their own way.
 */
export function citationPlace(citation: Citation, options: { showArticle: boolean }): string[] {
  return [
    options.showArticle ? citation.article : '',
    paragraphLabel(citation.ref),
    citation.section ?? '',
    kindLabel(citation.kind),
    citation.speaker ? `said by ${citation.speaker}` : '',
  ].filter((part) => part !== '')
}
