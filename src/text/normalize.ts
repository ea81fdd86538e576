import * as OpenCC from 'opencc-js/t2cn';

const toSimplifiedChars = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * The form used for matching, never for display: NFKC folds full-width ASCII and punctuation
 * (，：（ → , : () and U+3000 → space), OpenCC turns Traditional into Simplified, Latin is lowercased.
 */
export function normalize(text: string): string {
  return toSimplifiedChars(text.normalize('NFKC')).toLowerCase();
}

/** Normalized text without any whitespace: how phrases are compared (evaluation, evidence checks). */
export function normalizeCompact(text: string): string {
  return normalize(text).replace(/\s+/gu, '');
}

/** Traditional → Simplified characters only (no width folding, no lowercasing): for display, see DISPLAY_SCRIPT. */
export function toSimplified(text: string): string {
  return toSimplifiedChars(text);
}
