import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { BIN, ROOT } from '../support/run-cli.js'
import { type FakeSlack, startFakeSlack } from './fake-slack.js'
import { SIGNING_SECRET } from './signed.js'

let fake: FakeSlack | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe('`explainer start` with HEALTH_PORT', () => {
  it('answers GET /healthz on its own port and on the Slack port, with the article count', async () => {
    fake = await startFakeSlack()
    const env = {
      ...process.env,
      DISCORD_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      HEALTH_PORT: '0',
    }
    const child = spawn(process.execPath, [BIN, 'start', '--knowledge', 'tests/fixtures/knowledge'], { cwd: ROOT, env, timeout: 15_000 })
    let stderr = ''
    const ports = await new Promise<{ health: number; slack: number }>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d
        const health = stderr.match(/health check on http:\/\/localhost:(\d+)\/healthz/)
        const slack = stderr.match(/listening on port (\d+)/)
        if (health && slack) resolve({ health: Number(health[1]), slack: Number(slack[1]) })
      })
      child.on('exit', () => reject(new Error(`exited before listening:\n${stderr}`)))
    })
    for (const port of [ports.health, ports.slack]) {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { status: string; articles: number; loadedAt: string }
      expect(body).toMatchObject({ status: 'ok', articles: 1 })
      expect(Number.isNaN(Date.parse(body.loadedAt))).toBe(false)
    }
    child.kill('SIGINT')
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })
})
