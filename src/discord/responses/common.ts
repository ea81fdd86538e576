import { EmbedBuilder, escapeMarkdown, type MessageMentionOptions } from 'discord.js';
import type { Citation, ClosestDocument } from '../../answer/types.ts';
import { LIMITS, splitAtMarkers, truncate } from '../limits.ts';

/** Every message the bot sends: corpus or user text never pings anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], users: [], roles: [], repliedUser: false };

export const COLORS = { answer: 0x2b6cb0, declined: 0x718096, summary: 0x2f855a, error: 0xc53030 } as const;

const QUOTE_CHARS = 160;

function citationMeta(c: Citation): string {
  return [c.date ?? '日期不详', c.source, c.location && c.location !== `《${c.title}》` ? c.location : null].filter(Boolean).join(' · ');
}

/** One field per citation: number and title, then date · source · location and a short quote. */
export function citationFields(citations: readonly Citation[]): { name: string; value: string }[] {
  return citations.slice(0, LIMITS.fields).map((c) => ({
    name: truncate(`[${c.n}] 《${c.title}》`, LIMITS.fieldName),
    value: truncate(`${escapeMarkdown(citationMeta(c))}\n> ${escapeMarkdown(truncate(c.text.replace(/\s+/gu, ' '), QUOTE_CHARS))}`, LIMITS.fieldValue),
  }));
}

export function closestList(closest: readonly ClosestDocument[]): string {
  return closest.map((d) => `• 《${escapeMarkdown(d.title)}》${d.date ? `（${d.date}）` : ''}`).join('\n');
}

/**
 * Text with [n] markers as one or more embeds within Discord's limits; the citations go on the
 * last one. Text is escaped so Markdown in the corpus cannot break the embed.
 */
export function textEmbeds(options: { title: string; text: string; color: number; citations: readonly Citation[]; footer?: string }): EmbedBuilder[] {
  const pieces = splitAtMarkers(escapeMarkdown(options.text), LIMITS.embedDescription).slice(0, LIMITS.embeds);
  return pieces.map((piece, i) => {
    const embed = new EmbedBuilder().setColor(options.color).setDescription(piece);
    if (i === 0) embed.setTitle(truncate(options.title, LIMITS.embedTitle));
    if (i === pieces.length - 1) {
      const fields = citationFields(options.citations);
      // Keep the whole message under the 6000-character total by dropping trailing fields.
      let budget = LIMITS.embedTotal - pieces.reduce((n, p) => n + [...p].length, 0) - [...options.title].length - 200;
      for (const field of fields) {
        budget -= [...field.name].length + [...field.value].length;
        if (budget < 0) break;
        embed.addFields(field);
      }
      if (options.footer) embed.setFooter({ text: truncate(options.footer, 2048) });
    }
    return embed;
  });
}
