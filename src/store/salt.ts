import { createHmac, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'
import type { Platform } from './store.js'

/**
 * Ids of members, servers, workspaces and channels are stored only as salted hashes (HMAC-SHA256
 * keyed by a random salt kept in `meta`). The same id hashes the same way on every copy, so the
 * report can count distinct members and a shared rate limit can follow one. The salt sits in the
 * same database, so this is pseudonymisation, not encryption: no id is in clear in a dump or a
 * report, and a list of known ids cannot be matched against a copy of the rows without the salt.
 */
export type Hash = (kind: 'place' | 'channel' | 'member', platform: Platform, id: string) => string

/**
 * Reads the store's salt, making it the first time. Insert-if-absent then read back, rather than
 * read-then-insert: copies starting together on one PostgreSQL all end up with the one salt that won.
 */
export async function loadSalt(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('meta')
    .values({ key: 'salt', value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'salt').executeTakeFirstOrThrow()
  return row.value
}

/** 128 bits of the HMAC: collisions stay out of reach for any number of members, and rows stay short. */
export function hasher(salt: string): Hash {
  return (kind, platform, id) => createHmac('sha256', salt).update(`${kind}\u0000${platform}\u0000${id}`).digest('hex').slice(0, 32)
}
