import { existsSync, statSync } from 'node:fs'
import type { CategoryScore } from '../../core/evaluate.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command, CommandContext } from '../command.js'
import { EXIT, SetupError, UsageError } from '../errors.js'
import { write } from '../output.js'

const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false

/** One file: the table by category (or every miss first, with --verbose), or one JSON object. */
async function evalFile(ctx: CommandContext, file: string): Promise<number> {
  const { readEvalFile } = await import('../eval/eval-sets.js')
  const { scoreFile } = await import('../eval/score.js')
  const { formatEvalTable, formatMisses } = await import('../eval/format-eval.js')
  const parsed = readEvalFile(file)
  const report = scoreFile(parsed, await ctx.explainer())
  if (ctx.args.bool('json')) {
    const results = report.results.map((r) => ({ ...r.question, right: r.right, status: r.answer.status, text: r.answer.text }))
    await write(ctx.io.stdout, `${JSON.stringify({ byCategory: report.byCategory, total: report.total, results })}\n`)
  } else {
    await write(ctx.io.stdout, `${ctx.args.bool('verbose') ? formatMisses(report.results) : ''}${formatEvalTable(report)}`)
  }
  return EXIT.ok
}

const percent = (right: number, of: number): number => (of ? (100 * right) / of : 100)

const add = (a: CategoryScore, b: CategoryScore): CategoryScore => ({
  cat: a.cat,
  answerable: a.answerable + b.answerable,
  answeredRight: a.answeredRight + b.answeredRight,
  unanswerable: a.unanswerable + b.unanswerable,
  abstainedRight: a.abstainedRight + b.abstainedRight,
})

/** Every set of a folder in one table, each group totalled; exit 1 when a set or group is below its floor. */
async function evalFolder(ctx: CommandContext, dir: string): Promise<number> {
  const { findEvalSets, readEvalFile, readFloors } = await import('../eval/eval-sets.js')
  const { scoreFile } = await import('../eval/score.js')
  const { formatMisses, formatSetsTable } = await import('../eval/format-eval.js')
  const sets = findEvalSets(dir)
  const files = sets.map((s) => readEvalFile(s.file))
  const floorsFile = ctx.args.string('floors')
  const floors = floorsFile ? readFloors(floorsFile) : new Map()

  const rows: { name: string; key: string; total: CategoryScore }[] = []
  const groups = new Map<string, { total: CategoryScore; count: number }>()
  let misses = ''
  for (const [i, set] of sets.entries()) {
    const explainer = set.knowledge ? await ctx.explainerOf(set.knowledge) : await ctx.explainer()
    const report = scoreFile(files[i], explainer)
    rows.push({ name: set.name, key: set.name, total: report.total })
    if (ctx.args.bool('verbose')) misses += `${set.name}: ${formatMisses(report.results)}`
    if (set.group) {
      const g = groups.get(set.group)
      groups.set(set.group, g ? { total: add(g.total, report.total), count: g.count + 1 } : { total: report.total, count: 1 })
    }
  }
  for (const [name, g] of groups) rows.push({ name: `${name} (${g.count} articles together)`, key: name, total: g.total })

  const judged = rows.map(({ key, ...r }) => {
    const floor = floors.get(key)
    const failed =
      floor !== undefined &&
      (percent(r.total.answeredRight, r.total.answerable) < floor.answered || percent(r.total.abstainedRight, r.total.unanswerable) < floor.declined)
    return { ...r, ...(floor ? { floor } : {}), failed }
  })
  if (ctx.args.bool('json')) await write(ctx.io.stdout, `${JSON.stringify(judged)}\n`)
  else await write(ctx.io.stdout, `${misses}${formatSetsTable(judged)}`)
  const below = judged.filter((r) => r.failed)
  for (const r of below) ctx.io.stderr.write(`explainer: ${r.name} is below its floor (${r.floor?.answered}% answered, ${r.floor?.declined}% declined)\n`)
  return below.length ? EXIT.setup : EXIT.ok
}

export const evalCommand = {
  name: 'eval',
  synopsis: ['FILE [--knowledge DIR] [--verbose] [--json]', 'FOLDER [--floors FILE] [--verbose] [--json]'],
  summary: 'score a question file, or every set of an eval folder against its floors',
  flags: {
    knowledge: KNOWLEDGE_FLAG,
    verbose: { type: 'boolean', description: 'also list every miss: the question, the status and the start of the answer' },
    json: { type: 'boolean', description: 'print the scores (and, for a file, every result) as JSON' },
    floors: {
      type: 'string',
      placeholder: 'FILE',
      description: 'with a FOLDER: the lowest shares each set may score ({"set": {"answered": 90, "declined": 80}}); below one, exit 1',
    },
  },
  details: [
    'explainer eval questions.json',
    'explainer eval harbour.questions.json --knowledge harbour --verbose',
    'explainer eval "$EVAL_DIR" --floors eval-floors.json    what npm run eval runs (EVAL_DIR defaults to ../shared/eval)',
    'A conversations file ([{"id", "turns": [...]}]) is scored turn by turn, each conversation in its own thread.',
  ],
  async run(ctx) {
    const { args } = ctx
    if (args.positionals.length !== 1)
      throw new UsageError(
        args.positionals.length ? 'eval takes one question file or folder' : 'eval needs a question file or folder: explainer eval questions.json',
      )
    const [target] = args.positionals
    if (isFolder(target)) {
      if (args.string('knowledge')) throw new UsageError('--knowledge goes with a question file: an eval folder says which articles each set is about')
      return evalFolder(ctx, target)
    }
    if (args.string('floors')) {
      if (!existsSync(target)) throw new SetupError(`${target}: no such eval folder: point EVAL_DIR at the shared question sets`)
      throw new UsageError('--floors goes with an eval folder, not one file')
    }
    return evalFile(ctx, target)
  },
} satisfies Command
