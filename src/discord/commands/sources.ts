import { SlashCommandBuilder } from 'discord.js';
import type { BotCommand } from '../context.ts';
import { sourcesReply } from '../responses/sources.ts';

export const sourcesCommand: BotCommand = {
  data: new SlashCommandBuilder().setName('sources').setDescription('列出已索引的文档'),
  async execute(interaction, ctx) {
    await interaction.reply(sourcesReply(ctx.service.documents(), ctx.service.builtAt(), 0));
  },
};
