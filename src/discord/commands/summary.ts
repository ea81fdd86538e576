import { SlashCommandBuilder } from 'discord.js';
import { bookTitle } from '../../answer/citationLine.ts';
import { inDisplayScript, inScript } from '../../answer/displayScript.ts';
import { UserFacingError } from '../../userFacingError.ts';
import type { BotCommand } from '../context.ts';
import { summaryReply } from '../responses/summary.ts';
import { respondWithDocuments } from './documentChoices.ts';

export const summaryCommand: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('summary')
    .setDescription('总结一篇文档，或总结语料中关于某个主题的内容')
    .addStringOption((o) => o.setName('document').setDescription('要总结的文档').setAutocomplete(true))
    .addStringOption((o) => o.setName('topic').setDescription('要总结的主题，例如：快递包装绿色治理').setMaxLength(200)),
  preconditions: ['cooldown'],
  async execute(interaction, ctx) {
    const document = interaction.options.getString('document');
    const topic = interaction.options.getString('topic');
    if (!document === !topic) throw new UserFacingError('invalid-request', '请二选一：用 document 选择一篇文档，或用 topic 输入一个主题。');
    await interaction.deferReply();
    if (document) {
      const summary = await ctx.service.summary({ document });
      await interaction.editReply(summaryReply(inDisplayScript(summary, ctx.config.displayScript, 'summary'), `摘要：${bookTitle(inScript(summary.title, ctx.config.displayScript))}`));
    } else {
      const summary = await ctx.service.summary({ topic: topic! });
      await interaction.editReply(summaryReply(inDisplayScript(summary, ctx.config.displayScript, 'summary'), `主题摘要：${topic}`));
    }
  },
  autocomplete: (interaction, ctx) => respondWithDocuments(interaction, ctx.service),
};
