import { type EvalFile, type EvalReport, evaluate, evaluateConversations } from '../../core/evaluate.js'
import type { Explainer } from '../../core/explainer.js'

/** Scores one eval file: single questions one by one, conversations turn by turn in their own thread. */
export function scoreFile(file: EvalFile, explainer: Explainer): EvalReport {
  if (file.kind === 'questions') return evaluate(file.questions, (q) => explainer.ask(q))
  return evaluateConversations(file.conversations, () => (q) => explainer.ask(q))
}
