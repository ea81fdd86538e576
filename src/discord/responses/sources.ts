import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, TimestampStyles, time } from 'discord.js';
import type { IndexedDocument } from '../../service/qaService.ts';
import { escapeDiscord, maskedLink } from '../escape.ts';
import { LIMITS, truncate } from '../limits.ts';
import { COLORS, NO_MENTIONS } from './common.ts';

/** The customId prefix of the page buttons (see components/sourcesPage.ts); the page number follows. */
export const SOURCES_PAGE_PREFIX = 'sources:';
const PER_PAGE = 10;

/** When the index was built, in each reader's own time zone and language (Discord's timestamp markup). */
function builtAtLine(builtAt: string): string {
  const date = new Date(builtAt);
  return `索引建立于 ${Number.isNaN(date.getTime()) ? escapeDiscord(builtAt) : time(date, TimestampStyles.ShortDateTime)}`;
}

/** Title (linked to the page a fetched document came from), then date · source · scope · passages. */
function documentLine(d: IndexedDocument, linked: boolean): string {
  const meta = [d.date ?? '日期不详', d.source, d.scope, `${d.chunks} 段`].filter(Boolean).join(' · ');
  const title = truncate(d.title, 80);
  const shown = (linked && d.sourceUrl && maskedLink(title, d.sourceUrl)) || escapeDiscord(title);
  return `**${shown}**\n${escapeDiscord(meta)}`;
}

/** The page's lines, with links only when they all fit: a length limit must never cut a link in half. */
function pageText(documents: readonly IndexedDocument[], head: string): string {
  const text = (linked: boolean) => `${head}\n\n${documents.map((d) => documentLine(d, linked)).join('\n\n') || '索引中还没有文档。'}`;
  const linked = text(true);
  return [...linked].length <= LIMITS.embedDescription ? linked : truncate(text(false), LIMITS.embedDescription);
}

function pageButtons(page: number, pages: number): ActionRowBuilder<ButtonBuilder> {
  const button = (to: number, label: string, disabled: boolean) => new ButtonBuilder().setCustomId(`${SOURCES_PAGE_PREFIX}${to}`).setLabel(label).setStyle(ButtonStyle.Secondary).setDisabled(disabled);
  return new ActionRowBuilder<ButtonBuilder>().addComponents(button(page - 1, '上一页', page === 0), button(page + 1, '下一页', page >= pages - 1));
}

/**
 * One page of the indexed documents (title, date, source, scope, passages; ids are for the
 * machinery, not for readers), with previous/next buttons when there is more than one page.
 */
export function sourcesReply(documents: readonly IndexedDocument[], builtAt: string, requestedPage: number) {
  const pages = Math.max(1, Math.ceil(documents.length / PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = documents.slice(page * PER_PAGE, (page + 1) * PER_PAGE);
  const embed = new EmbedBuilder()
    .setColor(COLORS.summary)
    .setTitle(`已索引文档（${documents.length} 篇）`)
    .setDescription(pageText(shown, builtAtLine(builtAt)))
    .setFooter({ text: `第 ${page + 1}/${pages} 页` });
  return { embeds: [embed], components: pages > 1 ? [pageButtons(page, pages)] : [], allowedMentions: NO_MENTIONS };
}
