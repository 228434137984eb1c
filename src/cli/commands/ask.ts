import { MAX_TURNS } from '../../core/ask-in-context.js'
import { urlsByTitle } from '../../core/cite.js'
import type { Turn } from '../../core/conversation.js'
import type { Explainer } from '../../core/explainer.js'
import { keepNewest } from '../../core/keep-newest.js'
import type { Answer } from '../../core/types.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command, CommandContext } from '../command.js'
import { EXIT, UsageError } from '../errors.js'
import { formatAnswer } from '../format-text.js'
import { byteLines, decodeLine } from '../lines.js'
import { write } from '../output.js'

/** The JSON shape of the CLI contract: the Answer's keys plus the question, question first. */
export function answerRecord(question: string, answer: Answer) {
  return { question, status: answer.status, text: answer.text, citations: answer.citations, followUps: answer.followUps }
}

/** `--article SLUG`: only that article answers. */
const pickedOf = ({ args }: CommandContext) => {
  const article = args.string('article')
  return article === undefined ? {} : { article }
}

/** One JSON line per input line, in order: blank and undecodable lines are answered too, as invalid. */
async function askEachLine(ctx: CommandContext, explainer: Explainer): Promise<number> {
  const { io } = ctx
  for await (const bytes of byteLines(io.stdin)) {
    const { text } = decodeLine(bytes)
    await write(io.stdout, `${JSON.stringify(answerRecord(text, explainer.ask(text, [], pickedOf(ctx))))}\n`)
  }
  return EXIT.ok
}

/** Threads remembered by `--threads`, the least recently used forgotten first: memory stays bounded. */
const MAX_THREADS = 10_000

/** One `{"thread": "ID", "q": "QUESTION"}` line, or why it is not one. */
function threadLine(text: string): { thread: string; q: string } | { problem: string } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { problem: 'With --threads each line is a JSON object: {"thread": "ID", "q": "QUESTION"}.' }
  }
  const { thread, q } = (data ?? {}) as { thread?: unknown; q?: unknown }
  if (typeof q !== 'string' || (typeof thread !== 'string' && typeof thread !== 'number'))
    return { problem: 'A --threads line needs "thread" (a string) and "q" (the question): {"thread": "ID", "q": "QUESTION"}.' }
  return { thread: String(thread), q }
}

/**
 * `--jsonl --threads`: each line is asked in the context of the earlier lines of its thread, as a
 * reply in a Slack thread, a Discord reply chain or a DM would be. One answer a line, in order.
 */
async function askEachThreadLine(ctx: CommandContext, explainer: Explainer): Promise<number> {
  const { io } = ctx
  const threads = new Map<string, Turn[]>()
  for await (const bytes of byteLines(io.stdin)) {
    const { text } = decodeLine(bytes)
    const line = threadLine(text)
    if ('problem' in line) {
      const answer: Answer = { status: 'invalid', text: line.problem, citations: [], followUps: [] }
      await write(io.stdout, `${JSON.stringify(answerRecord(text, answer))}\n`)
      continue
    }
    const turns = threads.get(line.thread) ?? []
    const answer = explainer.ask(line.q, turns, pickedOf(ctx))
    if (answer.status !== 'invalid') turns.push({ question: line.q, answer })
    if (turns.length > MAX_TURNS) turns.shift()
    keepNewest(threads, line.thread, turns, MAX_THREADS)
    await write(io.stdout, `${JSON.stringify({ thread: line.thread, ...answerRecord(line.q, answer) })}\n`)
  }
  return EXIT.ok
}

export const ask = {
  name: 'ask',
  synopsis: ['"QUESTION" [--json] [--knowledge DIR]', '--jsonl [--knowledge DIR] < questions.txt', '--jsonl --threads [--knowledge DIR] < turns.jsonl'],
  summary: 'answer one question, or one question per line of standard input',
  flags: {
    json: { type: 'boolean', description: 'print one JSON object: question, status, text, citations, followUps' },
    jsonl: { type: 'boolean', description: 'read questions from standard input, one a line; print one JSON object a line, in order' },
    threads: {
      type: 'boolean',
      description: 'with --jsonl: each line is {"thread": "ID", "q": "QUESTION"}, asked in the context of the earlier lines of the same thread',
    },
    knowledge: KNOWLEDGE_FLAG,
    article: { type: 'string', placeholder: 'SLUG', description: 'answer from this article only: its folder name, as explainer check lists it' },
  },
  details: [
    'explainer ask "Who is Andrew Selee?"',
    'explainer ask who is Andrew Selee --json',
    'explainer ask "Who built the tower?" --article alder-lighthouse --knowledge tests/fixtures/knowledge',
    'printf "Who is quoted?\\nsummary\\n" | explainer ask --jsonl',
    `printf '{"thread":"a","q":"Who is Maureen Meyer?"}\\n{"thread":"a","q":"What did she say?"}\\n' | explainer ask --jsonl --threads`,
    'Exit status: 0 answered or not found, 2 a bad question (empty, blank, over 500 characters), 1 a broken knowledge folder.',
  ],
  async run(ctx) {
    const { args, io } = ctx
    if (args.bool('jsonl')) {
      if (args.bool('json')) throw new UsageError('--json and --jsonl do not go together: --jsonl already prints JSON, one object a line')
      if (args.positionals.length) throw new UsageError('--jsonl reads the questions from standard input: give no question after ask')
      return args.bool('threads') ? askEachThreadLine(ctx, await ctx.explainer()) : askEachLine(ctx, await ctx.explainer())
    }
    if (args.bool('threads')) throw new UsageError('--threads goes with --jsonl: explainer ask --jsonl --threads < turns.jsonl')
    if (!args.positionals.length) throw new UsageError('ask needs a question: explainer ask "Who is quoted in the article?"')

    // Unquoted words are one question: `explainer ask who is Selee` asks "who is Selee".
    const question = args.positionals.join(' ')
    const explainer = await ctx.explainer()
    const answer = explainer.ask(question, [], pickedOf(ctx))
    if (args.bool('json')) await write(io.stdout, `${JSON.stringify(answerRecord(question, answer))}\n`)
    else if (answer.status !== 'invalid')
      await write(
        io.stdout,
        formatAnswer(answer, {
          showArticle: explainer.knowledge.articles.size > 1,
          urlOf: urlsByTitle(explainer.sources()),
          ...(io.stdout.isTTY ? { width: io.stdout.columns } : {}),
        }),
      )
    if (answer.status !== 'invalid') return EXIT.ok
    io.stderr.write(`explainer: ${answer.text}\n`)
    return EXIT.usage
  },
} satisfies Command
