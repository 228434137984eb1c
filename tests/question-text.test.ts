import { describe, expect, it } from 'vitest'
import { questionText } from '../src/adapters/shared/question-text.js'

describe('questionText: chat markup is not part of the question', () => {
  it('drops Slack mentions of people, user groups and channels, and what introduced them', () => {
    expect(questionText('<@UBOT> what is the border plan? cc <@U2|ana>')).toBe('what is the border plan?')
    expect(questionText('hey <!subteam^S1|@press>, who is the minister? /cc <@U3> and <@U4> <#C9|news>')).toBe('who is the minister?')
    expect(questionText('<!here> <!channel> <!everyone> why did the talks stop?')).toBe('why did the talks stop?')
  })

  it('drops Discord mentions of members, roles, channels and everyone', () => {
    expect(questionText('<@111> when was the summit? cc <@!222>, <@&333> in <#444>')).toBe('when was the summit? in')
    expect(questionText('@everyone @here who spoke first? <:wave:555>')).toBe('who spoke first?')
  })

  it("keeps a link's visible text and undoes Slack's escapes", () => {
    expect(questionText('is <https://example.org/a|this report> right about AT&amp;T &lt;3 &gt;2?')).toBe('is this report right about AT&T <3 >2?')
    expect(questionText('what does <https://example.org> say?')).toBe('what does https://example.org say?')
    expect(questionText('&amp;lt; stays escaped once')).toBe('&lt; stays escaped once')
  })

  it('leaves nothing of a bare mention', () => {
    expect(questionText('  <@UBOT>  ')).toBe('')
    expect(questionText('<@123>')).toBe('')
  })
})
