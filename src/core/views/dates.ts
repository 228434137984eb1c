/**
 * Dates as an article writes them, absolute ("October 21, 2022", "March 1974", "in 2001", "the
 * 1950s") and relative ("last month", "on Friday", "in May", "three years ago"). A relative date
 * is worked out only against the article's own `published` date; without one it stays as written.
 */
import { capitalised, MONTH_SHORT_FORMS, MONTHS, WEEKDAYS } from '../calendar.js'
import { UNITS } from '../numbers.js'
import { DAY_MS } from '../time.js'

const DAYS = WEEKDAYS
const MONTH = `(?:${[...MONTHS.map(capitalised), ...MONTH_SHORT_FORMS.map((m) => `${capitalised(m)}\\.?`)].join('|')})`
const DAY = `(?:${WEEKDAYS.map(capitalised).join('|')})`
const YEAR = String.raw`(?:1[0-9]{3}|20[0-9]{2})`
/** "a", "an" and "one" to "ten", as a relative date counts ("three years ago"), to their values. */
const SMALL_NUMBERS: Record<string, number> = Object.fromEntries([['a', 1], ['an', 1], ...UNITS.slice(1, 11).map((w, i) => [w, i + 1])])

export type Found = {
  /** As written: "October 21, 2022", "last month". */
  when: string
  index: number
  /** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, when it can be worked out. */
  date?: string
  /** For ordering only: a position on the time line (fractional years), when known. */
  key?: number
}

type Rule = { re: RegExp; needs?: RegExp; read(m: RegExpMatchArray, published?: Date, future?: boolean): { date?: string; key?: number } }

/** A sentence about what is still to come ("will start in June"): its "June" is the next one, not the last. */
const FUTURE = /\b(?:will|won't|shall|expected to|scheduled to|set to|due to|plans? to|planned|is to|are to|upcoming|forthcoming|going to)\b/i

const pad = (n: number) => String(n).padStart(2, '0')
const monthOf = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3)))
const keyOf = (y: number, m = 0, d = 1) => y + m / 12 + (d - 1) / 372
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
const ym = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
const keyOfDate = (d: Date) => keyOf(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
const shift = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS)
const day = (d: Date) => ({ date: ymd(d), key: keyOfDate(d) })
const month = (d: Date) => ({ date: ym(d), key: keyOf(d.getUTCFullYear(), d.getUTCMonth()) })
const year = (y: number) => ({ date: String(y), key: keyOf(y) })

/** The last day before `published` with this weekday (the same day counts for "on Friday"). */
function lastWeekday(published: Date, weekday: number, strictly: boolean): Date {
  let back = (published.getUTCDay() - weekday + 7) % 7
  if (back === 0 && strictly) back = 7
  return shift(published, -back)
}

