import { type Interaction, type MessageComponentInteraction, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { BotCommand, BotComponent, BotContext } from './context.ts';
import { GENERIC_FAILURE, userMessage } from './errorText.ts';
import { enforcePreconditions } from './preconditions.ts';
import { NO_MENTIONS } from './responses/common.ts';

/** What the router dispatches to: slash commands by name, buttons and selects by customId prefix. */
export interface Routes {
  commands: readonly BotCommand[];
  components: readonly BotComponent[];
}

/**
 * Shows an error: a user-facing one in Discord's words, anything else logged and answered
 * generically. A deferred interaction gets its reply edited; otherwise an ephemeral reply is sent.
 */
async function reportError(interaction: RepliableInteraction, error: unknown, ctx: BotContext): Promise<void> {
  const message = userMessage(error);
  if (message === null) ctx.log.error({ err: error, interaction: interaction.id, user: interaction.user.id }, 'interaction failed');
  else ctx.log.info({ user: interaction.user.id, reason: message }, 'user error');
  const content = message ?? GENERIC_FAILURE;
  try {
    if (interaction.deferred || interaction.replied) await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } catch (replyError) {
    ctx.log.warn({ err: replyError, interaction: interaction.id }, 'could not report the error to the user');
  }
}

const STALE_COMPONENT = '这个按钮已失效，请重新提问或重新执行命令。';

async function onComponent(interaction: MessageComponentInteraction, components: readonly BotComponent[], ctx: BotContext): Promise<void> {
  const id = interaction.customId;
  const component = components.find((c) => id.startsWith(c.prefix));
  if (component) {
    await component.handle(interaction, id.slice(component.prefix.length), ctx);
    return;
  }
  // From an older version of the bot, or crafted: left unanswered, Discord would show "interaction failed".
  ctx.log.warn({ customId: id, interaction: interaction.id }, 'unknown component');
  await interaction.reply({ content: STALE_COMPONENT, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** Routes one interaction; never throws, so a bad interaction cannot crash the bot. */
export async function handleInteraction(interaction: Interaction, { commands, components }: Routes, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      await commands.find((c) => c.data.name === interaction.commandName)?.autocomplete?.(interaction, ctx);
    } else if (interaction.isChatInputCommand()) {
      const command = commands.find((c) => c.data.name === interaction.commandName);
      if (!command) throw new Error(`unknown command ${interaction.commandName}`);
      enforcePreconditions(command.preconditions ?? [], interaction, ctx);
      await command.execute(interaction, ctx);
    } else if (interaction.isMessageComponent()) {
      await onComponent(interaction, components, ctx);
    }
  } catch (error) {
    if (interaction.isRepliable()) await reportError(interaction, error, ctx);
    else ctx.log.warn({ err: error, interaction: interaction.id }, 'autocomplete failed');
  }
}
