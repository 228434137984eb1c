import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'

/**
 * A real headless Chromium, driven over the DevTools protocol with the `ws` package the tests
 * already use: enough to open a page, read what it rendered and hear every console message and
 * error, without a browser-automation dependency. Debian's `chromium` (/usr/bin/chromium) or
 * CHROMIUM_PATH; `.ci/run` installs it.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p)
  return candidates.find((p) => existsSync(p))
}

/** Flags for a browser that touches nothing but the page it is given: no sandbox (root in CI), no network chatter, a fresh profile. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--remote-debugging-port=0',
]

export type PageProblem = { kind: string; text: string }

export type Browser = {
  /** Opens `url` in a new tab, waits for its load event, and returns what `expression` evaluates to there, with every console message or error the page produced. */
  evaluate<T>(url: string, expression: string): Promise<{ value: T; problems: PageProblem[] }>
  close(): Promise<void>
}

export async function launchChromium(executable: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'explainer-chromium-'))
  const child = spawn(executable, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] })
  const socket = new WebSocket(await devtoolsUrl(child))
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))

  let next = 0
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners = new Set<(method: string, params: Record<string, unknown>, session?: string) => void>()
  socket.on('message', (data) => {
    const m = JSON.parse(String(data))
    if (m.id !== undefined) {
      const p = pending.get(m.id)
      pending.delete(m.id)
      if (m.error) p?.reject(new Error(`${m.error.message}`))
      else p?.resolve(m.result)
    } else for (const l of listeners) l(m.method, m.params, m.sessionId)
  })
  const send = <R>(method: string, params: object = {}, sessionId?: string): Promise<R> =>
    new Promise((resolve, reject) => {
      const id = ++next
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }))
    })

  return {
    async evaluate<T>(url: string, expression: string) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })
      const problems: PageProblem[] = []
      let loaded: () => void = () => {}
      const load = new Promise<void>((resolve) => {
        loaded = resolve
      })
      const listen = (method: string, params: Record<string, unknown>, session?: string) => {
        if (session !== sessionId) return
        if (method === 'Page.loadEventFired') loaded()
        if (method === 'Runtime.exceptionThrown') problems.push({ kind: 'exception', text: JSON.stringify(params.exceptionDetails) })
        if (method === 'Runtime.consoleAPICalled') problems.push({ kind: `console.${params.type}`, text: JSON.stringify(params.args) })
        if (method === 'Log.entryAdded') {
          const entry = params.entry as { level: string; source: string; text: string }
          problems.push({ kind: `log.${entry.level}.${entry.source}`, text: entry.text })
        }
      }
      listeners.add(listen)
      try {
        for (const domain of ['Page', 'Runtime', 'Log']) await send(`${domain}.enable`, {}, sessionId)
        await send('Page.navigate', { url }, sessionId)
        await load
        const result = await send<{ result: { value: T }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true }, sessionId)
        if (result.exceptionDetails) throw new Error(`evaluating in the page failed: ${JSON.stringify(result.exceptionDetails)}`)
        return { value: result.result.value, problems }
      } finally {
        listeners.delete(listen)
        await send('Target.closeTarget', { targetId }).catch(() => {})
      }
    },
    async close() {
      await send('Browser.close').catch(() => {})
      socket.close()
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve))
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Chromium prints where its DevTools endpoint listens on stderr, once it is up. */
function devtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`chromium did not start within 20 s:\n${seen.slice(-2000)}`))
    }, 20_000)
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk
      const m = seen.match(/DevTools listening on (ws:\/\/\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`chromium exited (${code}) before listening:\n${seen.slice(-2000)}`))
    })
  })
}
