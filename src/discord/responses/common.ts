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

const TRUNCATED = '\n…（内容过长，已截断）';
const FOOTER_RESERVE = 100;

/**
 * Text with [n] markers as one embed within Discord's limits (4096 description, 6000 for the whole
 * message): citations are kept first, then the text is cut right after a marker, never inside one.
 * Text is escaped so Markdown in the corpus cannot break the embed.
 */
export function textEmbeds(options: { title: string; text: string; color: number; citations: readonly Citation[]; footer?: string }): EmbedBuilder[] {
  const title = truncate(options.title, LIMITS.embedTitle);
  const fields = citationFields(options.citations);
  const footer = options.footer ? truncate(options.footer, FOOTER_RESERVE) : undefined;
  const size = (s: string) => [...s].length;
  let budget = LIMITS.embedTotal - size(title) - size(footer ?? '');
  const kept: typeof fields = [];
  for (const field of fields) {
    const cost = size(field.name) + size(field.value);
    // Leave room for at least a short answer before the sources.
    if (budget - cost < 500) break;
    kept.push(field);
    budget -= cost;
  }
  const text = escapeMarkdown(options.text);
  const max = Math.min(LIMITS.embedDescription, budget);
  const description = size(text) <= max ? text : `${splitAtMarkers(text, max - size(TRUNCATED))[0] ?? ''}${TRUNCATED}`;
  const embed = new EmbedBuilder().setColor(options.color).setTitle(title).setDescription(description).addFields(kept);
  if (footer) embed.setFooter({ text: footer });
  return [embed];
}