/** Cheap tests that say whether a sentence can hold a date of a kind at all: most rules are skipped. */
const RELATIVE = /\b(?:last|this|next|past|previous|weekend|yesterday|today|tomorrow|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i
const DIGIT = /\d/
const MONTH_WORD = new RegExp(MONTH)

/** Most specific first: the first rule to match a stretch of text claims it. */
const RULES: Rule[] = [
  {
    re: new RegExp(String.raw`\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(${YEAR})\b`, 'g'),
    read: (m) => ({ date: `${m[3]}-${pad(monthOf(m[1]) + 1)}-${pad(Number(m[2]))}`, key: keyOf(Number(m[3]), monthOf(m[1]), Number(m[2])) }),
  },
  {
    re: new RegExp(String.raw`\b(\d{1,2})\s+(${MONTH})\s+(${YEAR})\b`, 'g'),
    read: (m) => ({ date: `${m[3]}-${pad(monthOf(m[2]) + 1)}-${pad(Number(m[1]))}`, key: keyOf(Number(m[3]), monthOf(m[2]), Number(m[1])) }),
  },
  {
    re: new RegExp(String.raw`\b(${MONTH})(?:\s+of)?\s+(${YEAR})\b`, 'g'),
    read: (m) => ({ date: `${m[2]}-${pad(monthOf(m[1]) + 1)}`, key: keyOf(Number(m[2]), monthOf(m[1])) }),
  },
  {
    // "on September 30": the year is the published date's, or the one before when that would be later.
    re: new RegExp(String.raw`\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d)`, 'g'),
    read: (m, p) => {
      if (!p) return {}
      let y = p.getUTCFullYear()
      if (keyOf(y, monthOf(m[1]), Number(m[2])) > keyOfDate(p) + 0.1) y--
      return { date: `${y}-${pad(monthOf(m[1]) + 1)}-${pad(Number(m[2]))}`, key: keyOf(y, monthOf(m[1]), Number(m[2])) }
    },
  },
  {
    re: /\b(?:in|during|from|since|until|by|between|the)\s+(?:the\s+)?(?:early|late|mid-?)?\s*((?:1[0-9]|20)[0-9]0)s\b/g,
    read: (m) => ({ key: keyOf(Number(m[1])) }),
  },
  {
    re: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+(?:and\s+\d{1,2}(?:st|nd|rd|th)\s+)?centur(?:y|ies)\b/g,
    read: (m) => ({ key: keyOf((Number(m[1]) - 1) * 100) }),
  },
  { re: new RegExp(String.raw`\b(${YEAR})\s*(?:–|-|—|to|until)\s*(${YEAR})\b`, 'g'), read: (m) => year(Number(m[1])) },
  { re: new RegExp(String.raw`(?<![$£€\d.,])\b(${YEAR})\b(?![.,]?\d|\s*(?:%|percent|per\s?cent))`, 'g'), read: (m) => year(Number(m[1])) },
  { re: /\b(?:in|by|since|around|circa|c\.)\s+(\d{3})\b(?!\s*(?:%|percent|\w))/g, read: (m) => ({ date: m[1].padStart(4, '0'), key: keyOf(Number(m[1])) }) },
  // Relative dates, resolved only against the published date.
  {
    re: /\b(?:(?:earlier|later)\s+)?(last|this|next|past|previous)\s+(week|month|year|weekend)\b/gi,
    needs: RELATIVE,
    read: (m, p) => {
      if (!p) return {}
      const dir = /this/i.test(m[1]) ? 0 : /next/i.test(m[1]) ? 1 : -1
      const unit = m[2].toLowerCase()
      if (unit === 'year') return year(p.getUTCFullYear() + dir)
      if (unit === 'month') return month(new Date(Date.UTC(p.getUTCFullYear(), p.getUTCMonth() + dir, 1)))
      if (unit === 'weekend') return day(dir === 0 ? p : lastWeekday(p, 6, true))
      return day(shift(p, 7 * dir))
    },
  },
  { re: /\bover the weekend\b/gi, needs: RELATIVE, read: (_m, p) => (p ? day(lastWeekday(p, 6, true)) : {}) },
  {
    re: /\b(yesterday|today|tomorrow)\b/gi,
    needs: RELATIVE,
    read: (m, p) => (p ? day(shift(p, /yesterday/i.test(m[1]) ? -1 : /tomorrow/i.test(m[1]) ? 1 : 0)) : {}),
  },
  {
    re: new RegExp(String.raw`\b(${Object.keys(SMALL_NUMBERS).join('|')}|\d+)\s+(day|week|month|year)s?\s+ago\b`, 'gi'),
    needs: RELATIVE,
    read: (m, p) => {
      if (!p) return {}
      const n = SMALL_NUMBERS[m[1].toLowerCase()] ?? Number(m[1])
      const unit = m[2].toLowerCase()
      if (unit === 'year') return year(p.getUTCFullYear() - n)
      if (unit === 'month') return month(new Date(Date.UTC(p.getUTCFullYear(), p.getUTCMonth() - n, 1)))
      return day(shift(p, -n * (unit === 'week' ? 7 : 1)))
    },
  },
  {
    re: new RegExp(String.raw`\b(?:(last|this|next)\s+|on\s+)(${DAY})\b`, 'gi'),
    needs: RELATIVE,
    read: (m, p, future) => {
      if (!p) return {}
      const wd = DAYS.indexOf(m[2].toLowerCase())
      if (/next/i.test(m[1] ?? '') || (future && !m[1])) return day(shift(lastWeekday(p, wd, true), 7))
      return day(lastWeekday(p, wd, /last/i.test(m[1] ?? '')))
    },
  },
  {
    // "in May", "the February protests": a month alone, the latest one up to the published date.
    re: new RegExp(String.raw`\b(?:in|since|until|by|after|before|during|of|the|last|early|late|mid-)\s+(${MONTH.replace(/\\\.\?/g, '')})\b(?!\s+\d)`, 'g'),
    needs: MONTH_WORD,
    read: (m, p, future) => {
      if (!p) return {}
      const mo = monthOf(m[1])
      const y = future
        ? mo < p.getUTCMonth()
          ? p.getUTCFullYear() + 1
          : p.getUTCFullYear()
        : mo > p.getUTCMonth()
          ? p.getUTCFullYear() - 1
          : p.getUTCFullYear()
      return month(new Date(Date.UTC(y, mo, 1)))
    },
  },
]

/** A front-matter date ("2023-10-13", "October 13, 2023") as a UTC day, or undefined. */
export function parsePublished(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const iso = value.match(/^(\d{4})-(\d{2})-(\d{2})/)
  const d = iso ? new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]))) : new Date(`${value} UTC`)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** Every date in a sentence, each stretch of text read once, in the order they stand. */
export function findDates(text: string, published?: Date): Found[] {
  const taken: [number, number][] = []
  const future = FUTURE.test(text)
  const out: Found[] = []
  const has = new Map<RegExp, boolean>()
  const holds = (re: RegExp) => {
    let yes = has.get(re)
    if (yes === undefined) {
      yes = re.test(text)
      has.set(re, yes)
    }
    return yes
  }
  for (const rule of RULES) {
    if (!holds(rule.needs ?? DIGIT)) continue
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0
      const end = start + m[0].length
      if (taken.some(([a, b]) => start < b && end > a)) continue
      taken.push([start, end])
      const { date, key } = rule.read(m, published, future)
      out.push({ when: m[0].replace(/^(?:the)\s+/i, ''), index: start, ...(date ? { date } : {}), ...(key !== undefined ? { key } : {}) })
    }
  }
  return out.sort((a, b) => a.index - b.index)
}
