import { ChannelType, type Client, type ClientOptions, type GuildMember, Options, SnowflakeUtil, type User } from 'discord.js'

/**
 * What the client keeps in memory. With GuildMessages every message of every server arrives, with
 * its author (a user, and in a server a member), and each DM brings its channel: discord.js would
 * keep them all for as long as the bot runs. The bot never looks back at any of them, so it keeps
 * no messages, at most CACHE.users users and CACHE.membersPerGuild members per server (always its
 * own: discord.js reads them, for its permissions for one), and every CACHE.sweepSeconds drops the
 * users and members cached, and the DM channels quiet for that long. A DM channel dropped comes
 * back, as a partial (Partials.Channel), with its next message.
 */
export const CACHE = { users: 1_000, membersPerGuild: 200, sweepSeconds: 3_600 } as const

/** The bot's own user or member: kept over every limit and through every sweep. */
const isSelf = (entry: User | GuildMember): boolean => entry.id === entry.client.user?.id

export const CACHE_OPTIONS = {
  makeCache: Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    MessageManager: 0,
    UserManager: { maxSize: CACHE.users, keepOverLimit: isSelf },
    GuildMemberManager: { maxSize: CACHE.membersPerGuild, keepOverLimit: isSelf },
  }),
  sweepers: {
    ...Options.DefaultSweeperSettings,
    users: { interval: CACHE.sweepSeconds, filter: () => (user: User) => !isSelf(user) },
    guildMembers: { interval: CACHE.sweepSeconds, filter: () => (member: GuildMember) => !isSelf(member) },
  },
} satisfies Pick<ClientOptions, 'makeCache' | 'sweepers'>

/** Drops the DM channels without a message in the last CACHE.sweepSeconds; says how many. */
export function sweepDmChannels(client: Client, now = Date.now()): number {
  const since = now - CACHE.sweepSeconds * 1000
  return client.channels.cache.sweep(
    (channel) => channel.type === ChannelType.DM && (channel.lastMessageId ? SnowflakeUtil.timestampFrom(channel.lastMessageId) : 0) < since,
  )
}

/** discord.js has no sweeper for DM channels: this one runs beside its own, until the returned stop(). */
export function sweepDmChannelsRegularly(client: Client): () => void {
  const timer = setInterval(() => sweepDmChannels(client), CACHE.sweepSeconds * 1000)
  timer.unref()
  return () => clearInterval(timer)
}
