/**
 * What every platform's conversation memory agrees on, so a member finds follow-ups working the
 * same way on Discord and Slack.
 */

/** Conversations kept in memory per process, the least recently used dropped first. */
export const MAX_CONVERSATIONS = 5_000

/** How long a DM's turns stay context: after that, a DM question starts afresh. */
export const DM_CONTEXT_MINUTES = 30
