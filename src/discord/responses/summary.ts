import { EmbedBuilder, escapeMarkdown } from 'discord.js';
import type { Summary } from '../../answer/summarize.ts';
import { LIMITS, truncate } from '../limits.ts';
import { closestList, COLORS, NO_MENTIONS, textEmbeds } from './common.ts';

export function summaryReply(summary: Summary, title: string) {
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

/** The full cited passage, shown ephemerally when a 查看原文 button is pressed. */
export function passageReply(title: string, location: string | null, meta: string, text: string) {
  // An article location already names the document (《快递暂行条例》第二十七条); a section heading does not.
  const heading = location?.startsWith('《') ? location : `《${title}》${location ? ` · ${location}` : ''}`;
  const embed = new EmbedBuilder()
    .setColor(COLORS.answer)
    .setTitle(truncate(heading, LIMITS.embedTitle))
    .setDescription(truncate(escapeMarkdown(text), LIMITS.embedDescription))
    .setFooter({ text: truncate(meta, 2048) });
  return { embeds: [embed], allowedMentions: NO_MENTIONS };
}
