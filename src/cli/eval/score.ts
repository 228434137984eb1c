import type { Turn } from '../../core/conversation.js'
import { type EvalFile, type EvalReport, evaluate, evaluateConversations } from '../../core/evaluate.js'
import type { Explainer } from '../../core/explainer.js'

/**
 * Scores one eval file: single questions one by one, conversations turn by turn, each turn asked
 * in the context of the earlier turns (and answers) of its own conversation, as `ask --jsonl
 * --threads` and the platforms ask them.
 */
export function scoreFile(file: EvalFile, explainer: Explainer): EvalReport {
  if (file.kind === 'questions') return evaluate(file.questions, (q) => explainer.ask(q))
  return evaluateConversations(file.conversations, () => {
    const turns: Turn[] = []
    return (q) => {
      const answer = explainer.ask(q, turns)
      if (answer.status !== 'invalid') turns.push({ question: q, answer })
      return answer
    }
  })
}
