import { ActionRowBuilder, type ButtonBuilder, EmbedBuilder } from 'discord.js';
import { relatedLine } from '../../answer/citations.ts';
import { joinNotes, partialAnswerNote } from '../../answer/notes.ts';
import { type Answer, type PartialAnswer, RELATED_HEADING } from '../../answer/types.ts';
import { passageButton } from './passage.ts';
import { escapeDiscord, unescapeDiscord } from '../escape.ts';
import { LIMITS, truncate } from '../limits.ts';
import { closestList, COLORS, NO_MENTIONS, textEmbeds } from './common.ts';

/** Answer embeds are titled with the question, so a reply to one can be read as a follow-up. */
export const QUESTION_PREFIX = '问：';

/** Markdown in the question is escaped: embed titles render some of it. */
function questionTitle(question: string): string {
  return truncate(`${QUESTION_PREFIX}${escapeDiscord(question)}`, LIMITS.embedTitle);
}

/** The question an answer embed was titled with (see questionTitle). */
export function questionOfTitle(title: string | null | undefined): string | null {
  if (!title?.startsWith(QUESTION_PREFIX)) return null;
  return unescapeDiscord(title.slice(QUESTION_PREFIX.length));
}

/** Says where the answer's words come from, and why a model answer was replaced when it was. */
function answerFooter(answer: Pick<Answer, 'mode' | 'note' | 'answeredPart'>): string {
  const origin = answer.mode === 'generated' ? '答案由模型根据所引段落写成，请以原文为准' : '答案摘自语料原文';
  const note = joinNotes(answer.note, answer.answeredPart && partialAnswerNote(answer.answeredPart));
  return `${note ? `${note} ` : ''}${origin}；点击按钮查看完整段落`;
}

/** A model answer still being written: what has arrived so far, without buttons. */
export function partialAnswerReply(question: string, partial: PartialAnswer) {
  const embeds = textEmbeds({ title: questionTitle(question), text: `${partial.text} …`, color: COLORS.answer, citations: partial.citations, footer: '正在生成…' });
  return { embeds, components: [], allowedMentions: NO_MENTIONS };
}

const RELATED_NOTE = '以下条文与问题相关，但不足以回答它，仅供查阅';

/** A declined answer's help: the closest provisions (with a button each), else the closest documents. */
function declinedReply(answer: Answer) {
  const { related, closest } = answer;
  const help = related.length
    ? `\n\n**${RELATED_HEADING}**（${RELATED_NOTE}）\n${related.map((r, i) => `${i + 1}. ${escapeDiscord(relatedLine(r))}`).join('\n')}`
    : closest.length
      ? `\n\n**最接近的文档**\n${closestList(closest)}`
      : '';
  const embed = new EmbedBuilder()
    .setColor(COLORS.declined)
    .setTitle(questionTitle(answer.question))
    .setDescription(truncate(`${escapeDiscord(answer.answer)}${help}`, LIMITS.embedDescription));
  const buttons = related.slice(0, LIMITS.buttonsPerRow).map((r, i) => passageButton(r.chunkId, `查看条文 ${i + 1}`));
  const components = buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [];
  return { embeds: [embed], components, allowedMentions: NO_MENTIONS };
}

/** The reply to a question: the answer with [n] markers, one line per source, and a button per passage. */
export function answerReply(answer: Answer) {
  if (!answer.answered) return declinedReply(answer);
  const embeds = textEmbeds({ title: questionTitle(answer.question), text: answer.answer, color: COLORS.answer, citations: answer.citations, footer: answerFooter(answer) });
  const buttons = answer.citations.slice(0, LIMITS.buttonsPerRow).map((c) => passageButton(c.chunkId, `查看原文 [${c.n}]`));
  const components = buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [];
  return { embeds, components, allowedMentions: NO_MENTIONS };
}
