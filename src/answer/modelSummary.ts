import pLimit from 'p-limit';
import type { ChatProvider } from '../providers/createChatModel.ts';
import { withDeadline } from '../providers/deadline.ts';
import { ProviderError } from '../providers/errors.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { bookTitle } from './citationLine.ts';
import { generateText } from './generate.ts';
import { citationsOf, type GroundedOptions } from './grounded.ts';
import { failureNote, NOTES } from './notes.ts';
import { reduceMessages, summaryMessages } from './prompt.ts';
import type { Summary } from './summarize.ts';
import { checkCitations, checkPartial, type CheckedText } from './validateCitations.ts';

/** Passages up to this many characters go to the model in one request; longer documents are map-reduced. */
const WINDOW_CHARS = 6000;
const MAP_CONCURRENCY = 3;

const length = (hits: readonly SearchHit[]) => hits.reduce((sum, h) => sum + h.chunk.text.length, 0);

/** Consecutive runs of passages of at most WINDOW_CHARS each (a longer single passage gets a run of its own). */
function windows(passages: readonly SearchHit[]): { first: number; hits: SearchHit[] }[] {
  const out: { first: number; hits: SearchHit[] }[] = [];
  passages.forEach((hit, i) => {
    const last = out.at(-1);
    if (last && length(last.hits) + hit.chunk.text.length <= WINDOW_CHARS) last.hits.push(hit);
    else out.push({ first: i + 1, hits: [hit] });
  });
  return out;
}

/** A checked text with the passage numbers it was given put back (map steps keep the document's numbering). */
const withOriginalNumbers = (c: CheckedText) => c.text.replace(/\[(\d+)\]/gu, (_, i: string) => `[${c.cited[Number(i) - 1]}]`);

/**
 * A model-written summary of passages in reading order, cited like answers: short inputs in one
 * request; long documents map-reduced (each window summarized with the document's passage
 * numbers, then the partial summaries merged), all within one time limit. Falls back to the
 * extractive summary, with a note, when the model fails or cites nothing valid.
 */
export async function modelSummary(fallback: Summary, passages: readonly SearchHit[], chat: ChatProvider, options: GroundedOptions = {}): Promise<Summary> {
  if (!fallback.answered || passages.length === 0) return fallback;
  const topic = fallback.kind === 'document' ? bookTitle(passages[0]!.document.title) : fallback.target;
  const onPartial = options.onPartial;
  const onText =
    onPartial &&
    ((text: string) => {
      const partial = checkPartial(text, passages.length);
      if (partial.text) onPartial({ text: partial.text, citations: citationsOf(partial.cited, passages) });
    });
  let raw: string;
  try {
    raw = await withDeadline(chat.timeoutMs, '模型服务', async (signal) => {
      const parts = windows(passages);
      if (parts.length === 1) return generateText(chat, summaryMessages(topic, passages), { onText, signal });
      const limit = pLimit(MAP_CONCURRENCY);
      const mapped = await Promise.all(
        parts.map((w) =>
          limit(async () => {
            const checked = checkCitations(await generateText(chat, summaryMessages(topic, w.hits, w.first), { signal }), passages.length);
            return checked && withOriginalNumbers(checked);
          }),
        ),
      );
      const partials = mapped.filter((m): m is string => m !== null);
      if (partials.length === 0) return '';
      return generateText(chat, reduceMessages(topic, partials), { onText, signal });
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { ...fallback, note: failureNote(error.code) };
  }
  const checked = checkCitations(raw, passages.length);
  if (!checked) return { ...fallback, note: NOTES.uncited };
  return { ...fallback, summary: checked.text, mode: 'generated', citations: citationsOf(checked.cited, passages) };
}
