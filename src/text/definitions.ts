import { normalize } from './normalize.ts';
import type { SynonymRule } from './thesaurus.ts';

/** `经营快递业务的企业（以下简称快递企业）`, also 以下称 / 以下统称, quotes optional. */
const SHORT_NAME = /([^，。；：、（）(),;:\s]{2,40}(?:[、和及与][^，。；：、（）(),;:\s]{2,40})*)[（(]以下(?:简称|统称|称)[“"]?([^”"）)]{2,12})[”"]?[）)]/gu;
/** `本条例所称邮件，是指邮政企业寄递的信件、包裹、汇款通知、报纸杂志等`. */
const DEFINED_AS = /(?:本|此)(?:法|条例|办法|规定|细则)所称([^，。；,;]{2,20})[，,]?是指([^。；;]{4,200})/gu;
/** A list's separators, not the same characters inside a word (中华人民共和国, 及时, 参与). */
const PART_SEPARATOR = /[、]|以及|(?<!共)和(?!国)|及(?!时)|(?<!参)与/u;
/** Members listed before 等 (信件、包裹、汇款通知、报刊等) — not stages or aspects (收寄、分拣、运输、投递等环节). */
const LIST_BEFORE_DENG = /([^，。；,;的]{2,60})等(?!环节|方面|活动|行为|工作|程序|流程|步骤|措施|事项)/u;
const MAX_PART = 16;
const MAX_ITEM = 8;

const chars = (s: string) => [...s].length;
/**
 * Article numbers, the clause a name is the object of (任何单位或者个人不得利用…, 根据…, 可以交由…) and
 * leading function words are not part of a name.
 */
const trimName = (s: string) =>
  s
    .replace(/^第[一二三四五六七八九十百零〇\d]+条/u, '')
    .replace(/^.*(?:利用|根据|依据|按照|依照|交由|通过|不得|可以|应当)/u, '')
    .replace(/^(?:由|对|在|将|其(?!他)|的|为)/u, '')
    .replace(/是.+$/u, '')
    .trim();

/**
 * A part that names something: not 其他… (the rest of a list), not a level the list's last noun
 * completes (自治区 of 省、自治区、直辖市邮政管理机构), and not a narrower name a longer part extends
 * (邮政企业 of 邮政企业以外的…企业).
 */
const namesOnePart = (part: string, parts: readonly string[]) => !/^其他|^各?(?:省|自治区|直辖市|市|县|区)$/u.test(part) && !parts.some((other) => other !== part && other.startsWith(part));

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
      .filter((p, _, all) => chars(p) >= 2 && chars(p) <= MAX_PART && p !== short && namesOnePart(p, all));
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
