import { existsSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { storeSettings } from '../../config.js'
import { KnowledgeError } from '../../core/errors.js'
import type { Explainer } from '../../core/explainer.js'
import type { DatabaseLocation } from '../../store/open-database.js'
import type { ReportRows } from '../../store/report-queries.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command, CommandContext } from '../command.js'
import { EXIT, SetupError, UsageError } from '../errors.js'
import { write } from '../output.js'

const DEFAULT_SINCE = '7d'

/**
 * The store's rows for the period, read without writing: the store is opened read-only and never
 * migrated, so a report takes no lock the bot would wait on and creates nothing. A missing SQLite
 * file, or a database the bot has not made its tables in yet, is a store that has logged nothing.
 */
async function readRows(location: DatabaseLocation, since: number): Promise<{ rows?: ReportRows; note?: string }> {
  const { describeLocation } = await import('../../store/open-store.js')
  const { causeOf } = await import('../../store/resilient.js')
  const { where, variable } = describeLocation(location)
  const nothingYet = { note: `no questions logged yet at ${where}: the store fills when the bot serves on Discord or Slack (npm start)` }
  if ('file' in location && !existsSync(location.file)) return nothingYet
  const { openForReading } = await import('../../store/open-database.js')
  const { hasReportTables, readReportRows } = await import('../../store/report-queries.js')
  let db: Awaited<ReturnType<typeof openForReading>> | undefined
  try {
    try {
      db = await openForReading(location)
      if (!(await hasReportTables(db))) return nothingYet
    } catch (error) {
      throw new SetupError(`store: cannot open ${where} (${causeOf(error)}): check ${variable}`)
    }
    try {
      return { rows: await readReportRows(db, since) }
    } catch (error) {
      throw new SetupError(`store: cannot read ${where} (${causeOf(error)}): check ${variable}`)
    }
  } finally {
    await db?.destroy().catch(() => {})
  }
}

/** A path from the current folder when it lies below it, else the full path: "../../x" is harder to act on than either. */
function shortPath(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(file)
}

/**
 * The articles, for the cited sentences and the suggestions. Asked for with --knowledge, a broken
 * folder is an error like anywhere else; the default folder missing only costs those two parts.
 */
async function knowledge(ctx: CommandContext): Promise<{ explainer?: Explainer; aliasFileOf?: (slug: string) => string; whyNoArticles?: string }> {
  try {
    const explainer = await ctx.explainer()
    const files = new Map((await ctx.articleFiles()).map((s) => [s.slug, shortPath(join(dirname(s.file), 'aliases.txt'))]))
    return { explainer, aliasFileOf: (slug) => files.get(slug) ?? `${slug}/aliases.txt` }
  } catch (error) {
    if (ctx.args.string('knowledge') || !(error instanceof KnowledgeError || error instanceof SetupError)) throw error
    return { whyNoArticles: `no articles to look cited sentences up in (${error.message}): pass --knowledge DIR` }
  }
}

export const report = {
  name: 'report',
  synopsis: ['[--since 7d] [--json] [--html FILE] [--knowledge DIR]'],
  summary: 'what the bot was asked on Discord and Slack: questions per day and article, unanswered questions, answers voted down, suggestions',
  flags: {
    since: { type: 'string', placeholder: 'WHEN', description: 'how far back: 24h, 7d (the default), 4w, or a day such as 2026-11-01 (UTC)' },
    json: { type: 'boolean', description: 'print the report as one JSON object (its shape: docs/report.md)' },
    html: { type: 'string', placeholder: 'FILE', description: 'also write the report as one self-contained page, with a chart, to FILE' },
    knowledge: { ...KNOWLEDGE_FLAG, description: `${KNOWLEDGE_FLAG.description}; used to quote cited sentences and suggest aliases` },
  },
  details: [
    'explainer report                            the last 7 days, as text',
    'explainer report --since 30d --html report.html',
    'explainer report --since 2026-11-01 --json | jq .unanswered',
    'Reads the store the bot writes (EXPLAINER_DB, or DATABASE_URL when set). It shows no member, server or channel: only how many.',
  ],
  async run(ctx) {
    const { args, io } = ctx
    const hint = "run 'explainer help report' for its options"
    if (args.positionals.length) throw new UsageError(`report takes no arguments besides its options (got "${args.positionals[0]}")`, hint)
    const now = Date.now()
    const { parseSince } = await import('../../report/since.js')
    const since = parseSince(args.string('since') ?? DEFAULT_SINCE, now)
    if (since === undefined) throw new UsageError('--since must be a time back from now such as 24h, 7d or 4w, or a past day such as 2026-11-01', hint)

    // Read only here: a malformed DATABASE_URL or EXPLAINER_DB stops the report with its one line, as it would stop start.
    const { rows, note } = await readRows(storeSettings(ctx.config).location, since)
    const { buildReport, NO_ROWS } = await import('../../report/build-report.js')
    const needsArticles = !!rows && (rows.unanswered.some((r) => r.question !== null) || rows.votedDown.length > 0)
    const articles = needsArticles ? await knowledge(ctx) : {}
    const data = buildReport(rows ?? NO_ROWS, { since, now, ...articles, notes: note ? [note] : [] })

    const html = args.string('html')
    if (html) {
      const { formatHtml } = await import('../../report/format-html.js')
      try {
        writeFileSync(html, formatHtml(data))
      } catch (error) {
        throw new SetupError(`${html}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}): check the path and its folder`)
      }
    }
    if (args.bool('json')) await write(io.stdout, `${JSON.stringify(data)}\n`)
    else {
      const { formatText } = await import('../../report/format-text.js')
      await write(io.stdout, formatText(data))
      if (html) io.stderr.write(`explainer: report written to ${html}\n`)
    }
    return EXIT.ok
  },
} satisfies Command
