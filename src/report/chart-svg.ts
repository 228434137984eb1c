import { plural } from '../plural.js'
import type { DayRow } from './report-data.js'

/**
 * Questions per day as bars (the answered part dark, the rest light) and the answered share as a
 * line of points on its own 0–100% scale: inline SVG, so the page needs no script, no library and
 * no network. Every text that goes in comes from numbers and dates, never from what members typed.
 */

const W = 720
const H = 260
const M = { top: 16, right: 48, bottom: 40, left: 44 }

/** A round step for the count axis: 1, 2 or 5 times a power of ten, about four ticks high. */
function step(max: number): number {
  const raw = Math.max(1, max / 4)
  const p = 10 ** Math.floor(Math.log10(raw))
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p
}

const f = (x: number) => Number(x.toFixed(1))

export function chartSvg(days: readonly DayRow[]): string {
  const plotW = W - M.left - M.right
  const plotH = H - M.top - M.bottom
  const top = Math.max(1, ...days.map((d) => d.questions))
  const tick = step(top)
  const yMax = Math.ceil(top / tick) * tick
  const slot = plotW / Math.max(1, days.length)
  const barW = Math.max(1, Math.min(40, slot * 0.7))
  const y = (n: number) => M.top + plotH - (n / yMax) * plotH
  const yShare = (s: number) => M.top + plotH - s * plotH
  const x = (i: number) => M.left + slot * i + slot / 2
  // Label every day while they fit, else every k-th: a label needs about 44 px.
  const every = Math.max(1, Math.ceil(44 / slot))

  const parts: string[] = []
  for (let n = 0; n <= yMax; n += tick)
    parts.push(
      `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${f(y(n))}" y2="${f(y(n))}"/><text class="axis" x="${M.left - 6}" y="${f(y(n)) + 4}" text-anchor="end">${n}</text>`,
    )
  for (const s of [0, 0.5, 1]) parts.push(`<text class="axis share-axis" x="${W - M.right + 6}" y="${f(yShare(s)) + 4}">${s * 100}%</text>`)
  days.forEach((d, i) => {
    const left = f(x(i) - barW / 2)
    const tip = `${d.date}: ${plural(d.questions, 'question')}, ${d.answered} answered${d.answeredShare === null ? '' : ` (${Math.round(100 * d.answeredShare)}%)`}`
    parts.push(
      `<g class="day"><title>${tip}</title>` +
        `<rect class="bar-other" x="${left}" y="${f(y(d.questions))}" width="${f(barW)}" height="${f(y(d.answered) - y(d.questions))}"/>` +
        `<rect class="bar-answered" x="${left}" y="${f(y(d.answered))}" width="${f(barW)}" height="${f(y(0) - y(d.answered))}"/></g>`,
    )
    if (i % every === 0) parts.push(`<text class="axis" x="${f(x(i))}" y="${H - M.bottom + 16}" text-anchor="middle">${d.date.slice(5)}</text>`)
  })
  // The share line joins the days that had questions to answer; a quiet day has no share, and no point.
  const points = days.flatMap((d, i) => (d.answeredShare === null ? [] : [[f(x(i)), f(yShare(d.answeredShare))] as const]))
  if (points.length > 1) parts.push(`<polyline class="share" points="${points.map((p) => p.join(',')).join(' ')}"/>`)
  for (const [px, py] of points) parts.push(`<circle class="share" cx="${px}" cy="${py}" r="3.5"/>`)

  const label = `Questions per day, ${days[0]?.date ?? ''} to ${days.at(-1)?.date ?? ''}, with the share answered`
  return (
    `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">` +
    `${parts.join('')}<line class="base" x1="${M.left}" x2="${W - M.right}" y1="${f(y(0))}" y2="${f(y(0))}"/></svg>`
  )
}
