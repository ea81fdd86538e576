import type { ChatProvider } from '../providers/createChatModel.ts';
import { generateText } from './generate.ts';
import { rewriteMessages } from './prompt.ts';

const MAX_KEYWORDS = 8;
const KEYWORD = /^[\p{Script=Han}A-Za-z0-9]{2,12}$/u;

/** The model's reply as search terms: Chinese words it listed, at most eight, nothing else it wrote. */
export function parseKeywords(reply: string): string[] {
  const words = reply
    .split(/[、，,;；\s]+/u)
    .map((w) => w.replace(/^[\d.)）(（\-*•]+|["“”'‘’《》【】]/gu, '').trim())
    .filter((w) => KEYWORD.test(w) && /\p{Script=Han}/u.test(w));
  return [...new Set(words)].slice(0, MAX_KEYWORDS);
}

/** The question in the statutes' words, from the chat model; provider failures are the caller's to handle. */
export async function statutoryKeywords(chat: ChatProvider, question: string): Promise<string[]> {
  return parseKeywords(await generateText(chat, rewriteMessages(question)));
}
