import { closesQuotation, findSpeaker, hasQuotation, type SpeakerContext } from './speakers.js'
import { splitIntoSentences } from './split-into-sentences.js'
import type { Article, Fact } from './types.js'

/**
 * Turns an article's blocks into facts: one sentence each, with where it stands (paragraph,
 * section), what it is (body, quote, caption, related headline, headline) and who speaks in it.
 * Credits are kept in the article but never become facts: a photographer's name answers nothing.
 */
export function splitIntoFacts(article: Article, firstId = 0): Fact[] {
  const facts: Fact[] = []
  const ctx: SpeakerContext = { quoteOpen: false, knownNames: [] }
  for (const block of article.blocks) {
    if (block.kind === 'credit') continue
    const sentences = block.kind === 'body' ? splitIntoSentences(block.text) : [block.text]
    ctx.quoteOpen = false
    const paragraphStart = facts.length
    sentences.forEach((text, position) => {
      let kind = block.kind as Fact['kind']
      let speaker: string | undefined
      if (kind === 'body') {
        speaker = findSpeaker(text, ctx)
        const quotes = hasQuotation(text) || (ctx.quoteOpen && closesQuotation(text))
        if (quotes) kind = 'quote'
        if (speaker) ctx.lastSpeaker = speaker
        ctx.quoteOpen = quotes
      }
      facts.push({
        id: firstId + facts.length,
        article: article.slug,
        paragraph: block.paragraph,
        position,
        kind,
        text,
        ...(block.section ? { section: block.section } : {}),
        ...(speaker ? { speaker } : {}),
      })
    })
    backfillQuotedSpeaker(facts.slice(paragraphStart))
  }
  return facts
}

/**
 * A quotation of several sentences names its speaker only at its end ('"We hold…. We firmly
 * believe…," expressed Price.'): the opening sentences get that speaker too.
 */
function backfillQuotedSpeaker(paragraph: Fact[]): void {
  if (!paragraph.length || !/^["“]/.test(paragraph[0].text)) return
  const closing = paragraph.findIndex((f) => f.speaker && closesQuotation(f.text))
  for (let i = 0; i < closing; i++) {
    if (paragraph[i].speaker) continue
    paragraph[i].speaker = paragraph[closing].speaker
    paragraph[i].kind = 'quote'
  }
}
