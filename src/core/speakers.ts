import { NAME_RUN, personName } from './names.js'

/** Verbs that attribute words to someone: "X said", "stated X", "according to X". */
const SPEECH = String.raw`said|says|stated|states|explained|explains|added|adds|expressed|commented|told|tells|noted|notes|argued|argues|wrote|writes|asked|revealed|mentioned|announced|warned|insisted|claimed|claims|remarked|recalled|declared|acknowledged|emphasized|emphasised|highlighted|observed|concluded|suggested|predicted|believes|thinks|replied|responded|characterized|characterised|described|called`
const PRONOUN = String.raw`he|she|they|He|She|They`
const NAME = NAME_RUN.source

/**
 * Made on first use, not when the module loads: only compiling an article finds speakers, and a
 * start from the saved index compiles none. V8 takes ~1.5 ms to parse these four (the name
 * pattern's \p{…} classes, three times over): a sixtieth of a cold `explainer ask`.
 */
let patterns: { afterQuote: RegExp; according: RegExp; nameSays: RegExp; saysName: RegExp } | undefined
function speakerPatterns() {
  patterns ??= {
    afterQuote: new RegExp(String.raw`["”][\s,]*(?:(?:${SPEECH})\s+(${NAME}|${PRONOUN})|(${NAME}|${PRONOUN})\s+(?:\w+ly\s+)?(?:${SPEECH}))`, 'u'),
    according: new RegExp(String.raw`\b[Aa]ccording to (${NAME})`, 'u'),
    // "Ned Price, a senior advisor to Blinken, characterized it as …": a short apposition may sit between.
    nameSays: new RegExp(String.raw`(${NAME}|\b(?:${PRONOUN}))(?:,[^,"“]{3,80},)?\s+(?:also\s+|\w+ly\s+)?(?:${SPEECH})\b`, 'u'),
    saysName: new RegExp(String.raw`\b(?:${SPEECH})\s+(${NAME})`, 'u'),
  }
  return patterns
}

/** Does the sentence end a quotation and name its speaker ('…," she said')? */
export function closesQuotation(sentence: string): boolean {
  return speakerPatterns().afterQuote.test(sentence)
}

/** Is there a direct quotation of several words (not just a scare-quoted phrase)? */
export function hasQuotation(sentence: string): boolean {
  const m = sentence.match(/["“]([^"”]+)["”]?/)
  return !!m && m[1].trim().split(/\s+/).length >= 5
}

export type SpeakerContext = {
  /** Who spoke last in the article, for "she stated". */
  lastSpeaker?: string
  /** Did the previous sentence of this paragraph carry a quotation? */
  quoteOpen: boolean
  /** Full names of earlier speakers, for turning "Meyer" into "Maureen Meyer". */
  knownNames: string[]
}

function resolve(raw: string, ctx: SpeakerContext): string | undefined {
  if (/^(he|she|they)$/i.test(raw)) return ctx.lastSpeaker
  const name = personName(raw)
  if (!name || /^(The|This|It|That)$/.test(name)) return undefined
  if (!name.includes(' ')) {
    const full = ctx.knownNames.find((n) => n.endsWith(` ${name}`))
    if (full) return full
  }
  return name
}

/** The speaker of a sentence, if the sentence attributes words to someone. */
export function findSpeaker(sentence: string, ctx: SpeakerContext): string | undefined {
  const speaker = attribute(sentence, ctx)
  if (speaker?.includes(' ') && !ctx.knownNames.includes(speaker)) ctx.knownNames.push(speaker)
  return speaker
}

function attribute(sentence: string, ctx: SpeakerContext): string | undefined {
  const { afterQuote, according, nameSays, saysName } = speakerPatterns()
  const quoted = sentence.match(afterQuote)
  if (quoted) return resolve(quoted[1] ?? quoted[2], ctx)
  const accordingTo = sentence.match(according)
  if (accordingTo) return resolve(accordingTo[1], ctx)
  const says = sentence.match(nameSays)
  // "the foreign minister of Mexico revealed": the name is a place in a role, not the speaker.
  if (says && !/\bof\s*$/.test(sentence.slice(0, says.index))) return resolve(says[1], ctx)
  const named = sentence.match(saysName)
  if (named && hasQuotation(sentence)) return resolve(named[1], ctx)
  // A quotation that goes on from the previous sentence keeps its speaker.
  if (ctx.quoteOpen && /^["“]/.test(sentence)) return ctx.lastSpeaker
  return undefined
}

/**
 * Does the sentence name its speaker itself, rather than through a "he" the article's reading
 * resolved? A whole word of it is the speaker's surname: "Lee" is not named by "Leeds", and
 * "Kilroy-Silk" and "Selee's" are.
 */
export function namesItsSpeaker(sentence: string, speaker: string): boolean {
  const surname = speaker.split(' ').pop()
  return !!surname && sentence.split(/[^\p{L}'’-]+/u).some((w) => w.replace(/['’]s?$/, '') === surname)
}
