import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js'

/**
 * The invite link the bot logs on start. Built here rather than with client.generateInvite(),
 * which puts the REST base in front: with DISCORD_API_URL pointing elsewhere the link would lead
 * there instead of to Discord.
 */

/** Discord's page for adding an application to a server (OAuth2 authorization). */
const AUTHORIZE_URL = 'https://discord.com/oauth2/authorize'

/** `bot` joins the server; `applications.commands` lets its slash commands appear there. */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const

/**
 * Only what answering needs: see channels, send and reply (a reply needs Read Message History),
 * in threads too, with embeds. Nothing that moderates, manages or reads more than it is sent.
 */
export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]).freeze()

export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: INVITE_SCOPES.join(' '), permissions: BOT_PERMISSIONS.bitfield.toString() })
  return `${AUTHORIZE_URL}?${query}`
}
