/**
 * Message subtypes that are still a member writing to the bot: a message with a file attached
 * (`file_share`, its text is the caption) and a thread reply also sent to the channel
 * (`thread_broadcast`). Every other subtype (`bot_message`, `message_changed`, `message_deleted`,
 * `channel_join`…) is not a question and is left alone.
 */
const MEMBER_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'file_share', 'thread_broadcast'])

export const isMemberSubtype = (subtype: string | undefined): boolean => MEMBER_SUBTYPES.has(subtype)
