import { type ButtonInteraction, type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import { articlePassage } from '../answer/articlePassage.ts';
import { locationOf } from '../answer/citations.ts';
import type { BotCommand, BotContext } from './context.ts';
import { GENERIC_FAILURE, userMessage } from './errors.ts';
import { enforcePreconditions } from './preconditions.ts';
import { PASSAGE_BUTTON } from './responses/answer.ts';
import { NO_MENTIONS } from './responses/common.ts';
import { SOURCES_PAGE_BUTTON, sourcesReply } from './responses/sources.ts';
import { passageReply } from './responses/summary.ts';

/**
 * Shows an error: the user's own mistake verbatim, anything else logged and answered generically.
 * A deferred interaction gets its reply edited; otherwise an ephemeral reply is sent.
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

async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.customId;
  if (id.startsWith(PASSAGE_BUTTON)) {
    const wanted = id.slice(PASSAGE_BUTTON.length);
    const index = ctx.service.index;
    const chunk = wanted.startsWith('…') ? index.chunks.find((c) => c.id.endsWith(wanted.slice(1))) : index.chunks.find((c) => c.id === wanted);
    const document = chunk && index.documents.get(chunk.docId);
    if (!chunk || !document) {
      await interaction.reply({ content: '这段原文已不在当前索引中（语料可能已更新）。', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    const meta = [document.date ?? '日期不详', document.source, document.scope, document.id].filter(Boolean).join(' · ');
    const passage = articlePassage(index.chunks, chunk);
    await interaction.reply({ ...passageReply(document.title, locationOf({ chunk }), meta, passage, document.sourceUrl), flags: MessageFlags.Ephemeral });
  } else if (id.startsWith(SOURCES_PAGE_BUTTON)) {
    const page = Number(id.slice(SOURCES_PAGE_BUTTON.length)) || 0;
    await interaction.update(sourcesReply(ctx.service.documents(), ctx.service.builtAt(), page));
  } else {
    // A button from an older version of the bot: left unanswered, Discord would show "interaction failed".
    await interaction.reply({ content: STALE_BUTTON, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  }
}

const STALE_BUTTON = '这个按钮已失效，请重新提问或重新执行命令。';

/** Routes one interaction; never throws, so a bad interaction cannot crash the bot. */
export async function handleInteraction(interaction: Interaction, commands: readonly BotCommand[], ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      await commands.find((c) => c.data.name === interaction.commandName)?.autocomplete?.(interaction, ctx);
    } else if (interaction.isChatInputCommand()) {
      const command = commands.find((c) => c.data.name === interaction.commandName);
      if (!command) throw new Error(`unknown command ${interaction.commandName}`);
      enforcePreconditions(command.preconditions ?? [], interaction, ctx);
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      await onButton(interaction, ctx);
    }
  } catch (error) {
    if (interaction.isRepliable()) await reportError(interaction, error, ctx);
    else ctx.log.warn({ err: error, interaction: interaction.id }, 'autocomplete failed');
  }
}
