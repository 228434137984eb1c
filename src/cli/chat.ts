import { createInterface } from 'node:readline'
import { MAX_TURNS } from '../core/ask-in-context.js'
import { urlsByTitle } from '../core/cite.js'
import type { Turn } from '../core/conversation.js'
import type { Explainer } from '../core/explainer.js'
import { type ViewResult, viewCommandIn, viewForQuestion, viewsOf } from '../core/views/index.js'
import type { Io } from './command.js'
import { formatAnswer, formatSources, wrapText } from './format-text.js'
import { chooseArticleText, formatView } from './format-view.js'
import { write } from './output.js'

const PROMPT = 'you> '

/** Words the chat treats as commands rather than questions; a leading slash is forgiven. */
type ChatCommand = 'help' | 'summary' | 'sources' | 'new' | 'quit'
const COMMANDS: Record<string, ChatCommand> = {
  help: 'help',
  '?': 'help',
  summary: 'summary',
  sources: 'sources',
  new: 'new',
  quit: 'quit',
  exit: 'quit',
  bye: 'quit',
}

function commandOf(line: string): ChatCommand | undefined {
  const word = line.trim().toLowerCase().replace(/^\//, '')
  return Object.hasOwn(COMMANDS, word) ? COMMANDS[word] : undefined
}

function helpText(explainer: Explainer): string {
  const examples = explainer.suggest('', 3)
  return [
    'Ask about the article in your own words. Answers quote it word for word; [1], [2]… point to the quotes listed under each answer.',
    'Follow-ups keep their context: after "who is X?" you can ask "what did he say?".',
    'Commands: help (this), summary (what the article says first), sources (the articles I know), new (a fresh conversation), quit (or Ctrl-C / Ctrl-D).',
    "Views: who (who's who), timeline, numbers (key numbers), quotes [NAME]; with several articles add the article's slug.",
    ...(examples.length ? [`For example: ${examples.join(' · ')}`] : []),
  ].join('\n')
}

function welcome(explainer: Explainer): string {
  const sources = explainer.sources()
  const what = sources.length === 1 ? `"${sources[0].title}"` : `${sources.length} articles`
  return `Explainer: ask me about ${what}. Type help for commands, quit to leave.\n`
}

/** The chat's conversation keeps its last MAX_TURNS turns. */
function remember(turns: Turn[], turn: Turn): void {
  turns.push(turn)
  if (turns.length > MAX_TURNS) turns.shift()
}

/** `timeline`, `quotes Price`, `who mexico-migration`: a view command, a trailing slug naming the article. */
function viewReply(line: string, explainer: Explainer): string | undefined {
  const kb = explainer.knowledge
  const command = viewCommandIn(kb, line, true)
  const result: ViewResult | undefined = command ? viewsOf(kb).get(command.view, command) : viewForQuestion(kb, line)
  if (!result) return undefined
  if (result.status === 'ok') return formatView(result.view, result.article, result.items, result.name)
  const how = result.status === 'unknown_article' ? `I know no article "${result.asked}". ` : ''
  return `${how}${chooseArticleText(result.articles)} Add its slug, as in: ${result.view} ${result.articles[0].slug}\n`
}

/** What the chat prints for one line of input, or undefined to end the chat. `turns` is the conversation so far. */
function reply(line: string, explainer: Explainer, width: number | undefined, turns: Turn[]): string | undefined {
  const options = { showArticle: explainer.knowledge.articles.size > 1, urlOf: urlsByTitle(explainer.sources()), ...(width ? { width } : {}) }
  switch (commandOf(line)) {
    case 'quit':
      return undefined
    case 'help':
      return `${helpText(explainer)}\n`
    case 'sources':
      return formatSources(explainer.sources())
    case 'new':
      turns.length = 0
      return 'A new conversation: earlier questions no longer count.\n'
    case 'summary':
      return formatAnswer(explainer.ask('summary'), options)
    default: {
      const view = viewReply(line, explainer)
      // A view answers "what did Meyer say?" too: still a turn, for the "when did she say it?" after it.
      if (view !== undefined) {
        if (!viewCommandIn(explainer.knowledge, line, true)) remember(turns, { question: line })
        return view
      }
      const answer = explainer.ask(line, turns)
      if (answer.status !== 'invalid') remember(turns, { question: line, answer })
      return formatAnswer(answer, options)
    }
  }
}

/**
 * The terminal chat. On a terminal: a welcome line and a `you> ` prompt. With piped input
 * (`echo "who is X?" | npm start`) only the answers, a blank line apart, and it ends at the end
 * of the input. Ctrl-C, Ctrl-D and `quit` end it. Resolves to the number of lines read, so a
 * caller can tell an input that was empty from the start (a service manager's /dev/null).
 */
export async function runChat(explainer: Explainer, io: Io): Promise<number> {
  const interactive = io.stdin.isTTY === true
  const rl = createInterface({ input: io.stdin, ...(interactive ? { output: io.stdout, terminal: true, prompt: PROMPT } : { terminal: false }) })
  // On a terminal readline turns Ctrl-C into this event; piped, it arrives as a real signal.
  const stop = () => rl.close()
  rl.on('SIGINT', stop)
  process.once('SIGINT', stop)
  // Wrapped to the terminal's width at spaces; piped output is left for the reader to wrap.
  const width = interactive && io.stdout.isTTY ? io.stdout.columns : undefined
  let lines = 0

  const turns: Turn[] = []
  try {
    if (interactive) {
      await write(io.stdout, width ? wrapText(welcome(explainer), width) : welcome(explainer))
      rl.prompt()
    }
    for await (const line of rl) {
      lines++
      if (!line.trim()) {
        if (interactive) rl.prompt()
        continue
      }
      const replied = reply(line, explainer, width, turns)
      const text = replied !== undefined && width ? wrapText(replied, width) : replied
      if (text === undefined) break
      await write(io.stdout, `${text}\n`)
      if (interactive) rl.prompt()
    }
  } finally {
    process.removeListener('SIGINT', stop)
    rl.close()
  }
  if (interactive) io.stdout.write('\n')
  return lines
}
