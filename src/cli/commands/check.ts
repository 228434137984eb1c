import { checkKnowledge, formatCheck } from '../../knowledge/check-knowledge.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command } from '../command.js'
import { EXIT, UsageError } from '../errors.js'
import { resolveKnowledgeDir } from '../knowledge-dir.js'
import { write } from '../output.js'

export const check = {
  name: 'check',
  synopsis: ['[--knowledge DIR] [--json]'],
  summary: 'read the knowledge as the bot would: every article (title, sentences, warnings), every folder skipped and why',
  flags: {
    knowledge: KNOWLEDGE_FLAG,
    json: { type: 'boolean', description: 'print one JSON object: articles, broken, skipped' },
  },
  details: [
    'explainer check --knowledge knowledge/',
    'Exit status: 0 when every article can be read (warnings or not), 1 when any article is broken (not UTF-8, no title, a bad aliases.txt) or the folder holds none.',
  ],
  async run({ args, config, io }) {
    if (args.positionals.length) throw new UsageError('check takes no arguments besides --knowledge and --json')
    const dir = resolveKnowledgeDir(args.string('knowledge'), config.knowledgeDir)
    const report = checkKnowledge(dir)
    await write(io.stdout, args.bool('json') ? `${JSON.stringify(report)}\n` : formatCheck(report, dir))
    return report.broken.length ? EXIT.setup : EXIT.ok
  },
} satisfies Command
