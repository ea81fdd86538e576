import { normalize } from './normalize.ts';
import type { SynonymRule } from './thesaurus.ts';

/** `经营快递业务的企业（以下简称快递企业）`, also 以下称 / 以下统称, quotes optional. */
const SHORT_NAME = /([^，。；：、（）(),;:\s]{2,40}(?:[、和及与][^，。；：、（）(),;:\s]{2,40})*)[（(]以下(?:简称|统称|称)[“"]?([^”"）)]{2,12})[”"]?[）)]/gu;
/** `本条例所称邮件，是指邮政企业寄递的信件、包裹、汇款通知、报纸杂志等`. */
const DEFINED_AS = /(?:本|此)(?:法|条例|办法|规定|细则)所称([^，。；,;]{2,20})[，,]?是指([^。；;]{4,200})/gu;
const PART_SEPARATOR = /[、]|以及|和|及|与/u;
const LIST_BEFORE_DENG = /([^，。；,;的]{2,60})等/u;
const MAX_PART = 16;
const MAX_ITEM = 8;

const chars = (s: string) => [...s].length;
/** Article numbers and leading function words are not part of a name. */
const trimName = (s: string) =>
  s
    .replace(/^第[一二三四五六七八九十百零〇\d]+条/u, '')
    .replace(/^(?:由|对|在|将|其|的|为)/u, '')
    .trim();

/**
 * What the regulations define for themselves, as synonym rules: the long form of a short name
 * looks for the short name the rest of the text uses (`经营快递业务的企业 => 快递企业`), and the
 * listed members of a defined term look for the term (`包裹 => 邮件`).
 */
export function harvestDefinitions(text: string): SynonymRule[] {
  const normalized = normalize(text);
  const rules: SynonymRule[] = [];
  for (const m of normalized.matchAll(SHORT_NAME)) {
    const short = m[2]!.trim();
    const parts = m[1]!
      .split(PART_SEPARATOR)
      .map(trimName)
      .filter((p) => chars(p) >= 2 && chars(p) <= MAX_PART && p !== short);
    if (parts.length) rules.push({ from: parts, to: [short] });
  }
  for (const m of normalized.matchAll(DEFINED_AS)) {
    const terms = m[1]!
      .split(PART_SEPARATOR)
      .map((t) => t.trim())
      .filter((t) => chars(t) >= 2);
    const list = LIST_BEFORE_DENG.exec(m[2]!)?.[1];
    const items = list
      ?.split('、')
      .map((t) => t.trim())
      .filter((t) => chars(t) >= 2 && chars(t) <= MAX_ITEM && !terms.includes(t));
    if (terms.length && items && items.length >= 2) rules.push({ from: items, to: terms });
  }
  return rules;
}
