import { EmbedBuilder, type MessageMentionOptions } from 'discord.js';
import { bookTitle, citationMeta, citedPlace } from '../../answer/citationLine.ts';
import type { Citation, ClosestDocument } from '../../answer/types.ts';
import { escapeDiscord, maskedLink, plainDiscord } from '../escape.ts';
import { LIMITS, splitAtMarkers, truncate } from '../limits.ts';

/** Every message the bot sends: corpus or user text never pings anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], users: [], roles: [], repliedUser: false };

export const COLORS = { answer: 0x2b6cb0, declined: 0x718096, summary: 0x2f855a, error: 0xc53030 } as const;

const QUOTE_CHARS = 160;
const LINKED_PLACE_CHARS = 120;

/**
 * One field per citation: number, title and article (named once), then date · issuer · scope and a
 * short quote. Field names render no links: a document fetched from the web has its title and
 * article in the value instead, linked to the page it came from.
 */
export function citationFields(citations: readonly Citation[]): { name: string; value: string }[] {
  return citations.slice(0, LIMITS.fields).map((c) => {
    const place = citedPlace(c.title, c.location);
    const link = c.url && maskedLink(truncate(place, LINKED_PLACE_CHARS), c.url);
    const meta = escapeDiscord(citationMeta(c).join(' · '));
    const quote = `\n> ${escapeDiscord(truncate(c.text.replace(/\s+/gu, ' '), QUOTE_CHARS))}`;
    return {
      name: link ? `[${c.n}]` : truncate(`[${c.n}] ${escapeDiscord(place)}`, LIMITS.fieldName),
      value: truncate(`${link ? `${link} · ` : ''}${meta}${quote}`, LIMITS.fieldValue),
    };
  });
}

export function closestList(closest: readonly ClosestDocument[]): string {
  return closest.map((d) => `• ${escapeDiscord(bookTitle(d.title))}${d.date ? `（${d.date}）` : ''}`).join('\n');
}

const TRUNCATED = '\n…（内容过长，已截断）';
const FOOTER_RESERVE = 100;

/**
 * Text with [n] markers as one embed within Discord's limits (4096 description, 6000 for the whole
 * message): citations are kept first, then the text is cut right after a marker, never inside one.
 * Text is escaped so Markdown in the corpus cannot break the embed; the title comes escaped.
 */
export function textEmbeds(options: { title: string; text: string; color: number; citations: readonly Citation[]; footer?: string }): EmbedBuilder[] {
  const title = truncate(options.title, LIMITS.embedTitle);
  const fields = citationFields(options.citations);
  const footer = options.footer ? plainDiscord(options.footer, FOOTER_RESERVE) : undefined;
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
  const text = escapeDiscord(options.text);
  const max = Math.min(LIMITS.embedDescription, budget);
  const description = size(text) <= max ? text : `${splitAtMarkers(text, max - size(TRUNCATED))[0] ?? ''}${TRUNCATED}`;
  const embed = new EmbedBuilder().setColor(options.color).setTitle(title).setDescription(description).addFields(kept);
  if (footer) embed.setFooter({ text: footer });
  return [embed];
}
