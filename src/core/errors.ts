/** A problem with the knowledge an operator supplied: the message names the file and the fix. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError'
}
