import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command } from '../command.js'
import { EXIT, UsageError } from '../errors.js'

export const chat = {
  name: 'chat',
  synopsis: ['[--knowledge DIR]'],
  summary: 'talk with the articles in the terminal (help, summary, sources, quit)',
  flags: { knowledge: KNOWLEDGE_FLAG },
  details: ['explainer chat', 'echo "Who is Andrew Selee?" | explainer chat    answers each line of piped input, then exits'],
  async run({ args, io, explainer }) {
    if (args.positionals.length) throw new UsageError('chat takes no question on the command line: use explainer ask "QUESTION", or type it in the chat')
    const { runChat } = await import('../chat.js')
    await runChat(await explainer(), io)
    return EXIT.ok
  },
} satisfies Command
