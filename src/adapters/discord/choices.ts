import type { AutocompleteInteraction } from 'discord.js'
import { textMatcher, typedWords } from '../../core/autocomplete.js'
import { viewsOf } from '../../core/views/index.js'
import { trimTo } from '../shared/trim.js'
import type { Deps } from './context.js'
import { BUDGET, DISCORD_LIMITS } from './limits.js'

/**
 * Autocomplete's choices, the same rules for every option: what was typed first (where any text
 * may be chosen), then what matches it by any word's prefix, misspellings corrected; at most 25
 * choices of at most 100 characters, a value too long to be one left out rather than cut.
 */
export type Choice = { name: string; value: string }

const fits = (value: string): boolean => value.length > 0 && value.length <= DISCORD_LIMITS.choiceValue

/** `/ask question`: questions the article can answer (core suggest(), typed text first). */
export function questionChoices(deps: Deps, typed: string): Choice[] {
  const max = DISCORD_LIMITS.autocompleteChoices
  return deps.explainer
    .suggest(typed.slice(0, BUDGET.typed), max * 2)
    .filter(fits)
    .slice(0, max)
    .map((q) => ({ name: q, value: q }))
}

/** An `article` option: the articles whose title or slug matches, the slug as the value. */
export function articleChoices(deps: Deps, typed: string): Choice[] {
  const matches = textMatcher(typedWords(deps.explainer.knowledge, typed.slice(0, BUDGET.typed)))
  return viewsOf(deps.explainer.knowledge)
    .articles()
    .filter((a) => fits(a.slug) && matches(`${a.title} ${a.slug.replace(/-/g, ' ')}`))
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((a) => ({ name: trimTo(a.title, DISCORD_LIMITS.choiceName), value: a.slug }))
}

/** A `person` option: the people the article names and quotes (of the chosen article), typed text first. */
export function personChoices(deps: Deps, typed: string, article?: string): Choice[] {
  const max = DISCORD_LIMITS.autocompleteChoices
  const own = typed.slice(0, BUDGET.typed).replace(/\s+/g, ' ').trim()
  const names = viewsOf(deps.explainer.knowledge).names(own, article, max)
  return [...new Set([...(own ? [own] : []), ...names])]
    .filter(fits)
    .slice(0, max)
    .map((n) => ({ name: n, value: n }))
}

/** The focused option's choices, by its name; an option with no rule of its own gets none. */
export async function respondWithChoices(interaction: AutocompleteInteraction, deps: Deps): Promise<void> {
  const focused = interaction.options.getFocused(true)
  const typed = String(focused.value)
  const article = interaction.options.getString('article') ?? undefined
  const choices =
    focused.name === 'question'
      ? questionChoices(deps, typed)
      : focused.name === 'article'
        ? articleChoices(deps, typed)
        : focused.name === 'person'
          ? personChoices(deps, typed, article)
          : []
  await interaction.respond(choices)
}
