/**
 * Follow-ups read in the context of their conversation (core: conversation.ts, ask-in-context.ts),
 * on the test article of tests/fixtures/knowledge: examples written for these tests.
 */
import { describe, expect, it } from 'vitest'
import type { Turn } from '../src/core/conversation.js'
import { createExplainer } from '../src/core/explainer.js'
import type { Answer } from '../src/core/types.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

const ex = createExplainer(loadKnowledge('tests/fixtures/knowledge'), undefined, { recentAnswers: 0 })

/** Asks each question in the context of the ones before, as a thread would; returns every answer. */
function thread(...questions: string[]): Answer[] {
  const turns: Turn[] = []
  return questions.map((q) => {
    const answer = ex.ask(q, turns)
    turns.push({ question: q, answer })
    return answer
  })
}

const said = (a: Answer) => [a.text, ...a.citations.map((c) => c.quote)].join('\n')

describe('a follow-up is read in its conversation', () => {
  it('"he" and "his" are the person the last turn was about', () => {
    const [, report, years] = thread('Who was the first keeper?', 'What did he write in his last report?', 'How long did he keep the light?')
    expect(report.status).toBe('answered')
    expect(said(report)).toContain('No ship has been lost')
    expect(said(years)).toContain('31 years')
  })

  it('"who said that?" after the article\'s own reporting says no one is quoted, citing the sentence', () => {
    // "The tower was finished in 1846" is the article's statement, not anyone's words: asked
    // again, "who said that?" would bring back the same sentence as if someone had said it.
    const [built, who] = thread('When was the tower finished?', 'Who said that?')
    expect(said(built)).toContain('finished in 1846')
    expect(who.status).toBe('answered')
    expect(who.text).toMatch(/No one is quoted/)
    expect(who.citations.map((c) => c.quote)).toEqual([built.citations[0].quote])
  })

  it('"who said that?" after a quotation names its speaker, citing the quotation', () => {
    // Asked on its own, "who said that?" finds no sentence about "that": the speaker comes from the last answer.
    const [, words, who] = thread('Who is Mira Osei?', 'What did she say?', 'Who said that?')
    expect(said(words)).toContain('working light')
    expect(who.status).toBe('answered')
    expect(who.text).toMatch(/^Mira Osei\b/)
    expect(who.citations[0]?.quote).toContain('working light')
  })

  it('"who said that?" names no speaker the sentence itself does not name', () => {
    // "In his last report he wrote: …": who "he" is comes from reading the paragraph, which can
    // go wrong; stating a name the sentence does not hold would be an invention.
    const [, report, who] = thread('Who was the first keeper?', 'What did he write in his last report?', 'Who said that?')
    expect(said(report)).toContain('No ship has been lost')
    expect(who.text).toBe("That sentence doesn't name who said it. [1]")
    expect(who.citations[0]?.quote).toContain('No ship has been lost')
  })

  it('"she" is the person an earlier question named', () => {
    const [, words] = thread('Who is Mira Osei?', 'What did she say?')
    expect(words.status).toBe('answered')
    expect(said(words)).toContain('working light')
  })

  it('"she" skips a man the article calls "he", and a "he" of the conversation is no "she" after', () => {
    // The article says "He kept the light" of Tobias Wren.
    const [, , osei] = thread('Who is Mira Osei?', 'Who was the first keeper?', 'What did she say?')
    expect(said(osei)).toContain('working light')
  })

  it('"it" is the thing an earlier question was about, and stays it', () => {
    const [, weight, where] = thread('Tell me about the Fresnel lens', 'How much does it weigh?', 'Where was it made?')
    expect(said(weight)).toContain('six tonnes')
    expect(said(where)).toContain('Paris')
  })

  it('without a conversation, the same follow-up asks who is meant, naming who the article quotes', () => {
    const alone = ex.ask('What did she say?')
    expect(alone.status).toBe('not_found')
    expect(alone.text).toMatch(/^Who do you mean by "she"\? The article quotes .*Mira Osei/)
    expect(alone.followUps).toContain('What did Mira Osei say?')
  })

  it('a "he" with no person in the conversation asks who is meant too', () => {
    const [, who] = thread('How much did the repairs cost?', 'What did he say?')
    expect(who.status).toBe('not_found')
    expect(who.text).toMatch(/^Who do you mean by "he"\?/)
  })

  it('declines a follow-up about something the article does not pair with the person', () => {
    const [, germany] = thread('Who is Mira Osei?', 'What did she say about Germany?')
    expect(germany.status).toBe('not_found')
    expect(germany.text).toContain('Osei')
    // Her quotation is close by, but it is not about the lens, her age or her birthplace.
    const [, lens, age, born] = thread('Who is Mira Osei?', 'What did she say about the lens?', 'How old is she?', 'Where was she born?')
    expect([lens.status, age.status, born.status]).toEqual(['not_found', 'not_found', 'not_found'])
  })

  it('a complete question gets the same answer with or without the conversation before it', () => {
    const standalone = ex.ask('Where did the granite come from?')
    const [, inThread] = thread('Who is Hester Quill?', 'Where did the granite come from?')
    expect(inThread).toEqual(standalone)
    expect(thread('Who is Mira Osei?', 'Is it true that the lens floats on mercury?')[1]).toEqual(ex.ask('Is it true that the lens floats on mercury?'))
  })

  it('keeps only the last turns: a long conversation costs no more than a short one', () => {
    const long: Turn[] = Array.from({ length: 50 }, () => ({ question: 'How much did the repairs cost?' }))
    long.push({ question: 'Who was the first keeper?' })
    expect(said(ex.ask('What did he write in his last report?', long))).toContain('No ship has been lost')
  })
})
