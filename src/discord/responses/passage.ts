import { ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { citationMeta, citedPlace } from '../../answer/citationLine.ts';
import type { PassageView } from '../../service/qaService.ts';
import { escapeDiscord, maskedLink, plainDiscord } from '../escape.ts';
import { LIMITS, truncate } from '../limits.ts';
import { COLORS, NO_MENTIONS } from './common.ts';

/** The customId prefix of 查看原文 / 查看条文 buttons (see components/passage.ts). */
export const PASSAGE_PREFIX = 'passage:';

/** Its custom id carries the chunk id, cut to its #hash when the whole would not fit Discord's 100 characters. */
export function passageButton(chunkId: string, label: string): ButtonBuilder {
  const whole = `${PASSAGE_PREFIX}${chunkId}`;
  const id = whole.length <= LIMITS.customId ? whole : `${PASSAGE_PREFIX}…${chunkId.slice(chunkId.lastIndexOf('#'))}`;
  return new ButtonBuilder().setCustomId(id).setLabel(label).setStyle(ButtonStyle.Secondary);
}

/**
 * The whole cited article (or prose passage), shown ephemerally when a 查看原文 button is pressed:
 * titled 《title》第X条, under its chapter heading, as written in the corpus, with a link to the web
 * page it was fetched from below it when it was; the footer says when, by whom and where it
 * applies, as a citation does (never the document's internal id).
 */
export function passageReply({ document, location, passage }: PassageView) {
  const divisions = passage.divisions.length ? `**${escapeDiscord(passage.divisions.join(' '))}**\n` : '';
  const link = document.sourceUrl && maskedLink('查看原网页', document.sourceUrl);
  const after = link ? `\n\n${link}` : '';
  const embed = new EmbedBuilder()
    .setColor(COLORS.answer)
    .setTitle(truncate(escapeDiscord(citedPlace(document.title, location)), LIMITS.embedTitle))
    .setDescription(`${truncate(`${divisions}${escapeDiscord(passage.text)}`, LIMITS.embedDescription - [...after].length)}${after}`)
    .setFooter({ text: plainDiscord(citationMeta(document).join(' · '), 2048) });
  return { embeds: [embed], allowedMentions: NO_MENTIONS };
}
