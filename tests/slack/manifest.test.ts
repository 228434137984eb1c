/** slack-manifest.yml asks for exactly what the adapter listens to and needs, no more. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LISTENERS } from '../../src/adapters/slack/listeners/index.js'

const manifest = readFileSync(new URL('../../slack-manifest.yml', import.meta.url), 'utf8')

/** The `- item` lines of the list under `key:` (comments skipped). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n')
  const start = lines.findIndex((l) => l.trim() === `${key}:`)
  expect(start, `${key}: in the manifest`).toBeGreaterThanOrEqual(0)
  const out: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith('#')) continue
    const m = line.match(/^\s*-\s+(\S+)\s*(?:#.*)?$/)
    if (!m) break
    out.push(m[1])
  }
  return out
}

describe('slack-manifest.yml', () => {
  it('has exactly the scopes used', () => {
    expect(listUnder('bot').sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history'])
  })

  it('says, for each scope, which feature needs it, and the setup guide lists the same scopes', () => {
    const docs = readFileSync(new URL('../../docs/slack.md', import.meta.url), 'utf8')
    for (const scope of listUnder('bot')) {
      expect(manifest).toMatch(new RegExp(`^\\s*- ${scope} # \\S`, 'm'))
      expect(docs).toMatch(new RegExp(`^\\s*\\| \`${scope}\` \\| \\S`, 'm'))
    }
    // Nothing calls conversations.open: the bot never starts a DM, so it does not ask to.
    expect(manifest).not.toMatch(/^\s*- im:write/m)
  })

  it('subscribes to exactly the events listened to', () => {
    expect(listUnder('bot_events').sort()).toEqual(['app_mention', 'message.channels', 'message.groups', 'message.im'])
    const kinds = LISTENERS.map((l) => l.kind)
    expect(kinds).toContain('app_mention')
    expect(kinds).toContain('message')
  })

  it('declares the /ask and /explain commands, Socket Mode and the App Home messages tab', () => {
    const commands = LISTENERS.flatMap((l) => (l.kind === 'command' ? [l.command] : []))
    expect(commands).toEqual(['/ask', '/explain'])
    expect(manifest).toMatch(/^\s*- command: \/ask$/m)
    expect(manifest).toMatch(/^\s*- command: \/explain$/m)
    expect(manifest).toMatch(/^\s*socket_mode_enabled: true$/m)
    expect(manifest).toMatch(/^\s*messages_tab_enabled: true$/m)
    expect(manifest).toMatch(/^\s*messages_tab_read_only_enabled: false$/m)
  })
})
