import { type FSWatcher, watch } from 'node:fs'
import { relative } from 'node:path'
import { type Explainer, type ExplainerOptions, explainerFor } from '../core/explainer.js'
import { plural } from '../plural.js'
import { type Opened, type OpenOptions, openKnowledgeInTurns } from './open-knowledge.js'
import type { Entry } from './saved-index.js'

export type LiveStatus = {
  /** Articles being answered from (0 until the first load is done). */
  articles: number
  /** When the knowledge last changed (the first load counts), or undefined while it is still loading. */
  loadedAt?: Date
  loading: boolean
}

export type LiveOptions = OpenOptions & {
  /** One line per change: "added bbc-tech-101", "left out x/article.md: is not UTF-8…", "reloaded in 40 ms". */
  log: (line: string) => void
  /** Changes closer together than this are read as one (an editor writes a file in several steps). */
  settleMs?: number
  explainer?: ExplainerOptions
}

/**
 * The knowledge of a serving bot: loaded once, then reloaded when the folder changes (or when
 * asked, on SIGHUP). A reload compiles only the articles whose files changed (known by size and
 * time), assembles the new knowledge base while questions are answered from the old one, and
 * swaps it in at once: `explainer` always answers from a whole knowledge base, old or new. A
 * broken article is reported with its file and left out; a reload that fails keeps the old
 * knowledge. Nothing here ever ends the process.
 */
export class LiveKnowledge {
  private current: Explainer
  private entries: Map<string, Entry>
  private loadedAt: Date
  private running: Promise<void> | undefined
  private again = false
  private watcher: FSWatcher | undefined
  private timer: NodeJS.Timeout | undefined

  /** Answers from whatever knowledge is current when the question arrives. */
  readonly explainer: Explainer
  /** Sentences compiled by the first load (not taken from the saved index). */
  readonly compiledFacts: number

  private constructor(
    readonly dir: string,
    private readonly options: LiveOptions,
    opened: Opened,
  ) {
    this.current = explainerFor(opened.kb, options.explainer)
    this.entries = opened.entries
    this.loadedAt = new Date()
    this.compiledFacts = opened.compiledFacts
    const self = this
    this.explainer = {
      ask: (question, context, askOptions) => self.current.ask(question, context, askOptions),
      suggest: (typed, limit) => self.current.suggest(typed, limit),
      sources: () => self.current.sources(),
      status: () => ({ articles: self.current.knowledge.articles.size, loadedAt: self.loadedAt }),
      get knowledge() {
        return self.current.knowledge
      },
    }
  }

  /** The first load, taking turns with the event loop (so /healthz can say it is still loading). */
  static async open(dir: string, options: LiveOptions): Promise<LiveKnowledge> {
    const leftOut = (file: string, error: Error) => options.log(leftOutLine(dir, file, error))
    const opened = await openKnowledgeInTurns(dir, { ...options, onBroken: (source, error) => leftOut(source.file, error) })
    return new LiveKnowledge(dir, options, opened)
  }

  status(): LiveStatus {
    return { articles: this.current.knowledge.articles.size, loadedAt: this.loadedAt, loading: false }
  }

  /** Reloads now; a reload asked for while one runs is done once more after it. */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        // Let the event loop answer what is waiting before the work starts.
        await new Promise((resolve) => setImmediate(resolve))
        await this.reloadOnce()
      } while (this.again)
    })().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async reloadOnce(): Promise<void> {
    const started = performance.now()
    const broken = new Map<string, string>()
    let opened: Opened
    try {
      // Only changed articles are compiled; listing and stamping are quick; the rest takes turns.
      const { cacheDir: _, ...rest } = this.options
      opened = await openKnowledgeInTurns(
        this.dir,
        { ...rest, onSkip: () => {}, onBroken: (source, error) => broken.set(source.file, leftOutLine(this.dir, source.file, error)) },
        this.entries,
      )
    } catch (error) {
      this.options.log(`reload failed (${(error as Error).message}): still answering from the ${this.current.knowledge.articles.size} articles loaded before`)
      return
    }
    const before = this.entries
    const lines: string[] = []
    for (const [file, entry] of opened.entries) {
      const old = before.get(file)
      if (!old) lines.push(`added ${entry.unit.info.slug}`)
      else if (old.stamp !== entry.stamp) lines.push(`updated ${entry.unit.info.slug}`)
    }
    for (const [file, entry] of before) if (!opened.entries.has(file) && !broken.has(file)) lines.push(`removed ${entry.unit.info.slug}`)
    lines.push(...broken.values())
    if (!lines.length) return
    this.current = explainerFor(opened.kb, this.options.explainer)
    this.entries = opened.entries
    this.loadedAt = new Date()
    for (const line of lines) this.options.log(line)
    const n = opened.kb.articles.size
    this.options.log(`reloaded ${plural(n, 'article')} in ${Math.round(performance.now() - started)} ms`)
  }

  /** Watches the folder (and everything under it) and reloads once changes settle. */
  watch(): void {
    if (this.watcher) return
    try {
      this.watcher = watch(this.dir, { recursive: true, persistent: false }, (_event, file) => {
        // The saved index and editors' swap files are not articles.
        if (file && /(^|[/\\])\.|~$|\.swp$/.test(file.toString())) return
        clearTimeout(this.timer)
        this.timer = setTimeout(() => void this.reload(), this.options.settleMs ?? 150)
      })
      this.watcher.on('error', (error) => this.options.log(`stopped watching ${this.dir} (${error.message}): send SIGHUP to reload`))
    } catch (error) {
      this.options.log(`cannot watch ${this.dir} (${(error as Error).message}): send SIGHUP to reload`)
    }
  }

  close(): void {
    clearTimeout(this.timer)
    this.watcher?.close()
    this.watcher = undefined
  }
}

/** "left out lamp/article.md: is not UTF-8 text: …": the file once, relative to the folder. */
function leftOutLine(dir: string, file: string, error: Error): string {
  const message = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message
  return `left out ${relative(dir, file) || file}: ${message}`
}
