/** Where a fact sits in the article, as a reader would see it. */
export type FactKind = 'body' | 'quote' | 'caption' | 'related' | 'headline'

/** One paragraph-like block of an article, as parsed from Markdown. */
export type Block = {
  /** 1-based position among the article's blocks (section headings and the title excluded). */
  paragraph: number
  kind: FactKind | 'credit'
  text: string
  section?: string
}

export type Article = {
  slug: string
  title: string
  outlet?: string
  url?: string
  published?: string
  author?: string
  /** Everything else the operator wrote in front matter, kept for display. */
  meta: Record<string, string>
  blocks: Block[]
  /** Extra names an operator declared: alias -> what it stands for. */
  aliases: Record<string, string[]>
}

/** One sentence of an article: the unit that is searched and quoted. */
export type Fact = {
  id: number
  article: string // slug
  paragraph: number
  /** 0-based position of the sentence within its paragraph. */
  position: number
  kind: FactKind
  text: string
  section?: string
  speaker?: string
}

export type Citation = {
  /** Stable and human-readable: `slug#p7`. */
  ref: string
  /** The exact sentence(s) from the article. */
  quote: string
  /** The article's title. */
  article: string
  section?: string
  kind: FactKind
  speaker?: string
}

export type AnswerStatus = 'answered' | 'not_found' | 'invalid'

export type Answer = {
  status: AnswerStatus
  /** What a person reads: one to three sentences, platform-neutral. */
  text: string
  /** In the order the text uses them; each quote verbatim from knowledge/. */
  citations: Citation[]
  /** A few questions the knowledge can answer, to click or type next. */
  followUps: string[]
}

/** What `sources` shows: one line per article the bot knows. */
export type SourceInfo = {
  slug: string
  title: string
  outlet?: string
  url?: string
  published?: string
  facts: number
}
