/**
 * Questions as people type them in a chat: "how did the biden admin respond", "anything about
 * migrants riding trains north?", "so whats the deal basically". Chat shorthand is written out
 * ("admin" -> "administration", "govt" -> "government") so it meets the article's words, and the
 * padding that frames a question without asking anything ("do you know", "anything about", "so …",
 * "… basically") is taken off so the question type is read from the question proper ("can you
 * tell me how many …" asks for a number, not yes or no).
 *
 * This is general English chat usage, not any article's words: a small table, kept short on
 * purpose. Only unambiguous shorthand is listed ("min" could be a minister or a minute; "us" and
 * other acronyms are aliases.ts's business). Works on folded text (lower case, straight quotes).
 */

/** Shorthand -> the word(s) it stands for. Matched as whole words. */
const SHORTHAND: Record<string, string> = {
  admin: 'administration',
  admins: 'administrations',
  govt: 'government',
  govts: 'governments',
  gvt: 'government',
  "gov't": 'government',
  pres: 'president',
  prez: 'president',
  dept: 'department',
  depts: 'departments',
  intl: 'international',
  natl: 'national',
  approx: 'approximately',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  bcoz: 'because',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  ppl: 'people',
  abt: 'about',
  thru: 'through',
  tho: 'though',
  yrs: 'years',
  // A question word run into its verb: "whats title 42", "whos andrew selee".
  whats: 'what is',
  whos: 'who is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  whys: 'why is',
  // Negations without their apostrophe keep their "not": "what didnt they agree".
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  hasnt: 'has not',
  havent: 'have not',
  hadnt: 'had not',
  wont: 'will not',
  couldnt: 'could not',
  shouldnt: 'should not',
  wouldnt: 'would not',
}

/**
 * A listed word standing alone: not inside "u.s.", "k-9", "r&b" or "gov't's", and "gov" only
 * without the full stop that makes it a title ("Gov. Newsom" is a governor).
 */
