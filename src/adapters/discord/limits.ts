/**
 * Discord's message limits (developer docs: "Message Resource", "Embed Limits", "Message
 * Components"), in one place so rendering can hold them by construction and tests can name them.
 * Lengths are counted in UTF-16 code units (String#length), never fewer than Discord's characters.
 */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footerText: 2_048,
  /** The sum of every title, description, field, footer and author text of a message's embeds. */
  embedsTotal: 6_000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const

/**
 * The shares of those limits this bot uses. The description is kept well under its own limit so
 * the citations, which are the evidence, still fit in the 6,000 characters of the whole embed.
 */
export const BUDGET = {
  description: 3_000,
  citations: 10,
  followUps: 5,
  footer: 300,
  /** A link to the quoted sentence longer than this (a very long url) is left out, not cut. */
  link: 500,
  /** An article title in a list, a name or a date shown inline, an example question: each a line at most. */
  title: 200,
  name: 100,
  /** What autocomplete reads of the text typed: enough to match, not a whole pasted paragraph. */
  typed: 200,

  /** A citation field shorter than this is not worth showing: it would be all "…". */
  minimumField: 60,
} as const

/**
 * Discord forgets an interaction not acknowledged within 3 s. An answer worked out within this
 * long goes in the first reply itself (`ask()` takes about a millisecond); a later one is
 * acknowledged first and edited in, leaving room for the network and the time the event waited.
 */
export const DISCORD_TIMING = { answerInFirstReplyMs: 1_500 } as const
