import type { ChatProvider } from '../providers/createChatModel.ts';
import { ProviderError } from '../providers/errors.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { citationFor } from './citations.ts';
import type { PreparedAnswer } from './prepare.ts';
import { generateText } from './generate.ts';
import { failureNote, joinNotes, NOTES } from './notes.ts';
import { answerMessages } from './prompt.ts';
import type { Answer, Citation, PartialAnswer } from './types.ts';
import { checkCitations, checkPartial, isNoAnswer } from './validateCitations.ts';

/** Passages the model reads: as many as the extractive answerer draws on. */
const PASSAGES_GIVEN = 5;

export interface GroundedOptions {
  /** Each time tokens arrive: the answer so far, checked and renumbered as the final one will be. */
  onPartial?: (partial: PartialAnswer) => void;
}

export function citationsOf(cited: readonly number[], passages: readonly SearchHit[]): Citation[] {
  return cited.map((n, i) => citationFor(passages[n - 1]!, i + 1));
}

/**
 * The model's answer from the numbered passages, kept only when it cites them: markers pointing
 * to no passage are dropped, the sources listed are exactly those cited, and an answer citing none
 * is replaced by the extractive one. A provider failure, timeout or unusable reply also gives the
 * extractive answer, with a note saying why. Questions the corpus does not support are declined
 * before any model is asked, exactly as without one.
 */
export async function groundedAnswer(prepared: PreparedAnswer, chat: ChatProvider, options: GroundedOptions = {}): Promise<Answer> {
  const { question, hits, extractive, declined } = prepared;
  if (!extractive.answered) return extractive;
  const passages = hits.slice(0, PASSAGES_GIVEN);
  const onPartial = options.onPartial;
  let raw: string;
  try {
    raw = await generateText(chat, answerMessages(question, passages), {
      onText:
        onPartial &&
        ((text) => {
          const partial = checkPartial(text, passages.length);
          if (partial.text) onPartial({ text: partial.text, citations: citationsOf(partial.cited, passages) });
        }),
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { ...extractive, note: joinNotes(extractive.note, failureNote(error.code)) };
  }
  if (isNoAnswer(raw)) return { ...declined, mode: 'generated', note: extractive.note };
  const checked = checkCitations(raw, passages.length);
  if (!checked) return { ...extractive, note: joinNotes(extractive.note, NOTES.uncited) };
  const answer: Answer = { question, answered: true, answer: checked.text, mode: 'generated', citations: citationsOf(checked.cited, passages), closest: [], declined: null, related: [] };
  return extractive.note ? { ...answer, note: extractive.note } : answer;
}
