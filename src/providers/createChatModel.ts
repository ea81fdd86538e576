import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config, RetryConfig } from '../config.ts';
import { ollamaClientOptions, openAiClientOptions } from './clientOptions.ts';

/** A chat model with the limits every call to it runs under. */
export interface ChatProvider {
  model: BaseChatModel;
  /** Longest one generation may take, retries included. */
  timeoutMs: number;
  retry: RetryConfig;
}

/**
 * The configured chat model, or null for the offline default (extractive answers only).
 * `openai` always speaks /chat/completions (ChatOpenAICompletions): the compatible servers
 * (DeepSeek, DashScope, vLLM, LocalAI) have no Responses API. LangChain's retries are off
 * (clientOptions.ts); generation retries with the configured backoff itself. The provider's
 * package is imported only when configured: the offline default never pays for loading it.
 */
export async function createChatModel(config: Pick<Config, 'llm' | 'retry'>): Promise<ChatProvider | null> {
  const llm = config.llm;
  if (llm.provider === 'none') return null;
  const model =
    llm.provider === 'openai'
      ? new (await import('@langchain/openai')).ChatOpenAICompletions({
          ...openAiClientOptions(llm),
          model: llm.model,
          temperature: llm.temperature,
          maxTokens: llm.maxTokens,
          // Not every compatible server accepts stream_options.include_usage.
          streamUsage: false,
        })
      : new (await import('@langchain/ollama')).ChatOllama({ ...ollamaClientOptions(llm), model: llm.model, temperature: llm.temperature, numPredict: llm.maxTokens });
  return { model, timeoutMs: llm.timeoutMs, retry: config.retry };
}
