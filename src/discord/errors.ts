import { QuestionError } from '../answer/types.ts';
import { ReindexBusyError } from '../index/errors.ts';
import { CorpusFileError } from '../service/corpusFiles.ts';
import { IndexUnavailableError } from '../service/qaService.ts';
import { BusyError } from '../service/workQueue.ts';

/** An error whose message is meant for the user who triggered it. */
export class UserError extends Error {}

const USER_FACING = [UserError, QuestionError, ReindexBusyError, CorpusFileError, BusyError];

/** The message to show the user, or null when the error is internal (log it, answer generically). */
export function userMessage(error: unknown): string | null {
  if (error instanceof IndexUnavailableError) return `${error.message}，请管理员执行 /reindex`;
  return error instanceof Error && USER_FACING.some((type) => error instanceof type) ? error.message : null;
}

export const GENERIC_FAILURE = '处理请求时出错了，请稍后再试。';
