import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { type EvalFile, parseEvalFile } from '../../core/evaluate.js'
import { SetupError, UsageError } from '../errors.js'

/**
 * One scored file of an eval folder. Question files at the top of the folder are about the default
 * knowledge (the project's articles); `<name>.questions.json` next to a folder `<name>/` (as in
 * squad2/) is about that folder's article, and the folder's sets are also totalled as one group.
 */
export type EvalSet = { name: string; file: string; knowledge?: string; group?: string }

const FORMAT_HINT =
  'an eval file is a JSON array of {"cat", "q", "any": [...]} or {"cat", "q", "expect": "abstain"}, or of conversations {"id", "turns": [...]}'

/** Read and checked before the knowledge is loaded: a wrong file name should not wait for an index. */
export function readEvalFile(file: string): EvalFile {
  let source: string
  try {
    source = readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a question file' : `cannot be read (${code ?? 'error'})`
    throw new UsageError(`${file}: ${why}`, '')
  }
  let parsed: EvalFile
  try {
    parsed = parseEvalFile(source)
  } catch (e) {
    // The core's own message already states the format; a JSON syntax error does not.
    if (e instanceof SyntaxError) throw new UsageError(`${file}: is not valid JSON (${e.message})`, FORMAT_HINT)
    throw new UsageError(`${file}: ${(e as Error).message}`, '')
  }
  const empty = parsed.kind === 'questions' ? !parsed.questions.length : !parsed.conversations.length
  if (empty) throw new UsageError(`${file}: has no questions`, FORMAT_HINT)
  return parsed
}

const QUESTIONS = '.questions.json'

/** Every set in an eval folder, in a stable order: the folder's own files, then each group's. */
export function findEvalSets(dir: string): EvalSet[] {
  if (!existsSync(dir)) throw new SetupError(`${dir}: no such eval folder: point EVAL_DIR at a folder of question sets`)
  const entries = readdirSync(dir).sort()
  const sets: EvalSet[] = entries.filter((f) => f.endsWith('.json')).map((f) => ({ name: basename(f, '.json'), file: join(dir, f) }))
  for (const sub of entries.filter((f) => statSync(join(dir, f)).isDirectory())) {
    const inner = readdirSync(join(dir, sub)).sort()
    for (const f of inner.filter((x) => x.endsWith(QUESTIONS))) {
      const article = f.slice(0, -QUESTIONS.length)
      if (inner.includes(article)) sets.push({ name: `${sub}/${article}`, file: join(dir, sub, f), knowledge: join(dir, sub, article), group: sub })
    }
  }
  if (!sets.length) throw new SetupError(`${dir}: holds no question files (*.json, or <name>.questions.json beside a folder <name>/)`)
  return sets
}

/** Lowest acceptable shares, in percent, for a set or a group: below either, `eval` fails. */
export type Floor = { answered: number; declined: number }

export function readFloors(file: string): Map<string, Floor> {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new SetupError(`${file}: cannot be read as JSON (${(e as Error).message})`)
  }
  const floors = new Map<string, Floor>()
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (name.startsWith('$')) continue
    const f = value as Partial<Floor>
    if (typeof f?.answered !== 'number' || typeof f?.declined !== 'number')
      throw new SetupError(`${file}: "${name}" needs {"answered": PERCENT, "declined": PERCENT}`)
    floors.set(name, { answered: f.answered, declined: f.declined })
  }
  return floors
}
