/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  embedTotal: 6000,
  embeds: 10,
  choices: 25,
  choiceName: 100,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
} as const;

const length = (s: string) => [...s].length;

/** Cuts to `max` characters (code points), ending with … when something was cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Splits text into pieces of at most `max` characters, cutting only right after a citation
 * marker [n] (or, failing that, after sentence punctuation), so no citation is torn apart.
 */
export function splitAtMarkers(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (length(rest) > max) {
    const window = [...rest].slice(0, max).join('');
    const cuts = [...window.matchAll(/\[\d+\]/gu)].map((m) => m.index + m[0].length);
    const sentenceCuts = [...window.matchAll(/[。！？；\n]/gu)].map((m) => m.index + 1);
    const cut = cuts.at(-1) ?? sentenceCuts.at(-1) ?? window.length;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) pieces.push(rest);
  return pieces;
}
