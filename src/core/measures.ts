import { MONTHS, WEEKDAYS } from './calendar.js'
import type { Candidate } from './candidates.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { fold } from './normalize.js'
import { numbersIn, ONE_TO_TWELVE, TENS } from './numbers.js'

/**
 * What a number question measures, and whether a sentence's number is that measure. "How old is
 * the mayor?" is not answered by "Tens of thousands rallied…": a number near the question's words
 * is not an answer unless it is an age. Read from how the question is phrased, never from an
 * article's words: the units and phrasings of English (years old, km, %, $, …) are the signal.
 */
export type Measure = 'age' | 'duration' | 'distance' | 'money' | 'share' | 'weight' | 'speed'

/** A number as digits or words ("29", "twenty-nine", "a", "two"). */
const N = String.raw`(?:\d[\d,.]*|(?:[a-z]+-)?(?:a|an|${ONE_TO_TWELVE.join('|')}|[a-z]+teen|${TENS.join('|')}|hundred|several|few|many|dozen|dozens|hundreds|thousands))`
const TIME_UNIT = String.raw`(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ies)|season|term)s?`
const LENGTH_UNIT = String.raw`(?:km|kms|kilomet(?:re|er)s?|miles?|m|metres?|meters?|feet|foot|ft|yards?|inch(?:es)?|cm|mm|nautical miles?|leagues?)`

/** What each measure looks like written down (case-blind). */
const WRITTEN: Record<Measure, RegExp> = {
  // "29-year-old", "aged 29", "29 years old", "at 101", "born in 1950", ", 45,", "in his seventies".
  age: new RegExp(
    String.raw`\b${N}[- ](?:years?|months?|weeks?|days?)[- ]old\b|\baged? (?:of )?\d|\bat (?:the age of )?\d{1,3}\b(?!\s*(?:%|percent|am|pm|[a-z]))|\bborn\b|\b(?:is|was|turned|turns|reached|reaches) \d{1,3}\b(?!\s*(?:%|percent|[a-z]))|, \d{1,3},|\bin (?:his|her|their) (?:late |early |mid-?)?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|\d0s)\b|\b(?:centenarian|teenage|octogenarian|nonagenarian)`,
    'i',
  ),
  // "eight years", "a decade", "until 2005", "since 1990", "for four days", "from 1950 to 1960".
  duration: new RegExp(
    String.raw`\b${N}[- ]${TIME_UNIT}\b|\b(?:until|till|since|throughout)\b|\bfrom \d{3,4} (?:to|until)\b|\b\d{3,4}\s?[-–]\s?\d{2,4}\b`,
    'i',
  ),
  // "8km", "3 miles", "5,000m", "200 metres".
  distance: new RegExp(String.raw`\b${N}\s?${LENGTH_UNIT}\b`, 'i'),
  // "$1bn", "£3m", "10 million dollars", "a million pesos", "€5".
  money: new RegExp(
    String.raw`[$£€¥₹]\s?\d|\b\d[\d,.]*\s?(?:usd|gbp|eur)\b|\b${N}(?:\s(?:million|billion|trillion|thousand|hundred))?\s(?:dollars?|pounds?|euros?|pesos?|yen|yuan|rupees?|francs?|marks?|cents?|pence|roubles?|rubles?|dinars?|lira|shillings?|guineas?|livres?|ducats?|crowns?|taels?)\b`,
    'i',
  ),
  // "30%", "ten percent", "one in five", "a third", "half", "the majority".
  share: new RegExp(
    String.raw`%|\bper ?cent\b|\bpercentage\b|\b${N} (?:in|out of) (?:every )?${N}\b|\b(?:half|third|thirds|quarter|quarters|fifths?|majority|minority|most|fraction|proportion)\b`,
    'i',
  ),
  weight: new RegExp(String.raw`\b${N}\s?(?:kg|kgs|kilo(?:gram)?s?|grams?|g|tonnes?|tons?|pounds?|lbs?|ounces?|oz|stones?|carats?)\b`, 'i'),
  // "120mph", "13% annually", "twice a year": a rate of change is a speed too.
  speed:
    /\b(?:mph|kph|km\/h|knots?)\b|\bper (?:hour|second|minute|day|week|month|year|annum)\b|\b(?:an|a|each|every) (?:hour|second|minute|day|week|month|year)\b|\bannually\b|%|\bper ?cent\b/i,
}

/** Money asked: "how much does X cost", "how much money", "how much is X spending / paying". */
const MONEY_ASKED =
  /\b(?:cost|costs|costing|money|spend|spends|spent|spending|pay|pays|paid|paying|price|priced|worth|earn|earns|earned|funding|budget|salary|wage|wages|fee|fees|fine|fined|donate|donated|invest|invested|charge|charged|sell for|sold for|bought for)\b/

/**
 * The measure a question asks for, or undefined when it asks for a plain count ("how many") or
 * for something the phrasing leaves open ("how big", "how much did X grow"). `folded` is the
 * question folded (see Question.folded).
 */
