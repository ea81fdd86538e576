import type { Answer } from './types.ts';

/** The CLI/tooling shape of an answer (the contract in the README). */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: answer.answer,
    mode: answer.mode,
    citations: answer.citations.map(({ n, docId, title, date, source, scope, chunkId, text, score, location, url }) => ({
      n,
      docId,
      title,
      date,
      source,
      scope,
      chunkId,
      text,
      score,
      location,
      url,
    })),
    closest: answer.closest,
    declined: answer.declined,
    related: answer.related,
    note: answer.note ?? null,
    answeredPart: answer.answeredPart ?? null,
  };
}
