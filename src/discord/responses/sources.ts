import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { IndexedDocument } from '../../service/qaService.ts';
import { escapeDiscord } from '../escape.ts';
import { LIMITS, truncate } from '../limits.ts';
import { COLORS, NO_MENTIONS } from './common.ts';

export const SOURCES_PAGE_BUTTON = 'sources:';
const PER_PAGE = 10;

/** One page of the indexed documents, with previous/next buttons when there is more than one page. */
export function sourcesReply(documents: readonly IndexedDocument[], builtAt: string, requestedPage: number) {
  const pages = Math.max(1, Math.ceil(documents.length / PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const lines = documents.slice(page * PER_PAGE, (page + 1) * PER_PAGE).map((d) => {
    const meta = [d.date ?? '日期不详', d.source, d.scope, `${d.chunks} 段`].filter(Boolean).join(' · ');
    return `**${escapeDiscord(truncate(d.title, 80))}**\n\`${truncate(d.id, 80)}\` · ${escapeDiscord(meta)}`;
  });
  const embed = new EmbedBuilder()
    .setColor(COLORS.summary)
    .setTitle(`已索引文档（${documents.length} 篇）`)
    .setDescription(truncate(lines.join('\n\n') || '索引中还没有文档。', LIMITS.embedDescription))
    .setFooter({ text: `第 ${page + 1}/${pages} 页 · 索引建立于 ${builtAt}` });
  const components =
    pages > 1
      ? [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId(`${SOURCES_PAGE_BUTTON}${page - 1}`).setLabel('上一页').setStyle(ButtonStyle.Secondary).setDisabled(page === 0),
            new ButtonBuilder().setCustomId(`${SOURCES_PAGE_BUTTON}${page + 1}`).setLabel('下一页').setStyle(ButtonStyle.Secondary).setDisabled(page >= pages - 1),
          ),
        ]
      : [];
  return { embeds: [embed], components, allowedMentions: NO_MENTIONS };
}
