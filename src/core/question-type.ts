/** What kind of answer a question wants, read from how it is phrased (folded text). */
export type QuestionType = 'overview' | 'number' | 'when' | 'where' | 'who' | 'quote' | 'why' | 'yesno' | 'what'

export const OVERVIEW =
  /^(?:(?:please\s+)?(?:give me\s+)?(?:an?\s+)?(?:summary|summari[sz]e|overview|tl;?\s*dr|recap|gist|synopsis)\b|(?:what(?:'s| is| are)?\s+)?(?:the\s+)?(?:main|key)\s+(?:points|takeaways|facts|ideas)|what(?:'s| is)\s+(?:this|the article|the story|it|this article|this story)\s+(?:about|saying)|what does (?:the|this) (?:article|story) (?:say|cover)|what happened\??$|(?:summari[sz]e|sum up) (?:the|this) (?:article|story))/

/** A speech verb read as a noun ("the state", "a call", "his claim") does not make a quote question. */
const NOT_A_NOUN = String.raw`(?<!\b(?:the|a|an|this|that|its|his|her|their|each|every|which|what)\s)`
const SPEECH_VERB = String.raw`(?:say|said|tell|told|call|called|argue|think|claim|state|explain|mean|believe|add|comment|write|warn|reveal|mention|announce|describe|express)`

/**
 * Phrases that only say what kind of answer is wanted: they are not looked for in the text. Each
 * alternative starts with literal words (see startsWithWord). Exported for its test.
 */
export const TYPE_PATTERNS: readonly [QuestionType, RegExp][] = [
  [
    'number',
    /^(?:about |roughly |approximately )?how (?:many|much|big|large|long|far|often|old|high|tall|fast|heavy|deep|wide|small)\b|^(?:by |in )?(?:what|which) (?:percentage|percent|proportion|share|number|amount|fraction|size|sum|rate|cost|price|population|figure)\b/,
  ],
  [
    'when',
    /^when\b|^(?:in |by |since |until |on |during )?(?:what|which) (?:year|years|date|day|month|time|century|centuries|decade|period|era|season|age)\b|^how long ago\b/,
  ],
  [
    'where',
    // Not "what part": a part of something is rarely a place ("what part of the brain…").
    /^where\b|^(?:in |to |from |at |on |into )?(?:what|which) (?:country|countries|city|cities|place|places|region|regions|state|states|continent|location|area|river|island|town|nation|nations|site|border|capital|province|territory)\b/,
  ],
  ['why', /^why\b|^(?:for )?what (?:is |was |were |are )?(?:the )?(?:reason|reasons|cause|causes|motive|motives|purpose|goal|aim)\b|^how come\b/],
  [
    'quote',
    new RegExp(
      String.raw`^what (?:did|does|do|has|have|had) .{2,60}? ${NOT_A_NOUN}${SPEECH_VERB}\b|^how (?:did|does) .{2,60}? ${NOT_A_NOUN}(?:describe|characteri[sz]e|explain)\b`,
    ),
  ],
  [
    'who',
    /^(?:who|whom|whose)\b|^(?:what|which) (?:person|people|man|woman|men|women|leader|leaders|official|officials|organization|organisation|group|company|agency|institution|ambassador|president|king|queen|duke|author|team|party|politician|body|family|dynasty|school|university|college)\b/,
  ],
  ['yesno', /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)\b/],
]

/**
 * A leading clause that frames the question rather than asking it: "According to X, what…",
 * "When X is required, what…", "If X, how…". The question proper follows the comma; the
 * clause's words still count as what the question is about.
 */
const FRAME =
  /^(?:according to|when|if|once|after|before|while|as|since|in|during|for)\b[^,?]{2,80},\s*(?=(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could)\b)/

/**
 * Could `re` match a question whose first word is `word`? Every pattern above begins with literal
 * words (tests/question-type.test.ts holds that), so it can only if it spells the word out. Asked
 * first, because V8 compiles a regular expression the first time it runs it, ~0.5-1 ms for each of
 * these: a cold `explainer ask` then compiles only the patterns its questions could match.
 */
function startsWithWord(re: RegExp, word: string): boolean {
  const source = re.source
  const isLetter = (i: number) => source.charCodeAt(i) >= 97 && source.charCodeAt(i) <= 122
  for (let i = source.indexOf(word); i >= 0; i = source.indexOf(word, i + 1)) if (!isLetter(i - 1) && !isLetter(i + word.length)) return true
  return false
}

export type TypeReading = {
  type: QuestionType
  /** The folded question without the phrase that only named the type. */
  rest: string
  /** The question proper: without a framing clause ("According to X, …"), cleaned. */
  asked: string
}

/**
 * `punctuated` is the folded question with its commas; `clean` strips punctuation the way the
 * rest of the parsing expects (`cleaned` is `punctuated` already cleaned).
 */
export function readType(punctuated: string, clean: (text: string) => string, cleaned = clean(punctuated)): TypeReading {
  const frame = punctuated.includes(',') ? punctuated.match(FRAME) : null
  const asked = frame ? clean(punctuated.slice(frame[0].length)) : cleaned
  const lead = frame ? `${clean(frame[0])} ` : ''
  const first = /^[a-z]+/.exec(asked)?.[0]
  for (const [type, re] of TYPE_PATTERNS) {
    if (!first || !startsWithWord(re, first)) continue
    const m = asked.match(re)
    if (m) return { type, rest: lead + (type !== 'quote' && type !== 'yesno' ? asked.slice(m[0].length) : asked), asked }
  }
  // "According to X" with nothing after it asks what X said.
  if (/^according to\b/.test(asked) && !frame) return { type: 'quote', rest: asked, asked }
  return { type: 'what', rest: lead + asked, asked }
}
