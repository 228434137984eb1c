import type { KnowledgeBase } from './knowledge-base.js'
import { fold } from './normalize.js'
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
  const text = balanceQuotes(fact.text)
  const ended = /[.!?…]["'”’)\]]*$/.test(text) ? text : `${text}.`
  return `${ended} ${marker}`
}

/**
 * A sentence cut out of a quotation that spans sentences loses a mark: `"We hold deep respect…`
 * has no closing one, `…democracy," expressed Price.` no opening one. The missing marks are put
 * back, in the article's own style (straight or curly), so every quote shown reads as the article
 * has it. Straight marks are told apart by what stands before them: a space or nothing opens.
 */
export function balanceQuotes(text: string): string {
  let straight = 0
  let curly = 0
  let openStraight = false
  let openCurly = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      const opens = i === 0 || /[\s([{—–-]/.test(text[i - 1])
      if (opens) straight++
      else if (straight > 0) straight--
      else openStraight = true
    } else if (ch === '“') curly++
    else if (ch === '”') {
      if (curly > 0) curly--
      else openCurly = true
    }
  }
  const before = `${openCurly ? '“' : ''}${openStraight ? '"' : ''}`
  const after = `${'"'.repeat(straight)}${'”'.repeat(curly)}`
  return `${before}${text}${after}`
}

/**
 * What a reader must be told about where a quote comes from, or '' for the article's own text.
 * Kind 'headline' covers the standfirst too (DESIGN.md's Citation contract has no kind of its
 * own for it): a 'headline' that is not the article's title is its standfirst.
 */
export function kindLabel(citation: Pick<Citation, 'kind' | 'quote' | 'article'>): string {
  switch (citation.kind) {
    case 'caption':
      return 'photo caption'
    case 'related':
      return "related headline, not this article's reporting"
    case 'headline':
      return fold(citation.quote).trim() === fold(citation.article).trim() ? 'headline' : 'standfirst'
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
    kindLabel(citation),
    citation.speaker ? `said by ${citation.speaker}` : '',
  ].filter((part) => part !== '')
}

/**
 * One citation as every surface shows it: its number, the quote when the answer's text did not
 * show it already, where it stands, and a link to the quoted sentence when the article has a url.
 */
export type CitationLine = { number: string; quote?: string; where: string; link?: string }

export type LineOptions = { showArticle: boolean; shownInText: boolean /** The article's `url` from its front matter. */; url?: string }

export function citationLine(citation: Citation, n: number, options: LineOptions): CitationLine {
  const where = citationPlace(citation, options).join(' · ')
  return {
    number: `[${n}]`,
    ...(options.shownInText ? {} : { quote: balanceQuotes(citation.quote) }),
    where,
    ...(options.url ? { link: quoteLink(options.url, citation.quote) } : {}),
  }
}

/** The url of each cited article, by title (a Citation names its article by title), from `sources()`. */
export function urlsByTitle(sources: readonly { title: string; url?: string }[]): (citation: Citation) => string | undefined {
  const urls = new Map(sources.flatMap((s) => (s.url ? [[s.title, s.url] as const] : [])))
  return (citation) => urls.get(citation.article)
}

/** Quotes longer than this are linked by their first and last words (textStart,textEnd). */
export const TEXT_FRAGMENT = { wholeUpTo: 80, edgeWords: 5 } as const

/**
 * A term of a text directive: percent-encoded, with `-`, `,` and `&` encoded too (they are the
 * directive's own syntax), and `(`, `)` so the link survives Markdown link syntax.
 */
function fragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/'/g, '%27')
}

/**
 * The article's url with a text fragment (`#:~:text=`, WICG Scroll-to-Text-Fragment) that makes
 * browsers supporting it scroll to and highlight the quoted sentence; others just open the page.
 * Quotation marks around the sentence are left out (pages style them differently), and a long
 * sentence is matched by its first and last words, which is shorter and survives small edits.
 */
export function quoteLink(url: string, quote: string): string {
  const text = quote.replace(/\s+/g, ' ').replace(/^["“”‘’'«»\s]+|["“”‘’'«»\s]+$/g, '')
  let directive: string
  if (text.length <= TEXT_FRAGMENT.wholeUpTo) {
    directive = fragmentTerm(text)
  } else {
    const words = text.split(' ')
    const n = Math.min(TEXT_FRAGMENT.edgeWords, Math.floor(words.length / 2))
    directive = `${fragmentTerm(words.slice(0, n).join(' '))},${fragmentTerm(words.slice(-n).join(' '))}`
  }
  // A url with a fragment of its own keeps it: the directive follows it after `:~:`.
  return `${url}${url.includes('#') ? '' : '#'}:~:text=${directive}`
}

/** Where a view item's quote stands: the citation line's place, without the speaker the item names already. */
export function viewItemPlace(citation: Citation): string {
  return citationPlace({ ...citation, speaker: undefined }, { showArticle: false }).join(' · ')
}

/** Is this quote already in the answer's text? Then its citation only says where it stands. */
export function shownIn(text: string, citation: Citation): boolean {
  return text.includes(citation.quote)
}

const OPENING_MARKS = /^["“‘'«„]/

/** A quote in marks, unless it opens with its own: `""Our objective…` reads as a typo. */
export function quoted(quote: string): string {
  return OPENING_MARKS.test(quote) ? quote : `“${quote}”`
}
