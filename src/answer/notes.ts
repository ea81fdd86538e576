import type { ProviderFailure } from '../providers/errors.ts';

/** Short remarks shown with an answer when a model provider could not be used as configured. */
export const NOTES = {
  denseUnavailable: '向量检索服务暂不可用，本次仅按关键词检索。',
  uncited: '模型的回答没有可核对的出处，以下为语料原文摘录。',
} as const;

const FAILURE_NOTES: Record<ProviderFailure, string> = {
  'provider-timeout': '模型响应超时，以下为语料原文摘录。',
  'provider-http': '模型服务暂时不可用，以下为语料原文摘录。',
  'provider-network': '无法连接模型服务，以下为语料原文摘录。',
  'provider-invalid': '模型返回的内容无法使用，以下为语料原文摘录。',
};

export function failureNote(failure: ProviderFailure): string {
  return FAILURE_NOTES[failure];
}

/** Said with an answer to one of the questions a message asked (see Answer.answeredPart). */
export function partialAnswerNote(answeredPart: string): string {
  return `只回答了“${answeredPart}”；其余问题语料中没有找到答案。`;
}

/** Both remarks when retrieval and generation each had a problem. */
export function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const kept = notes.filter(Boolean);
  return kept.length ? kept.join('') : undefined;
}
