import type { Message } from 'discord.js';
import { inDisplayScript } from '../answer/displayScript.ts';
import type { BotContext } from './context.ts';
import { GENERIC_FAILURE, userMessage } from './errorText.ts';
import { answerReply, questionOfTitle } from './responses/answer.ts';
import { NO_MENTIONS } from './responses/common.ts';

/** The question text of a mention: the message without mention tokens (<@id>, <@&id>, @everyone). */
export function questionFromMention(content: string): string {
  return content
    .replace(/<@[!&]?\d+>/gu, ' ')
    .replace(/@(everyone|here)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The question an earlier answer of the bot was about (kept in its embed title). */
function answeredQuestion(message: Message): string | null {
  return questionOfTitle(message.embeds[0]?.title);
}

/**
 * `@bot 问题` in a channel, or a reply to one of the bot's answers, is answered like /ask.
 * A reply is a follow-up: it is asked together with the question of the answer it replies to.
 */
export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || !me) return;
  const referenced = message.reference?.messageId ? await message.fetchReference().catch(() => null) : null;
  const repliesToBot = referenced?.author.id === me.id;
  if (!message.mentions.users.has(me.id) && !repliesToBot) return;
  const followUp = questionFromMention(message.content);
  try {
    // An empty mention asks nothing, so it does not use up the user's cooldown.
    if (!followUp) {
      await message.reply({ content: '请在 @我 之后写上你的问题。', allowedMentions: NO_MENTIONS });
      return;
    }
    const wait = ctx.cooldowns.take(message.author.id);
    if (wait > 0) {
      // Messages cannot be ephemeral; the notice is short and pings no one.
      await message.reply({ content: `提问太频繁了，请 ${wait} 秒后再试。`, allowedMentions: NO_MENTIONS });
      return;
    }
    const previous = repliesToBot && referenced ? answeredQuestion(referenced) : null;
    const question = previous ? `${previous} ${followUp}` : followUp;
    const answer = await ctx.service.ask(question);
    ctx.log.info({ user: message.author.id, answered: answer.answered, followUp: previous !== null }, 'mention');
    await message.reply(answerReply(inDisplayScript(answer, ctx.config.displayScript, 'answer')));
  } catch (error) {
    const text = userMessage(error);
    if (text === null) ctx.log.error({ err: error, message: message.id }, 'mention failed');
    await message.reply({ content: text ?? GENERIC_FAILURE, allowedMentions: NO_MENTIONS }).catch((err: unknown) => ctx.log.warn({ err }, 'could not reply'));
  }
}
