import { KnowledgeError } from './errors.js'
import type { Article, Block } from './types.js'

/**
 * Labels an operator puts in front of a blockquote line to say what the line is. The raw text of a
 * news page mixes photo captions, credits and teasers for other articles into the reporting; the
 * label keeps them apart so an answer never passes a teaser off as the article's own reporting.
 */
const LABELS: Record<string, Block['kind']> = {
  photo: 'caption',
  caption: 'caption',
  credit: 'credit',
  related: 'related',
  headline: 'headline',
  standfirst: 'headline',
  dek: 'headline',
  summary: 'headline',
}

type FrontMatter = { meta: Record<string, string>; body: string }

function splitFrontMatter(source: string, file: string): FrontMatter {
  const meta: Record<string, string> = {}
  if (!source.startsWith('---')) return { meta, body: source }
  const end = source.indexOf('\n---', 3)
  if (end < 0) throw new KnowledgeError(`${file}: front matter opened with --- is never closed: add a line with --- after it`)
  for (const line of source.slice(3, end).split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    const m = line.match(/^\s*([A-Za-z][\w-]*)\s*:\s*(.*)$/)
    if (!m) throw new KnowledgeError(`${file}: front matter line "${line.trim()}" is not "key: value"`)
    meta[m[1].toLowerCase()] = m[2].trim().replace(/^(["'])(.*)\1$/, '$2')
  }
  const bodyStart = source.indexOf('\n', end + 1)
  return { meta, body: bodyStart < 0 ? '' : source.slice(bodyStart + 1) }
}

/** Inline Markdown a reader does not see: emphasis, links, inline code. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A line like `> Photo: text` is a labelled block; returns null for anything else. */
function labelled(line: string): { kind: Block['kind']; text: string } | null {
  const m = line.match(/^>\s*([A-Za-z]+)\s*:\s*(.+)$/)
  const label = m?.[1].toLowerCase() ?? ''
  // Own keys only: "> Constructor: …" is a quotation, not Object's function.
  const kind = m && Object.hasOwn(LABELS, label) ? LABELS[label] : undefined
  return kind && m ? { kind, text: m[2] } : null
}

/**
 * Reads one article: optional front matter (`title`, `outlet`, `url`, …), a `# Title`, `##`
 * section headings, paragraphs separated by blank lines, and labelled blockquote lines for
 * captions, credits, related headlines and repeated headlines. A plain Markdown file with a title
 * and paragraphs needs nothing else.
 */
export function parseArticle(source: string, slug: string, file = `${slug}/article.md`): Article {
  if (source.includes('\u0000')) throw new KnowledgeError(`${file}: has NUL bytes, so it is not a text file: save the article as UTF-8 Markdown`)
  const { meta, body } = splitFrontMatter(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), file)
  let title = meta.title
  const blocks: Block[] = []
  let section: string | undefined
  let paragraph: string[] = []
  let inFence = false

  const push = (kind: Block['kind'], raw: string) => {
    const text = stripInline(raw)
    if (text) blocks.push({ paragraph: blocks.length + 1, kind, text, ...(section ? { section } : {}) })
  }
  const flush = () => {
    if (paragraph.length) push('body', paragraph.join(' '))
    paragraph = []
  }

  for (const rawLine of body.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const line = rawLine.trim()
    if (line.startsWith('```')) {
      flush()
      inFence = !inFence
      continue
    }
    if (inFence) continue
    const heading = line.match(/^(#{1,6})\s+(.+?)\s*#*$/)
    if (heading) {
      flush()
      const text = stripInline(heading[2])
      if (heading[1].length === 1 && !title) title = text
      else if (heading[1].length === 1 && blocks.length === 0) continue
      else section = text
      continue
    }
    if (!line || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flush()
      continue
    }
    const label = labelled(line)
    if (label) {
      flush()
      push(label.kind, label.text)
      continue
    }
    const item = line.match(/^(?:[-*+]|\d+[.)])\s+(.+)$/)
    if (item) {
      // Each item is its own paragraph; the lines after it, up to a blank line or the next item,
      // are the same item wrapped (Markdown's lazy continuation), not a paragraph of their own.
      flush()
      paragraph.push(item[1])
      continue
    }
    paragraph.push(line.replace(/^>\s?/, ''))
  }
  flush()

  if (!title) throw new KnowledgeError(`${file}: no title: start the article with a "# Title" line or set title: in front matter`)
  if (!blocks.some((b) => b.kind === 'body')) throw new KnowledgeError(`${file}: no paragraphs of text under the title`)

  const { outlet, url, published, author } = meta
  return {
    slug,
    title,
    meta,
    blocks,
    aliases: {},
    ...(outlet ? { outlet } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
  }
}
