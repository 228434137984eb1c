import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { buildReport } from '../../src/report/build-report.js'
import { formatHtml } from '../../src/report/format-html.js'
import type { Report } from '../../src/report/report-data.js'
import { openDatabase } from '../../src/store/open-database.js'
import { readReportRows } from '../../src/store/report-queries.js'
import { type Browser, findChromium, launchChromium } from '../support/chromium.js'
import { sqliteFile } from '../support/databases.js'
import { askedQuestions, DAY, fillStore } from './fill-store.js'

/**
 * The HTML report opened in a real headless Chromium: the chart is drawn (one bar per day, one
 * point per day with a share, bars as tall as their counts), the page logs no error, and a
 * question a member typed as markup shows as text and runs nothing.
 */
const chromium = findChromium()
const NOW = Date.UTC(2026, 10, 29, 9, 30)
const HOSTILE = `<script>window.ran = 1</script><img src=x onerror="window.ran = 2">Who built it?`

const isCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase())
if (!chromium && isCi) throw new Error("no chromium found (CI=1): install Debian's chromium package or set CHROMIUM_PATH")
if (!chromium) console.warn('report-html: skipped, no chromium found (apt-get install chromium, or set CHROMIUM_PATH)')

describe.skipIf(!chromium)('the HTML report in a headless browser', () => {
  let browser: Browser
  let report: Report
  let page: string
  beforeAll(async () => {
    const file = sqliteFile()
    const hostile = { ...askedQuestions(NOW)[5], id: 'hostile', question: HOSTILE }
    await fillStore({ file }, NOW, { extra: [hostile] })
    const db = await openDatabase({ file })
    const since = NOW - 30 * DAY
    report = buildReport(await readReportRows(db, since), { since, now: NOW, explainer: createExplainer(loadKnowledge('tests/fixtures/knowledge')) })
    await db.destroy()
    page = join(dirname(file), 'report.html')
    writeFileSync(page, formatHtml(report))
    browser = await launchChromium(chromium as string)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('draws a bar for every day and a point for every day with a share, bars in proportion, with no console error', async () => {
    const { value, problems } = await browser.evaluate<{ days: number; points: number; heights: number[] }>(
      pathToFileURL(page).href,
      `({
        days: document.querySelectorAll('svg.chart g.day').length,
        points: document.querySelectorAll('svg.chart circle.share').length,
        heights: [...document.querySelectorAll('svg.chart g.day')].map((g) => Math.round(g.getBBox().height * 10) / 10),
      })`,
    )
    expect(problems).toEqual([])
    expect(report.days).toHaveLength(11)
    expect(value.days).toBe(11)
    expect(value.points).toBe(report.days.filter((d) => d.answeredShare !== null).length)
    expect(value.points).toBe(4)
    // Bars as tall as their day's count: the per-pixel height is the same for every day with questions.
    const perQuestion = value.heights.map((h, i) => (report.days[i].questions ? h / report.days[i].questions : h))
    expect(perQuestion.filter((_, i) => report.days[i].questions === 0)).toEqual(Array(7).fill(0))
    const drawn = perQuestion.filter((_, i) => report.days[i].questions > 0)
    expect(drawn[0]).toBeGreaterThan(10)
    for (const h of drawn) expect(h).toBeCloseTo(drawn[0], 0)
  })

  it('shows a question typed as markup as text, and runs none of it', async () => {
    const { value, problems } = await browser.evaluate<{ ran: unknown; scripts: number; images: number; shown: boolean }>(
      pathToFileURL(page).href,
      `({ ran: window.ran ?? null, scripts: document.scripts.length, images: document.images.length, shown: document.body.innerText.includes(${JSON.stringify(HOSTILE)}) })`,
    )
    expect(value).toEqual({ ran: null, scripts: 0, images: 0, shown: true })
    expect(problems).toEqual([])
  })
})
