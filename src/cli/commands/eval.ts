import { readFileSync } from 'node:fs'
import { type EvalQuestion, evaluate, parseQuestionFile } from '../../core/evaluate.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command } from '../command.js'
import { EXIT, UsageError } from '../errors.js'
import { formatEvalTable, formatMisses } from '../format-eval.js'
import { write } from '../output.js'

const FORMAT_HINT = 'a question file is a JSON array of {"cat", "q", "any": [...]} or {"cat", "q", "expect": "abstain"}'

/** Read and checked before the knowledge is loaded: a wrong file name should not wait for an index. */
function readQuestions(file: string): EvalQuestion[] {
  let source: string
  try {
    source = readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a question file' : `cannot be read (${code ?? 'error'})`
    throw new UsageError(`${file}: ${why}`, '')
  }
  let questions: EvalQuestion[]
  try {
    questions = parseQuestionFile(source)
  } catch (e) {
    // The core's own message already states the format; a JSON syntax error does not.
    if (e instanceof SyntaxError) throw new UsageError(`${file}: is not valid JSON (${e.message})`, FORMAT_HINT)
    throw new UsageError(`${file}: ${(e as Error).message}`, '')
  }
  if (!questions.length) throw new UsageError(`${file}: has no questions`, FORMAT_HINT)
  return questions
}

export const evalCommand = {
  name: 'eval',
  synopsis: ['FILE [--knowledge DIR] [--verbose] [--json]'],
  summary: 'score a question file: the share answered right and abstained right, by category',
  flags: {
    knowledge: KNOWLEDGE_FLAG,
    verbose: { type: 'boolean', description: 'also list every miss: the question, the status and the start of the answer' },
    json: { type: 'boolean', description: 'print the scores and every result as one JSON object' },
  },
  details: ['explainer eval ../shared/eval/dev-questions.json', 'explainer eval squad2/normans.questions.json --knowledge squad2/normans --verbose'],
  async run({ args, io, explainer }) {
    if (args.positionals.length !== 1)
      throw new UsageError(args.positionals.length ? 'eval takes one question file' : 'eval needs a question file: explainer eval questions.json')
    const questions = readQuestions(args.positionals[0])
    const ex = await explainer()
    const report = evaluate(questions, (q) => ex.ask(q))

    if (args.bool('json')) {
      const results = report.results.map((r) => ({ ...r.question, right: r.right, status: r.answer.status, text: r.answer.text }))
      await write(io.stdout, `${JSON.stringify({ byCategory: report.byCategory, total: report.total, results })}\n`)
      return EXIT.ok
    }
    await write(io.stdout, `${args.bool('verbose') ? formatMisses(report.results) : ''}${formatEvalTable(report)}`)
    return EXIT.ok
  },
} satisfies Command
