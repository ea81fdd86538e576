/**
 * DISPLAY_SCRIPT=simplified: quotes and titles shown in Simplified characters. Display only: ids,
 * chunk ids and the passage view keep pointing at the original text, and the reader is told.
 */
import { toSimplified } from '../text/normalize.ts';
import type { Citation, ClosestDocument, PartialAnswer, RelatedProvision } from './types.ts';

export type DisplayScript = 'original' | 'simplified';

/** Said in the footer (Discord) or above the answer (terminal) whenever a quote or title was converted. */
export const CONVERTED_NOTE = '引文已转为简体';

interface Displayable extends PartialAnswer {
  note?: string;
  closest?: ClosestDocument[];
  related?: RelatedProvision[];
}

/** One text (a title) in `script`. */
export function inScript(text: string, script: DisplayScript): string {
  return script === 'simplified' ? toSimplified(text) : text;
}

const nullable = (text: string | null) => (text === null ? null : toSimplified(text));

function citation(c: Citation): Citation {
  return { ...c, title: toSimplified(c.title), source: nullable(c.source), location: nullable(c.location), text: toSimplified(c.text) };
}

/**
 * An answer, summary or partial answer as the reader sees it in `script`; `textField` names its text (answer,
 * summary, text). Unchanged when the script is original or nothing needed converting.
 */
export function inDisplayScript<T extends Partial<Displayable>, K extends keyof T & string>(value: T, script: DisplayScript, textField: K): T {
  if (script === 'original') return value;
  const text = value[textField];
  const converted: T = {
    ...value,
    [textField]: typeof text === 'string' ? toSimplified(text) : text,
    ...(value.citations && { citations: value.citations.map(citation) }),
    ...(value.closest && { closest: value.closest.map((d) => ({ ...d, title: toSimplified(d.title), source: nullable(d.source) })) }),
    ...(value.related && { related: value.related.map((r) => ({ ...r, title: toSimplified(r.title), location: nullable(r.location), quote: toSimplified(r.quote) })) }),
  };
  if (JSON.stringify(converted) === JSON.stringify(value)) return value;
  return { ...converted, note: value.note ? `${value.note} ${CONVERTED_NOTE}` : CONVERTED_NOTE };
}
