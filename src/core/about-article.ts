import type { Draft } from './answer.js'
import { citationOf } from './cite.js'
import type { ArticleInfo } from './compile-article.js'
import type { KnowledgeBase } from './knowledge-base.js'
import type { Citation } from './types.js'

/**
 * Questions about the article itself (who wrote it, when it came out, which outlet, its headline)
 * are answered from its front matter, never from the body: a sentence that happens to contain
 * "author" or a date is not the byline. Without the field, the answer says the article does not
 * give it.
 */
type Field = 'author' | 'published' | 'outlet' | 'headline'

const THE_ARTICLE = String.raw`(?:this|the|that|it|your)(?:\s+(?:article|story|piece|report|news))?`
const ASKS: [Field, RegExp][] = [
  [
    'author',
    new RegExp(
      String.raw`^(?:who\s+(?:wrote|authored|reported|penned)\s+${THE_ARTICLE}|who(?:'s|\s+is|\s+was)\s+(?:the\s+)?(?:author|writer|reporter|journalist)(?:\s+of\s+${THE_ARTICLE})?|(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:author|writer|byline)(?:'s\s+name)?(?:\s+of\s+${THE_ARTICLE})?)\s*\??$`,
    ),
  ],
  [
    'published',
    new RegExp(
      String.raw`^(?:when\s+(?:was|is)\s+${THE_ARTICLE}\s+(?:published|written|posted|released|out|dated)|when\s+did\s+${THE_ARTICLE}\s+(?:come\s+out|appear|run)|(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:publication|publishing|published|release)\s+date(?:\s+of\s+${THE_ARTICLE})?|how\s+old\s+is\s+${THE_ARTICLE}|what\s+date\s+(?:is|was)\s+${THE_ARTICLE}(?:\s+(?:from|published))?)\s*\??$`,
    ),
  ],
  [
    'outlet',
    new RegExp(
      String.raw`^(?:(?:which|what)\s+(?:outlet|newspaper|paper|publication|site|website|news\s+(?:outlet|site|organi[sz]ation|source)|source|network|channel)\s+(?:published|ran|wrote|is|was|put\s+out)\s+${THE_ARTICLE}|who\s+published\s+${THE_ARTICLE}|where\s+(?:was|is)\s+${THE_ARTICLE}\s+(?:published|from)|(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:outlet|source|publisher)(?:\s+of\s+${THE_ARTICLE})?)\s*\??$`,
    ),
  ],
  [
    'headline',
    new RegExp(
      String.raw`^(?:what\s+is\s+|what's\s+)?(?:the\s+)?(?:headline|title)(?:\s+of\s+${THE_ARTICLE})?\s*\??$|^what\s+is\s+${THE_ARTICLE}\s+(?:called|titled)\s*\??$`,
    ),
  ],
]

const WHAT: Record<Field, string> = {
  author: 'who wrote it',
  published: 'when it was published',
  outlet: 'which outlet published it',
  headline: 'its headline',
}

/** Which field of the article the folded question asks for, if it asks about the article itself. */
/** Words without which a question cannot be about the article itself: most questions stop here. */
const HINT =
  /\b(?:wrote|author\w*|writer|byline|report\w*|journalist|penned|publish\w*|publication|date|dated|released?|posted|written|out|appear|run|old|outlet|newspaper|paper|site|website|news|source|network|channel|headline|title\w*|called)\b/

export function askedField(folded: string): Field | undefined {
  if (!HINT.test(folded)) return undefined
  const q = folded.trim().replace(/\s+/g, ' ')
  for (const [field, re] of ASKS) if (re.test(q)) return field
  return undefined
}

function fieldValue(article: ArticleInfo, field: Field): string | undefined {
  return field === 'headline' ? article.title : article[field]
}

/** The front-matter line or title as written, cited as the article's heading material. */
function metaCitation(kb: KnowledgeBase, article: ArticleInfo, field: Field, value: string): Citation {
  if (field === 'headline') {
    const fact = kb.facts.find((f) => f.article === article.slug && f.kind === 'headline' && f.text === value)
    if (fact) return citationOf(kb, fact)
  }
  return { ref: `${article.slug}#${field}`, quote: value, article: article.title, kind: 'headline' }
}

export function answerAboutArticle(kb: KnowledgeBase, field: Field): Draft {
  const articles = [...kb.articles.values()]
  const given = articles.filter((a) => fieldValue(a, field))
  if (!given.length) {
    const none = articles.length > 1 ? `None of the ${articles.length} articles I know gives` : 'The article does not give'
    return {
      status: 'not_found',
      text: `${none} ${WHAT[field]}. Try one of the suggested questions, or ask for a summary.`,
      citations: [],
      facts: [],
      nearest: articles[0]?.slug,
    }
  }
  const lines = given.slice(0, 3).map((a) => {
    const value = fieldValue(a, field) as string
    const of = articles.length > 1 ? ` of "${a.title}"` : ''
    const said =
      field === 'author'
        ? `The author${of} is ${value}.`
        : field === 'published'
          ? `The article${of} was published ${value}.`
          : field === 'outlet'
            ? `The article${of} was published by ${value}.`
            : `The headline is "${value}".`
    return { said, citation: metaCitation(kb, a, field, value) }
  })
  return {
    status: 'answered',
    text: lines.map((l, i) => `${l.said} [${i + 1}]`).join(' '),
    citations: lines.map((l) => l.citation),
    facts: [],
  }
}
