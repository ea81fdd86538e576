/** Text compared without whitespace: a PDF's lines are joined back into paragraphs differently than its pages hold them. */
const compact = (text: string) => text.replace(/\s+/gu, '');

/** Characters of a chunk's opening looked for in the pages: enough to be distinctive, short enough to stay on one page. */
const PROBE_CHARS = 16;

/**
 * The page (1-based) each chunk of a PDF starts on: the first page, from the previous chunk's on
 * (chunks come in reading order, so a repeated phrase cannot match an earlier page), holding the
 * chunk's opening words; undefined when none does (text the cleaning changed).
 */
export function chunkPages(chunkTexts: readonly string[], pages: readonly string[]): (number | undefined)[] {
  const compacted = pages.map(compact);
  let from = 1;
  return chunkTexts.map((text) => {
    const probe = [...compact(text)].slice(0, PROBE_CHARS).join('');
    const page = probe ? findPage(probe, compacted, from) : undefined;
    if (page) from = page;
    return page;
  });
}

function findPage(probe: string, pages: readonly string[], from: number): number | undefined {
  for (let page = from; page <= pages.length; page++) if (pages[page - 1]!.includes(probe)) return page;
  // A chunk opening at the foot of a page runs onto the next: its probe spans the break.
  for (let page = from; page < pages.length; page++) if ((pages[page - 1]! + pages[page]!).includes(probe)) return page;
  return undefined;
}