const SHORT_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}'.&-])(?:${Object.keys(SHORTHAND)
    .sort((a, b) => b.length - a.length)
    .join('|')}|gov(?!\.))(?![\p{L}\p{N}&]|['.-][\p{L}\p{N}])`,
  'gu',
)

/** "753 bc" is a year, not "because". */
const AFTER_NUMBER = /\d\s*$/

/** Written with a slash: "w/", "w/o", "b/c". */
const SLASHED: [RegExp, string][] = [
  [/(?<![\p{L}\p{N}])w\/o(?![\p{L}\p{N}])/gu, 'without '],
  [/(?<![\p{L}\p{N}])b\/c(?![\p{L}\p{N}])/gu, 'because '],
  [/(?<![\p{L}\p{N}])w\/(?=\s|\p{L})/gu, 'with '],
]

/**
 * Openers that say nothing: "so", "ok", "hey", "btw", "quick question:". Taken off one after
 * another; not the first part of a word ("so-called", "well-known", "hi-tech", "k-pop").
 */
const OPENER = /^(?:(?:so|ok|okay|k|hey|hi|hello|yo|um+|uh+|hm+|erm|well|btw|lol|also|and so|quick q|quick question|question|please)\b(?![-'])[\s,:;.!]*)+/

/**
 * Framing that asks to be told rather than asking: "do you know", "can you tell me", "any idea",
 * "I was wondering". What follows is the question ("do you know who …" is a "who" question).
 */
const FRAMING =
  /^(?:(?:do|does|did) (?:you|anyone|anybody) (?:happen to )?know|(?:can|could|would|will) (?:you|anyone|someone) (?:please )?(?:tell|show|remind) me|(?:any|got any|have any) ideas?|i (?:want|wanted|would like|'d like|need) to know|i(?:'m| am) (?:curious|wondering)|i was wondering|i wonder|(?:please )?(?:tell|remind) me(?! about\b))\b[\s,:]*/

/** "… if X" after a framing asks yes or no: "do you know if the deal was signed". */
const WHETHER = /^(?:if|whether)\b\s*/

/**
 * "anything about X", "tell me about X", "is there anything on X", "any info on X": a request for
 * what the article says about X, read as a plain "X" (a "what" question about X, not yes or no).
 */
const ABOUT =
  /^(?:(?:is|was) there )?(?:anything|something|any (?:info|information|news|details?|mention)|more|what about|(?:please )?tell me(?: more)?|info|details?)(?: (?:in the (?:article|story)|at all|else))? (?:about|on|regarding|re|concerning)\b\s*/

/** Words that pad a question anywhere without changing it: "what exactly did he say", "lol". */
const FILLER = /(?<![\p{L}\p{N}'])(?:exactly|basically|lol|lmao|btw|pls|please|thx|thanks)(?![\p{L}\p{N}'])/gu

/** Tails that add nothing: "… again", "… then", "… anyway", "… in the article". */
const TAIL = /(?:[\s,]+(?:again|then|anyway|anyways|tho|though|in (?:the|this) (?:article|story)|in short|in a nutshell|overall))+(?=[\s?.!]*$)/

/**
 * Words any of the replacements above starts from. Most questions have none, and one look-up
 * per word costs less than running every pattern over the text (ask() is timed in microseconds).
 */
const LISTED = new Set([
  ...Object.keys(SHORTHAND),
  ...'gov w b exactly basically lol lmao btw pls please thx thanks again then anyway anyways tho though article story short nutshell overall'.split(' '),
])
/** First words the padding patterns start from, and for the common ones the second word too. */
const FIRST_WORDS = new Set(
  'so ok okay k hey hi hello yo well btw lol also quick question please anything something tell remind info details detail any got i'.split(' '),
)
// A Map, not an object: a question may begin with "constructor".
const SECOND_WORDS = new Map<string, Set<string>>()
for (const [first, second] of [
  ['do does did can could would will', 'you anyone anybody someone'],
  ['is was', 'there'],
  ['what', 'about'],
  ['and', 'so'],
  ['more', 'about on regarding re concerning'],
  ['have', 'any'],
]) {
  const seconds = new Set(second.split(' '))
  for (const f of first.split(' ')) SECOND_WORDS.set(f, seconds)
}

/** "umm", "uhh", "hmm", "erm": openers of any length. */
const HESITATION = /^(?:u+m+|u+h+|h+m+|er+m+)$/

/** Could any replacement apply? Asked first: most questions are typed tidily enough. */
function mayBeChat(ws: string[]): boolean {
  if (FIRST_WORDS.has(ws[0]) || SECOND_WORDS.get(ws[0])?.has(ws[1] ?? '') || HESITATION.test(ws[0])) return true
  for (const w of ws) if (LISTED.has(w)) return true
  return false
}

/**
 * The folded question with chat shorthand written out and its padding taken off. `capitalised`:
 * the words the asker wrote with a capital, folded; those are kept as written ("the R number",
 * "the U in UCLA", "753 BC" are no shorthand).
 */
export function unchat(folded: string, capitalised: ReadonlySet<string> = new Set()): string {
  const ws = folded.match(/[a-z']+/g)
  return ws && mayBeChat(ws) ? unchatAll(folded, capitalised) : folded
}

/** Every replacement, without the quick look first. Exported for its test. */
export function unchatAll(folded: string, capitalised: ReadonlySet<string> = new Set()): string {
  let text = folded
  if (text.includes('/')) for (const [re, by] of SLASHED) text = text.replace(re, by)
  text = text.replace(SHORT_WORD, (w: string, at: number, all: string) => {
    if (capitalised.has(w) || (w === 'bc' && AFTER_NUMBER.test(all.slice(0, at)))) return w
    return Object.hasOwn(SHORTHAND, w) ? SHORTHAND[w] : w === 'gov' ? 'government' : w
  })
  text = text
    .replace(FILLER, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,?.!])/g, '$1')
    .trim()
  const before = text
  text = text.replace(OPENER, '')
  const framed = FRAMING.exec(text)
  if (framed) text = text.slice(framed[0].length).replace(WHETHER, 'is ')
  text = text.replace(ABOUT, '').replace(TAIL, '')
  text = text.replace(/^[\s,:;.!-]+/, '').trim()
  // Nothing left but punctuation ("so?", "any idea?"): keep what was asked, it is for the
  // conversation to read.
  return /[\p{L}\p{N}]/u.test(text) ? text : before
}
