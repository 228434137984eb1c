import { VIEW_NAMES, type ViewName, viewsOf } from '../../core/views/index.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command } from '../command.js'
import { EXIT, UsageError } from '../errors.js'
import { chooseArticleText, formatView } from '../format-view.js'
import { write } from '../output.js'

/**
 * `explainer who|timeline|numbers|quotes [NAME] [--json] [--article SLUG]`: the explainer views
 * (DESIGN.md). One declaration per view, made by the same function, so all four take the same flags.
 */
const SUMMARIES: Record<ViewName, string> = {
  who: "who's who: the people and organizations the article names, with their roles, in order of first mention",
  timeline: 'the dated events of the article in time order, each with its sentence',
  numbers: 'the key numbers of the article and what each counts',
  quotes: 'every quotation in the article with its speaker; give a NAME for one speaker',
}

function viewCommand(view: ViewName): Command {
  return {
    name: view,
    synopsis: [`${view === 'quotes' || view === 'who' ? '[NAME] ' : ''}[--json] [--article SLUG] [--knowledge DIR]`],
    summary: SUMMARIES[view],
    flags: {
      json: { type: 'boolean', description: 'print one JSON array, one object per item (DESIGN.md, "Explainer views")' },
      article: { type: 'string', placeholder: 'SLUG', description: 'which article, when several are loaded: its folder name (slug) or title' },
      knowledge: KNOWLEDGE_FLAG,
    },
    details: [`explainer ${view}${view === 'quotes' ? ' Price' : ''}`, `explainer ${view} --json --article mexico-migration`],
    async run(ctx) {
      const { args, io } = ctx
      const name = args.positionals.join(' ').trim() || undefined
      if (name && view !== 'quotes' && view !== 'who') throw new UsageError(`${view} takes no NAME: only quotes and who do`)
      const explainer = await ctx.explainer()
      const result = viewsOf(explainer.knowledge).get(view, { name, article: args.string('article') })
      if (result.status === 'choose_article') throw new UsageError(`several articles are loaded: add --article SLUG. ${chooseArticleText(result.articles)}`, '')
      if (result.status === 'unknown_article') throw new UsageError(`no article "${result.asked}": ${chooseArticleText(result.articles)}`, '')
      if (args.bool('json')) await write(io.stdout, `${JSON.stringify(result.items)}\n`)
      else await write(io.stdout, formatView(view, result.article, result.items, name))
      return EXIT.ok
    },
  }
}

export const VIEW_COMMANDS: readonly Command[] = VIEW_NAMES.map(viewCommand)
