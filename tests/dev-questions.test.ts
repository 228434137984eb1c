import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { type CategoryScore, type EvalQuestion, type EvalReport, evaluate, parseQuestionFile } from '../src/core/evaluate.js'
import { createExplainer } from '../src/core/explainer.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

/**
 * Quality floors: the share of answerable questions answered right and of unanswerable questions
 * declined right, per question set, may not fall more than 6 points below what was measured.
 *
 * Measured on 2026-11-28 at commit d1216b2 (evaluate() over the whole files, same code as
 * `explainer eval`):
 *   set                 answered right      abstained right
 *   dev-questions       53/55  = 96.4%      15/16  = 93.8%
 *   1973_oil_crisis     99/106 = 93.4%      16/149 = 10.7%
 *   harvard_university  94/112 = 83.9%      29/150 = 19.3%
 *   normans             83/96  = 86.5%      13/112 = 11.6%
 *   packet_switching    84/104 = 80.8%      29/269 = 10.8%
 * (Minutes earlier the same day, at commit 4cd4237, they were 90.9/93.8, 85.8/10.7, 74.1/22.0, 77.1/12.5, 74.0/14.1.)
 * When the core gets better, raise the figures here; never lower them to make a change pass.
 */
const MARGIN = 6

type Measured = { name: string; questions: string; knowledge: string; answered: number; abstained: number }

const EVAL = '/work/shared/eval'
const squad = (name: string, answered: number, abstained: number): Measured => ({
  name,
  questions: `${EVAL}/squad2/${name}.questions.json`,
  knowledge: `${EVAL}/squad2/${name}`,
  answered,
  abstained,
})

const MEASURED: Measured[] = [
  { name: 'dev-questions', questions: `${EVAL}/dev-questions.json`, knowledge: 'knowledge', answered: 96.4, abstained: 93.8 },
  squad('1973_oil_crisis', 93.4, 10.7),
  squad('harvard_university', 83.9, 19.3),
  squad('normans', 86.5, 11.6),
  squad('packet_switching', 80.8, 10.8),
]

function percent(right: number, of: number): number {
  return of ? (100 * right) / of : 100
}

/** Which questions went wrong, to show when a floor is broken. */
function misses(report: EvalReport, abstain: boolean): string[] {
  return report.results.filter((r) => !r.right && (r.question.expect === 'abstain') === abstain).map((r) => r.question.q)
}

describe.each(MEASURED)('evaluation of $name', (m) => {
  let questions: EvalQuestion[]
  let report: EvalReport
  let total: CategoryScore
  beforeAll(() => {
    questions = parseQuestionFile(readFileSync(m.questions, 'utf8'))
    const bot = createExplainer(loadKnowledge(m.knowledge))
    report = evaluate(questions, (q) => bot.ask(q))
    total = report.total
  })

  it('scores every question in the file', () => {
    expect(report.results).toHaveLength(questions.length)
    expect(total.answerable).toBeGreaterThan(0)
    expect(total.unanswerable).toBeGreaterThan(0)
  })

  it(`answers at least ${(m.answered - MARGIN).toFixed(1)}% of the answerable questions right (measured ${m.answered}%)`, () => {
    const got = percent(total.answeredRight, total.answerable)
    expect(got, `${total.answeredRight}/${total.answerable}; wrong: ${misses(report, false).join(' | ')}`).toBeGreaterThanOrEqual(m.answered - MARGIN)
  })

  it(`declines at least ${(m.abstained - MARGIN).toFixed(1)}% of the unanswerable questions (measured ${m.abstained}%)`, () => {
    const got = percent(total.abstainedRight, total.unanswerable)
    expect(got, `${total.abstainedRight}/${total.unanswerable}; answered anyway: ${misses(report, true).slice(0, 20).join(' | ')}`).toBeGreaterThanOrEqual(
      m.abstained - MARGIN,
    )
  })
})
