import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkAll, readConfig, SetupError } from '../../src/config.js'
import { describeLocation } from '../../src/store/open-store.js'

describe('the store settings', () => {
  test('default: the SQLite file .explainer/explainer.db, questions logged and kept 30 days', () => {
    expect(readConfig({}).store).toEqual({ location: { file: '.explainer/explainer.db' }, questionLog: true, retentionDays: 30 })
    // A .env copied from .env.example has every name empty: empty means unset.
    expect(readConfig({ EXPLAINER_DB: ' ', DATABASE_URL: '', QUESTION_LOG: '', QUESTION_LOG_DAYS: '' }).store).toEqual(readConfig({}).store)
  })

  test("the default file is in the project's folder when the program says where that is; EXPLAINER_DB is taken as given", () => {
    // `npx explainer report` may run from any folder; `npm start` always runs in the project.
    expect(readConfig({}, '/srv/explainer').store?.location).toEqual({ file: join('/srv/explainer', '.explainer', 'explainer.db') })
    expect(readConfig({ EXPLAINER_DB: 'data/bot.db' }, '/srv/explainer').store?.location).toEqual({ file: 'data/bot.db' })
  })

  test('DATABASE_URL wins over EXPLAINER_DB; QUESTION_LOG=off and QUESTION_LOG_DAYS are read', () => {
    const store = readConfig({ EXPLAINER_DB: 'x.db', DATABASE_URL: 'postgresql://bot@db:5432/explainer', QUESTION_LOG: 'OFF', QUESTION_LOG_DAYS: '7' }).store
    expect(store).toEqual({ location: { url: 'postgresql://bot@db:5432/explainer' }, questionLog: false, retentionDays: 7 })
  })

  test('malformed values throw SetupError when the store is read, so checkAll (start) stops on them and ask does not', () => {
    for (const [env, wanted] of [
      [{ DATABASE_URL: 'http://db/explainer' }, /DATABASE_URL must be a postgres/],
      [{ QUESTION_LOG: 'no' }, /QUESTION_LOG must be on or off/],
      [{ QUESTION_LOG_DAYS: '1.5' }, /QUESTION_LOG_DAYS must be a whole number/],
      [{ QUESTION_LOG_DAYS: '-3' }, /QUESTION_LOG_DAYS/],
    ] as const) {
      const config = readConfig(env)
      expect(config.knowledgeDir).toBeUndefined()
      expect(() => config.store).toThrow(SetupError)
      expect(() => checkAll(config)).toThrow(wanted)
    }
  })

  test('messages name where the store is without the password', () => {
    expect(describeLocation({ url: 'postgres://bot:hunter2@db.example:6543/explainer' })).toEqual({
      where: 'PostgreSQL at db.example:6543/explainer',
      variable: 'DATABASE_URL',
    })
    expect(describeLocation({ file: 'state/x.db' })).toEqual({ where: 'state/x.db', variable: 'EXPLAINER_DB' })
  })
})
