import { EmbedBuilder } from 'discord.js';
import type { Summary } from '../../answer/summarize.ts';
import { escapeDiscord } from '../escape.ts';
import { LIMITS, truncate } from '../limits.ts';
import { closestList, COLORS, NO_MENTIONS, textEmbeds } from './common.ts';

/** `heading` is the summary's title as plain text (摘要：《…》, 主题摘要：…); it is escaped here. */
export function summaryReply(summary: Summary, heading: string) {
  const title = escapeDiscord(heading);
  if (!summary.answered) {
    const embed = new EmbedBuilder()
      .setColor(COLORS.declined)
      .setTitle(truncate(title, LIMITS.embedTitle))
      .setDescription(truncate(`语料中没有找到与该主题相关的内容。${summary.closest.length ? `\n\n**最接近的文档**\n${closestList(summary.closest)}` : ''}`, LIMITS.embedDescription));
    return { embeds: [embed], allowedMentions: NO_MENTIONS };
  }
  const origin = summary.mode === 'generated' ? '摘要由模型根据所引段落写成，请以原文为准' : '摘要句子摘自语料原文';
  const footer = `${summary.note ? `${summary.note} ` : ''}${origin}`;
  return { embeds: textEmbeds({ title, text: summary.summary, color: COLORS.summary, citations: summary.citations, footer }), allowedMentions: NO_MENTIONS };
}
