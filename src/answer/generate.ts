import type { BaseMessage, MessageContent } from '@langchain/core/messages';
import { withDeadline } from '../providers/deadline.ts';
import type { ChatProvider } from '../providers/createChatModel.ts';
import { ProviderError, providerError } from '../providers/errors.ts';
import { withRetry } from '../providers/retry.ts';

const WHAT = '模型服务';

function textOf(content: MessageContent | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

function notify(listener: (text: string) => void, text: string): void {
  try {
    listener(text);
  } catch {
    // A failing listener (a Discord edit) must not cost the answer.
  }
}

export interface GenerateOptions {
  /** Called with the whole text so far as tokens arrive; without it the reply comes in one piece. */
  onText?: (textSoFar: string) => void;
  /** Aborts the generation early (a map-reduce summary's overall budget). */
  signal?: AbortSignal;
}

/**
 * One completion within the provider's time limit, retried with backoff on 429/5xx and dropped
 * connections, but only until the first token has been passed on: a stream cannot be taken back.
 * Every failure, timeout or empty reply comes out as a ProviderError.
 */
export async function generateText(chat: ChatProvider, messages: BaseMessage[], options: GenerateOptions = {}): Promise<string> {
  return withDeadline(chat.timeoutMs, WHAT, async (deadline) => {
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    let text = '';
    try {
      text = await withRetry(
        async () => {
          if (!options.onText) return textOf((await chat.model.invoke(messages, { signal })).content);
          let sofar = '';
          try {
            for await (const chunk of await chat.model.stream(messages, { signal })) {
              const piece = textOf(chunk.content);
              if (!piece) continue;
              sofar += piece;
              notify(options.onText, sofar);
            }
          } catch (error) {
            // Once text went out, a retry would show it twice: the failure is final (ProviderError is never retried).
            throw sofar ? providerError(error, WHAT) : error;
          }
          return sofar;
        },
        chat.retry,
        signal,
      );
    } catch (error) {
      throw providerError(error, WHAT);
    }
    if (!text.trim()) throw new ProviderError(`${WHAT}返回了空回答`, 'invalid');
    return text;
  });
}