export function measureAsked(folded: string): Measure[] | undefined {
  const q = folded.replace(/^(?:about|roughly|approximately)\s+/, '')
  if (/^how old\b|^(?:at )?what age\b/.test(q)) return ['age']
  // "How long is the race?" asks a length as often as a time.
  if (/^how long\b(?! ago)/.test(q)) return ['duration', 'distance']
  if (/^how (?:far|wide|deep|tall)\b/.test(q)) return ['distance']
  if (/^how heavy\b/.test(q)) return ['weight']
  if (/^how fast\b/.test(q)) return ['speed']
  if (/^(?:by |in )?(?:what|which) (?:percentage|percent|proportion|share|fraction)\b/.test(q)) return ['share']
  if (/^how much\b|^(?:what|which) (?:cost|price|sum|amount)\b/.test(q) && MONEY_ASKED.test(q)) return ['money']
  return undefined
}

/** Does the text state one of the measures? */
export function statesMeasure(text: string, measures: Measure[]): boolean {
  // Case-blind patterns on the text as written: folding every candidate's text cost more.
  return measures.some((m) => WRITTEN[m].test(text))
}

/** A day of the month beside its month ("8 November", "November 8"): a date, not an amount. */
const DAY_OF_MONTH =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\b/g
/** A year is a date, not an amount: 1000-2099 written alone. */
const YEAR = /^(?:1\d|20)\d\d$/

/**
 * Does the text give a number the question does not? "How much will the 15-point plan cost?" is
 * not answered by "…developed a 15-point plan": the sentence's only number is the one asked
 * about. Years and days of the month are dates, not amounts; a vague amount ("several",
 * "thousands", "half") is one the question does not give.
 */
export function givesNewNumber(text: string, asked: Set<string>): boolean {
  const folded = fold(text).replace(DAY_OF_MONTH, ' ')
  for (const n of numbersIn(folded)) if (!asked.has(n) && !YEAR.test(n)) return true
  return /\b(?:several|dozens|hundreds|thousands|millions|billions|half|quarter|majority|few|many)\b/.test(folded)
}

const DATE_SEEN = new RegExp(String.raw`\b(?:${[...MONTHS, ...WEEKDAYS].join('|')})\b`, 'i')

/**
 * The months and weekdays a question names ("crossings in August", "on Friday"): a constraint
 * as a number is. "May" and "March" count only capitalised and not first ("May I…", "march").
 */
export function datesAsked(raw: string): string[] {
  const out: string[] = []
  // Most questions name no month or weekday: one cheap look first.
  if (!DATE_SEEN.test(raw)) return out
  for (const m of raw.matchAll(/(?<=\S\s+)\p{L}+/gu)) {
    const w = fold(m[0])
    if (WEEKDAYS.includes(w)) out.push(w)
    else if (MONTHS.includes(w) && ((w !== 'may' && w !== 'march') || /^\p{Lu}/u.test(m[0]))) out.push(w)
  }
  return out
}

/**
 * Does the text name the month or weekday, in full or shortened ("Aug", "Sept", "Fri")? The
 * short forms, and "May" and "March", only capitalised: "may", "march", "sat", "sun" and "wed"
 * are everyday words.
 */
export function namesDate(text: string, date: string): boolean {
  const capital = (w: string) => w[0].toUpperCase() + w.slice(1)
  const short = [date.slice(0, 3), ...(date === 'september' ? ['sept'] : [])].map(capital).join('|')
  if (new RegExp(String.raw`\b(?:${short})\b`, 'u').test(text)) return true
  return date === 'may' || date === 'march' ? new RegExp(String.raw`\b${capital(date)}\b`).test(text) : new RegExp(String.raw`\b${date}\b`, 'i').test(text)
}

/**
 * "The 29-year-old would be a strong contender…": news names a person once and then by their
 * age, so the sentence is about whoever the one before it names. Only before a verb: "The
 * 40-year-old embargo" is a thing, not a person.
 */
const OPENS_WITH_AGE =
  /^the (?:\d+|[\p{L}]+(?:-[\p{L}]+)?)-year-old\s+(?:is|was|will|would|has|had|can|could|may|might|must|should|did|does|said|says|took|won|made|came|went|got|ran|became|left|told|who|\p{Ll}+ed|\p{Ll}+s)\b/iu

const YEAR_OLD = /-year-old/i

/** Does the sentence open "The 29-year-old would…"? The plain look first: the pattern is case-blind Unicode, costly to compile on a cold start. */
export function opensWithAge(text: string): boolean {
  return YEAR_OLD.test(text) && OPENS_WITH_AGE.test(text)
}

/** The "The 29-year-old …" sentences right after candidates, as candidates too (at their search score). */
export function ageFollowers(kb: KnowledgeBase, results: Candidate[]): Candidate[] {
  const seen = new Set(results.map((r) => r.id))
  const out: Candidate[] = []
  for (const r of results) {
    const next = kb.facts[r.id + 1]
    if (next && !seen.has(r.id + 1) && next.article === kb.facts[r.id].article && opensWithAge(next.text)) {
      seen.add(r.id + 1)
      out.push({ id: r.id + 1, score: r.score })
    }
  }
  return out
}
