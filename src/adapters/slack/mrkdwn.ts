import { fitEscaped, fitInline } from '../shared/fit.js'

/**
 * Slack's text markup in both directions. Everything the bot echoes (the question, the answer, a
 * quote, a section heading) goes through `escapeMrkdwn`, so no text a member typed can become a
 * mention, a `<!channel>` or a link; incoming text goes through `questionText`
 * (adapters/shared/question-text.ts), so the core reads the question, not Slack's markup of it.
 */

/**
 * `&`, `<` and `>` as Slack wants them escaped: with them escaped, `<!channel>`, `<!here>` and
 * `<@U123>` print as text instead of notifying anyone. A bare `@channel` only pings when a message
 * is posted with `link_names`, which this bot never sets; a word joiner after the `@` keeps it
 * harmless even so, and is invisible to a reader.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1')
}

/** Escaped text of at most `max` characters, cut before it is escaped (shared/fit.ts). */
export function fitMrkdwn(raw: string, max: number): string {
  return fitEscaped(raw, max, escapeMrkdwn)
}

/** One line of escaped text: a question quoted inline must not break the block it stands in. */
export function inlineMrkdwn(raw: string, max: number): string {
  return fitInline(raw, max, escapeMrkdwn)
}
