import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { BotCommand } from '../context.ts';
import { reindexReply } from '../responses/reindex.ts';
import { reindexWithProgress } from './reindexRun.ts';

export const reindexCommand: BotCommand = {
  data: new SlashCommandBuilder().setName('reindex').setDescription('重新建立语料索引（管理员）').setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  preconditions: ['moderator', 'idle'],
  async execute(interaction, ctx) {
    await interaction.deferReply();
    await interaction.editReply(reindexReply(await reindexWithProgress(interaction, ctx)));
  },
};
