import { MessageFlags } from 'discord.js';
import type { BotComponent } from '../context.ts';
import { NO_MENTIONS } from '../responses/common.ts';
import { PASSAGE_PREFIX, passageReply } from '../responses/passage.ts';

/** 查看原文 / 查看条文: the whole cited article, shown only to the reader who pressed it. */
export const passageComponent: BotComponent = {
  prefix: PASSAGE_PREFIX,
  async handle(interaction, chunkId, ctx) {
    const view = ctx.service.passage(chunkId);
    if (!view) {
      await interaction.reply({ content: '这段原文已不在当前索引中（语料可能已更新）。', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    await interaction.reply({ ...passageReply(view), flags: MessageFlags.Ephemeral });
  },
};
