/**
 * What a member asked, from the markup of a chat message, for both platforms. Mentions of people,
 * roles, user groups and channels are not part of a question: "what is Title 42? cc @ana" asks
 * what Title 42 is, not something about Ana, so they are dropped, along with the "cc" or "hey"
 * that introduced them. A link keeps its visible text, and Slack's escapes are undone.
 *
 * Slack writes `<@U123>`, `<@U123|ana>`, `<!here>`, `<!channel>`, `<!everyone>`,
 * `<!subteam^S123|@team>`, `<#C123|general>`, `<https://…|text>`, `<!date^…|fallback>`;
 * Discord `<@123>`, `<@!123>`, `<@&123>` (a role), `<#123>`, `@everyone`, `@here`, `</ask:123>`
 * (a command), `<:name:123>` (an emoji) and `<t:1700000000:R>` (a timestamp).
 */

/** Stands where a mention was, until the words that introduced it are dropped. */
const MARK = '\u0000'

const MENTIONS: RegExp[] = [
  /<@[!&]?[A-Z0-9]+(?:\|[^<>]*)?>/gi, // a user or a role (both platforms)
  /<!(?:here|channel|everyone)(?:\|[^<>]*)?>/gi, // Slack's @here, @channel, @everyone
  /<!subteam\^[A-Z0-9]+(?:\|[^<>]*)?>/gi, // a Slack user group
  /<#[A-Z0-9]+(?:\|[^<>]*)?>/gi, // a channel link
  /(?<![\w@])@(?:everyone|here|channel)\b/gi, // typed out, as Discord sends them
  /<\/[\w -]+:\d+>/g, // a Discord slash command mention
  /<a?:\w+:\d+>/g, // a Discord custom emoji
  /<t:-?\d+(?::[tTdDfFR])?>/g, // a Discord timestamp
]

/** Words that only introduce a mention: "cc @ana", "hey @team,", "/cc @bob and @eve". */
const INTRODUCING = new RegExp(String.raw`(?:^|(?<=\s))(?:\/?cc|fyi|ping|hey|hi|hello|thanks|thx|ty)\s*[:,]?\s*(?=${MARK})`, 'gi')
const BETWEEN = new RegExp(String.raw`${MARK}\s*(?:,|and|&|&amp;)?\s*${MARK}`, 'gi')

/**
 * Past this many characters a message is no question (the core takes 500): only its start is read,
 * so a 40,000-character message costs what a short one does.
 */
const READ_AT_MOST = 4_000

export function questionText(text: string): string {
  // Every pattern stops at the next `<` or `>`, so a run of unclosed `<@…|` costs linear time.
  let out = text.length > READ_AT_MOST ? text.slice(0, READ_AT_MOST) : text
  for (const re of MENTIONS) out = out.replace(re, MARK)
  // "@ana and @bob" is one mention; then what introduced it goes with it.
  for (let before = ''; before !== out; ) {
    before = out
    out = out.replace(BETWEEN, MARK)
  }
  out = out
    .replace(INTRODUCING, '')
    .replace(new RegExp(`${MARK}\\s*[:,]?`, 'g'), ' ')
    .replace(/<!date\^[^|<>]*\|([^<>]*)>/g, '$1')
    .replace(/<([^<>|\s]+)\|([^<>]+)>/g, '$2')
    .replace(/<((?:https?|mailto|tel):[^<>\s]+)>/g, '$1')
    // `&amp;` last, so a typed "&amp;lt;" stays "&lt;".
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([?!.,;:])/g, '$1')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .trim()
}
