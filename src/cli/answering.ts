import type { Config } from '../config.ts';
import { prepareAnswer } from '../answer/extractive.ts';
import { groundedAnswer } from '../answer/grounded.ts';
import { modelSummary } from '../answer/modelSummary.ts';
import { prepareSummary, type Summary, type SummaryRequest } from '../answer/summarize.ts';
import type { Answer } from '../answer/types.ts';
import type { SearchIndex } from '../index/loadIndex.ts';
import { createChatModel } from '../providers/createChatModel.ts';

/** Answers and summaries for the command line: written by the configured chat model, else extractive. */
export function cliAnswering(config: Config, index: SearchIndex) {
  const chat = createChatModel(config);
  return {
    async answer(question: string, k: number): Promise<Answer> {
      const prepared = await prepareAnswer(index, question, { k });
      return chat ? groundedAnswer(prepared, chat) : prepared.extractive;
    },
    // The same preparation as the bot's QaService.summary, without its work queue.
    async summary(request: SummaryRequest): Promise<Summary> {
      const { hits, extractive } = await prepareSummary(index, request);
      return chat ? modelSummary(extractive, hits, chat) : extractive;
    },
  };
}
