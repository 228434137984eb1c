/**
 * What `explainer report` says, as plain data: the text and HTML pages are drawn from it, and
 * `--json` prints it as it is (docs/report.md documents this shape, so keep the two together).
 * No member, place or channel appears here, hashed or not: where the store knows who asked, the
 * report says how many.
 */

/** answered / (questions - invalid): an empty or over-long question is not a gap in the articles. Null when there is nothing to divide. */
export type Share = number | null

export type Counts = {
  questions: number
  answered: number
  /** not_found: the articles did not say. */
  notFound: number
  /** Empty or over-long questions, refused before searching. */
  invalid: number
  answeredShare: Share
}

export type DayRow = Counts & { /** UTC day, YYYY-MM-DD. */ date: string }

export type ArticleRow = Counts & { /** The title of the article an answer cited first; null for questions that cited none. */ article: string | null }

/** One unanswered question, however many ways it was typed. */
export type UnansweredGroup = {
  /** The way it was typed most often (the earliest of equals). */
  question: string
  /** Times asked in the period. */
  count: number
  /** Different members who asked it (0 when QUESTION_LOG=off kept no member). */
  members: number
  /** Other ways it was typed, up to five, most frequent first. */
  alsoTyped: string[]
  /** The articles the closest facts came from, when the bot cited any. */
  articles: string[]
  lastAskedAt: string
}

export type CitedSentence = {
  ref: string
  /** The article's title, when the knowledge still has the article. */
  article?: string
  /** The cited sentence(s), looked up in today's knowledge: absent when the article or paragraph is gone. */
  text?: string
}

/** One answer voted down: the same question (however typed) answered with the same citations, its votes added up. */
export type VotedDownAnswer = {
  /** The way it was typed most often; null when QUESTION_LOG=off kept no text. */
  question: string | null
  status: string
  /** How many times this answer was given and voted 👎 at least once. */
  answers: number
  up: number
  down: number
  cited: CitedSentence[]
}

/** A question word that is one or two letters off an article's word: the alias line makes the bot read it as that word. */
export type AliasSuggestion = {
  kind: 'alias'
  word: string
  articleWord: string
  /** The article's slug, and the aliases file to add the line to. */
  article: string
  file: string
  line: string
  /** Unanswered questions that used the word. */
  questions: number
  example: string
}

/** A word several unanswered questions used that no article has, nor anything close: a topic to cover, or a name to alias. */
export type MissingWordSuggestion = {
  kind: 'missing'
  word: string
  questions: number
  example: string
}

export type Suggestion = AliasSuggestion | MissingWordSuggestion

export type Report = {
  /** ISO times: the period covered. */
  since: string
  until: string
  totals: Counts & {
    /** Different members who asked (0 when QUESTION_LOG=off). */
    members: number
    votes: { up: number; down: number }
  }
  days: DayRow[]
  articles: ArticleRow[]
  unanswered: UnansweredGroup[]
  /** Unanswered questions whose text was not kept (QUESTION_LOG=off): counted, not grouped. */
  unansweredWithoutText: number
  votedDown: VotedDownAnswer[]
  suggestions: Suggestion[]
  /** What the report could not do, in a line each (no knowledge to look sentences up in, …). */
  notes: string[]
}
