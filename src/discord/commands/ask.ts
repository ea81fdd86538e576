import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../answer/prepare.ts';
import { inDisplayScript } from '../../answer/displayScript.ts';
import type { Answer } from '../../answer/types.ts';
import type { BotCommand } from '../context.ts';
import { answerReply, partialAnswerReply } from '../responses/answer.ts';
import { StreamingReply } from '../streamingReply.ts';

export const askCommand: BotCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('根据邮政指令语料回答问题，并注明出处')
    .addStringOption((o) => o.setName('question').setDescription('你的问题（简体或繁体）').setRequired(true).setMaxLength(MAX_QUESTION_CHARS)),
  preconditions: ['cooldown'],
  async execute(interaction, ctx) {
    // Discord allows 3 seconds before the first response; retrieval may take longer under load.
    await interaction.deferReply();
    const question = interaction.options.getString('question', true);
    const streaming = new StreamingReply(interaction, ctx.log);
    let answer: Answer;
    try {
      answer = await ctx.service.ask(question, { onPartial: (partial) => streaming.update(() => partialAnswerReply(question, inDisplayScript(partial, ctx.config.displayScript, 'text'))) });
    } finally {
      await streaming.finish();
    }
    ctx.log.info({ user: interaction.user.id, answered: answer.answered, mode: answer.mode, citations: answer.citations.length }, 'ask');
    await interaction.editReply(answerReply(inDisplayScript(answer, ctx.config.displayScript, 'answer')));
  },
};
