import type { KnowledgeBase } from './knowledge-base.js'
import { datesAsked, givesNewNumber, type Measure, measureAsked, namesDate, statesMeasure } from './measures.js'
import { capitalisedAfterFirst, fold } from './normalize.js'
import { mayHaveNumber, numbersIn } from './numbers.js'
import type { Question } from './question.js'
import type { Trap } from './traps.js'

/**
 * The traps of number questions (issue 8): a sentence holding some number near the question's
 * words is not an answer when its number is not the measure asked, is the question's own number,
 * or belongs to another month. Kept apart from traps.ts, which calls `measureTrap` once.
 */

/** Which checks run: switched off one at a time by hand to measure each on `npm run eval`. */
export const MEASURE_TRAPS = { measure: true, newNumber: true, dateAsked: true }

/** How a decline names the measure the sentence does not give ("a figure for "age""). */
const MEASURE_NAME: Record<Measure, string> = {
  age: 'age',
  duration: 'how long',
  distance: 'distance',
  money: 'cost',
  share: 'share',
  weight: 'weight',
  speed: 'speed',
}

/** A word capitalised after the first: part of a name, whose number names rather than asks. */
const NAME_WORD = capitalisedAfterFirst(String.raw`\p{L}'’`)

/** The first number-question trap the fact falls into; `near` are its neighbours (neighboursOf). */
export function measureTrap(kb: KnowledgeBase, q: Question, id: number, near: number[]): Trap | undefined {
  const text = kb.facts[id].text
  if (q.type === 'number') {
    // "How old is the mayor?": the sentence itself must state an age, not just some number.
    const measures = MEASURE_TRAPS.measure ? measureAsked(q.folded) : undefined
    if (measures && !statesMeasure(text, measures)) return { kind: 'uncounted', word: MEASURE_NAME[measures[0]] }
    // "How much will the 15-point plan cost?": the answer is a number the question does not give.
    if (MEASURE_TRAPS.newNumber && mayHaveNumber(q.raw)) {
      // A number inside a name ("the Seven Years' War", "World War II") names; it asks nothing.
      const asked = numbersIn(fold(q.raw.replace(NAME_WORD, ' ')))
      if (asked.size && !givesNewNumber(text, asked)) return { kind: 'misfit', wants: 'number' }
    }
  }
  // "How many crossings were there in August?": the month is a constraint as a number is.
  if (MEASURE_TRAPS.dateAsked) {
    for (const date of datesAsked(q.raw)) {
      if (![id, ...near].some((f) => namesDate(kb.facts[f].text, date))) return { kind: 'number', word: date[0].toUpperCase() + date.slice(1) }
    }
  }
  return undefined
}
