import { describe, expect, it } from 'vitest'
import { startHealthServer } from '../src/adapters/shared/health.js'
import { createExplainer } from '../src/core/explainer.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { startSlackTestApp } from './slack/harness.js'

describe('GET /healthz', () => {
  it('on HEALTH_PORT: 503 while the first load runs, then 200 with the article count and the last reload', async () => {
    let status: { articles: number; loadedAt?: Date } | undefined
    const server = await startHealthServer(0, () => status, '127.0.0.1')
    try {
      const url = `http://127.0.0.1:${server.port}/healthz`
      const loading = await fetch(url)
      expect(loading.status).toBe(503)
      expect(await loading.json()).toEqual({ status: 'loading' })
      status = { articles: 2, loadedAt: new Date('2026-11-29T06:00:00Z') }
      const ready = await fetch(url)
      expect(ready.status).toBe(200)
      expect(await ready.json()).toEqual({ status: 'ok', articles: 2, loadedAt: '2026-11-29T06:00:00.000Z' })
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404)
    } finally {
      await server.stop()
    }
  })

  it('on the Slack HTTP port, beside /slack/events', async () => {
    const explainer = createExplainer(loadKnowledge('tests/fixtures/knowledge'))
    const loadedAt = new Date('2026-11-29T07:00:00Z')
    const app = await startSlackTestApp({ ...explainer, knowledge: explainer.knowledge, status: () => ({ articles: 1, loadedAt }) })
    try {
      const res = await fetch(`http://127.0.0.1:${app.running.port}/healthz`)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ status: 'ok', articles: 1, loadedAt: '2026-11-29T07:00:00.000Z' })
    } finally {
      await app.close()
    }
  })
})
