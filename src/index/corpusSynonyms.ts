import type { SynonymsFile } from '../corpus/load.ts';
import { harvestDefinitions } from '../text/definitions.ts';
import { formatSynonyms, parseSynonyms, type SynonymRule } from '../text/thesaurus.ts';

/**
 * The synonym rules a generation stores for its corpus: the moderators' synonyms.txt files (bad
 * lines become warnings, the rest is kept) and the definitions the documents state themselves.
 */
export function corpusSynonyms(files: readonly SynonymsFile[], texts: Iterable<string>): { text: string; warnings: { path: string; message: string }[] } {
  const warnings: { path: string; message: string }[] = [];
  const sections: string[] = [];
  for (const file of files) {
    const { rules, problems } = parseSynonyms(file.text);
    for (const p of problems) warnings.push({ path: file.path, message: `同义词第 ${p.line} 行已忽略：${p.message}（${p.text}）` });
    sections.push(`# ${file.path}`, formatSynonyms(rules));
  }
  const seen = new Set<string>();
  const defined: SynonymRule[] = [];
  for (const text of texts) {
    for (const rule of harvestDefinitions(text)) {
      const key = formatSynonyms([rule]);
      if (seen.has(key)) continue;
      seen.add(key);
      defined.push(rule);
    }
  }
  sections.push('# 条文中的定义（以下简称、本条例所称）', formatSynonyms(defined));
  return { text: `${sections.filter(Boolean).join('\n')}\n`, warnings };
}
