import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_DIR } from '../project.js'

/** The project's own articles, next to package.json: what `npx explainer` answers from anywhere. */
const PROJECT_KNOWLEDGE = join(PROJECT_DIR, 'knowledge')

/**
 * Where the articles are: `--knowledge DIR`, else KNOWLEDGE_DIR, else `knowledge/` in the current
 * folder, else the project's own `knowledge/`. A path the operator gave is used as given, even
 * when missing, so the error names what they typed instead of silently answering from elsewhere.
 */
export function resolveKnowledgeDir(flag: string | undefined, envDir: string | undefined, cwd: string = process.cwd()): string {
  if (flag !== undefined) return flag
  if (envDir !== undefined) return envDir
  if (existsSync(join(cwd, 'knowledge')) || !existsSync(PROJECT_KNOWLEDGE)) return 'knowledge'
  return PROJECT_KNOWLEDGE
}
