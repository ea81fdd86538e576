import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { BotCommand } from '../context.ts';
import { UserError } from '../errors.ts';
import { requireModerator } from '../permissions.ts';
import { reindexReply } from '../responses/reindex.ts';
import { reindexWithProgress } from './reindexRun.ts';

export const reindexCommand: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('重新建立语料索引（管理员）')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  async execute(interaction, ctx) {
    requireModerator(interaction, ctx.config.moderatorRoleIds);
    if (ctx.service.isReindexing) throw new UserError('已有重建索引任务在进行中，请稍候再试。');
    await interaction.deferReply();
    await interaction.editReply(reindexReply(await reindexWithProgress(interaction, ctx)));
  },
};
