import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { delimiter, join } from 'node:path'

/**
 * A scratch PostgreSQL cluster of our own, for the tests and the bench: initdb in a temporary
 * folder, a server on a free loopback port, removed when stopped. PostgreSQL refuses to run as
 * root, so as root the binaries run as the `postgres` user (Debian's package makes it).
 */
export type Cluster = { url: string; stop(): void }

/** The folder holding initdb and pg_ctl: Debian's /usr/lib/postgresql/<version>/bin (newest first), else the PATH. */
export function findBinaries(): string | undefined {
  const debian = '/usr/lib/postgresql'
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : []
  const candidates = [...versions.map((v) => join(debian, v, 'bin')), ...(process.env.PATH ?? '').split(delimiter)]
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
}

/** Why a cluster cannot be started here, or undefined when it can. */
export function whyNoCluster(): string | undefined {
  if (!findBinaries()) return 'no PostgreSQL binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or on the PATH'
  if (isRoot() && !postgresUser()) return 'running as root and there is no postgres user to run PostgreSQL as'
  if (isRoot() && !onPath('runuser')) return 'running as root and there is no runuser to run PostgreSQL as the postgres user'
  return undefined
}

const isRoot = () => process.getuid?.() === 0

const onPath = (tool: string) => [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'].some((dir) => dir && existsSync(join(dir, tool)))

function postgresUser(): { uid: number; gid: number } | undefined {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    return undefined
  }
}

/** A port nobody listens on now (the server binds it a moment later; a clash would fail start-up loudly). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export type ClusterOptions = {
  /** Durable like a real deployment (fsync, synchronous commit): the bench wants that; the tests do not. */
  durable?: boolean
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = findBinaries()
  if (!bin) throw new Error(whyNoCluster())
  const asPostgres = isRoot()
  const run = (tool: string, args: string[]) => {
    const [command, all] = asPostgres ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]
    execFileSync(command, all, { stdio: ['ignore', 'pipe', 'pipe'] })
  }
  const dir = mkdtempSync(join(tmpdir(), 'explainer-pg-'))
  if (asPostgres) {
    const user = postgresUser()
    if (!user) throw new Error(whyNoCluster())
    chownSync(dir, user.uid, user.gid)
  }
  const data = join(dir, 'data')
  const port = await freePort()
  const fast = options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', ...(options.durable ? [] : ['--no-sync'])])
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...fast].join(' '),
      'start',
    ])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
    throw new Error(`could not start a scratch PostgreSQL as ${asPostgres ? 'postgres' : userInfo().username}: ${stderr || (error as Error).message}`)
  }
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    process.off('exit', stop)
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  // A run cut short (Ctrl-C) still stops the server: no cluster is left behind in the temp folder.
  process.on('exit', stop)
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
}
