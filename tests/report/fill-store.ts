import type { DatabaseLocation } from '../../src/store/open-database.js'
import { openStore } from '../../src/store/open-store.js'
import type { AskedQuestion, Vote } from '../../src/store/store.js'

/**
 * A store on disk filled with a known week of questions and votes, for the report's tests. The
 * ids are in clear here, as an adapter hands them to the store; the tests check that none of them,
 * nor their hashes, reaches the report.
 */
export const DAY = 86_400_000
export const IDS = {
  places: ['T0WORKSPACE1', 'G0GUILD12345'],
  channels: ['C0CHANNEL1', 'C0CHANNEL2'],
  members: ['U0MEMBER1', 'U0MEMBER2', 'U0MEMBER3', 'U0MEMBER4'],
}

const P = 'alder-lighthouse'
const TITLE = 'The Alder Point Lighthouse'

type Row = [daysAgo: number, member: number, question: string, status: AskedQuestion['status'], refs: string[]]

export const ROWS: Row[] = [
  [10, 0, 'What happened ten days ago?', 'not_found', []],
  [2, 0, 'How tall is the tower?', 'answered', [`${P}#p1`]],
  [2, 0, 'Who was Kuill?', 'not_found', []],
  [2, 1, 'who was kuill', 'not_found', []],
  [2, 2, 'WHO  WAS KUILL???', 'not_found', []],
  [1, 1, 'How tall is the towr?', 'not_found', []],
  [1, 0, 'Is there a ferry to the lighthouse?', 'not_found', []],
  [1, 3, 'Can I take the ferry?', 'not_found', []],
  [1, 1, 'When did the work on the tower begin?', 'answered', [`${P}#p2`]],
  [0, 2, '', 'invalid', []],
  [0, 3, 'What fuel did the original lamp burn?', 'answered', [`${P}#p4`]],
]

const platformOf = (member: number): AskedQuestion['platform'] => (member % 2 ? 'slack' : 'discord')

/** Question ids by their position in ROWS. */
export const idOf = (i: number) => `q-${String(i).padStart(4, '0')}`

/** [row, member, vote]: member 1 votes down the start of the works, then changes its mind back and forth. */
export const VOTES: [row: number, member: number, vote: Vote['vote']][] = [
  [8, 1, 'up'],
  [8, 1, 'down'],
  [8, 2, 'up'],
  [8, 3, 'down'],
  [10, 0, 'up'],
]

export function askedQuestions(now: number): AskedQuestion[] {
  return ROWS.map(([daysAgo, member, question, status, refs], i) => ({
    id: idOf(i),
    // Noon of that day, so a test run just after midnight UTC keeps the rows on their days.
    at: Math.floor(now / DAY) * DAY - daysAgo * DAY + Math.min(now % DAY, DAY / 2),
    // A member is on one platform (the store hashes ids per platform): members 0 and 2 on Discord, 1 and 3 on Slack.
    platform: platformOf(member),
    place: IDS.places[member % 2],
    channel: IDS.channels[(member + i) % 2],
    member: IDS.members[member],
    question,
    status,
    refs,
    ...(refs.length ? { article: TITLE } : {}),
    latencyMs: 3 + i,
  }))
}

export function votes(now: number): Vote[] {
  return VOTES.map(([row, member, vote], i) => ({ questionId: idOf(row), platform: platformOf(member), member: IDS.members[member], vote, at: now - 1000 + i }))
}

/**
 * Writes the week through the store the bot uses (openStore: salted hashes, QUESTION_LOG), so the
 * report is tested on what the real write path leaves behind. The clock stands at `now`.
 */
export async function fillStore(location: DatabaseLocation, now: number, options: { questionLog?: boolean; extra?: AskedQuestion[] } = {}): Promise<void> {
  // The store never throws at its callers (a failing store must not stop an answer): it logs. Here a logged line is a failed fill.
  const problems: string[] = []
  const { store } = await openStore(
    { store: { location, questionLog: options.questionLog ?? true, retentionDays: 30 } },
    { now: () => now, log: (line) => problems.push(line) },
  )
  for (const q of [...askedQuestions(now), ...(options.extra ?? [])]) await store.logQuestion(q)
  for (const v of votes(now)) await store.vote(v)
  await store.close()
  if (problems.length) throw new Error(`the store failed while filling it: ${problems.join('; ')}`)
}
