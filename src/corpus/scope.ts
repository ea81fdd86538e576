import { normalize } from '../text/normalize.ts';
import { CITY_PROVINCES } from './cities.ts';

/** Where a national rule applies. */
export const NATIONAL = '全国';

/**
 * Provinces, autonomous regions and municipalities, as their rules name them. A document titled or
 * issued by one of them applies there only; everything else (laws, State Council and State Post
 * Bureau rules, national notices) applies nationwide.
 */
export const PROVINCES = [
  '北京市',
  '天津市',
  '上海市',
  '重庆市',
  '河北省',
  '山西省',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '海南省',
  '四川省',
  '贵州省',
  '云南省',
  '陕西省',
  '甘肃省',
  '青海省',
  '台湾省',
  '内蒙古自治区',
  '广西壮族自治区',
  '西藏自治区',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
] as const;

/** 浙江 for 浙江省, 内蒙古 for 内蒙古自治区, 广西 for 广西壮族自治区: how people name a place. */
export function shortPlaceName(province: string): string {
  return province.replace(/(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$/u, '');
}

/**
 * The province a title or issuer names at its start, itself or by a city (重庆市邮政条例,
 * 浙江省人民代表大会常务委员会, 青岛市…条例); none when it starts a list of places (上海、湖南等地邮政管理局).
 */
function leadingProvince(text: string): string | null {
  const normalized = normalize(text);
  const named: [string, string][] = [...PROVINCES.map((p): [string, string] => [shortPlaceName(p), p]), ...CITY_PROVINCES];
  for (const [name, province] of named) {
    if (!normalized.startsWith(name)) continue;
    const rest = normalized.slice(name.length).replace(/^(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)/u, '');
    return /^[、,等和及与]/u.test(rest) ? null : province;
  }
  return null;
}

/** A body that makes rules for its province; a provincial publisher (快递协会) of national news is not. */
const LAWMAKER = /人民代表大会|人民政府/u;

/**
 * Where a document applies, read from its title, else from the body that issued it (浙江省邮政管理局
 * rules for 浙江), else from a lawmaker named as its source.
 */
export function scopeOf(title: string, issuer: string | null, source: string | null): string {
  return leadingProvince(title) ?? (issuer ? leadingProvince(issuer) : null) ?? (source && LAWMAKER.test(source) ? leadingProvince(source) : null) ?? NATIONAL;
}

/** Where `name` stands in `text`, as [start, end) spans. */
function spans(text: string, name: string): [number, number][] {
  return [...text.matchAll(new RegExp(name, 'gu'))].map((m) => [m.index, m.index + name.length]);
}

/** What follows a district's name (河北区), never a province's. */
const DISTRICT_AFTER = /^(?:区(?!域)|县)/u;

/**
 * The provinces a question names, in full form, itself or by one of its cities (在浙江寄快递,
 * 杭州的快递柜 → 浙江省). A city name straddling a province's (河南京东 holds 南京) is not one.
 */
export function placesIn(normalizedQuestion: string): string[] {
  // 天津河北区 names a district, not 河北: no province is named 区 or 县.
  const named = PROVINCES.map((province) => ({ province, at: spans(normalizedQuestion, shortPlaceName(province)).filter(([, end]) => !DISTRICT_AFTER.test(normalizedQuestion.slice(end))) }));
  const provinces = named.filter(({ at }) => at.length > 0).map(({ province }) => province);
  const provinceSpans = named.flatMap(({ at }) => at);
  const apart = ([start, end]: [number, number]) => provinceSpans.every(([s, e]) => end <= s || start >= e);
  const byCity = [...CITY_PROVINCES].filter(([city]) => normalizedQuestion.includes(city) && spans(normalizedQuestion, city).some(apart)).map(([, province]) => province);
  return PROVINCES.filter((p) => provinces.includes(p) || byCity.includes(p));
}

/**
 * A province's own body (陕西省邮政管理局, 浙江邮管局; 湖南局, 云南省局 as the industry calls its postal
 * bureaus): what it did or who leads it is that province's fact.
 */
const PROVINCIAL_BODY = /^(?:省|市|自治区)?(?:邮政管理局|邮管局|邮政分公司|邮政公司|快递协会|快递行业协会|局(?![面势部限促]))/u;

/** Where in the text each province's short name stands, with what comes before and after it. */
function provinceMentions(normalizedQuestion: string): { province: string; name: string; before: string; after: string }[] {
  return PROVINCES.flatMap((province) => {
    const name = shortPlaceName(province);
    return spans(normalizedQuestion, name).map(([start, end]) => ({
      province,
      name,
      before: normalizedQuestion.slice(Math.max(0, start - 2), start),
      after: normalizedQuestion.slice(end),
    }));
  });
}

/**
 * The provinces (short names) whose own bodies a question asks about: only text naming the province
 * can answer it, however national the rule it quotes.
 */
export function provincialBodiesIn(normalizedQuestion: string): string[] {
  return [
    ...new Set(
      provinceMentions(normalizedQuestion)
        .filter((m) => PROVINCIAL_BODY.test(m.after))
        .map((m) => m.name),
    ),
  ];
}

/** A place's own rules asked for: 按湖北的规定, 浙江有没有规定, 北京的条例里, 广东省邮政条例. */
const OWN_RULE_AFTER =
  /^(?:省|市|自治区)?(?:的|这边的|当地的|本地的)?(?:邮政|快递|邮政通信|快递业促进|快递市场管理)?(?:规定|条例|地方性法规|法规|地方规定)|^(?:省|市)?(?:有没有|有无|是否有|有)(?:规定|条例)/u;
const OWN_RULE_BEFORE = /(?:按|按照|根据|依照|依据)$/u;

/** The nation's own rules asked for (国家规定, 国家有没有要求, 全国统一的规定): not 国家邮政局, a body. */
const NATIONAL_RULES_ASKED = /国家(?:有没有|有|是否有|到底有没有)?(?:规定|要求|统一规定|法律|法规)|全国(?:有没有)?(?:统一|性)的?(?:规定|标准|要求)/u;

/**
 * The scopes whose own rules a question asks for — provinces (full names), or NATIONAL for 国家规定 —
 * which no rule of another scope answers: a national rule is not 湖北's, a province's not the nation's.
 */
export function ownRulesAsked(normalizedQuestion: string): string[] {
  return [
    ...new Set([
      ...provinceMentions(normalizedQuestion)
        .filter((m) => OWN_RULE_AFTER.test(m.after) || OWN_RULE_BEFORE.test(m.before))
        .map((m) => m.province),
      ...(NATIONAL_RULES_ASKED.test(normalizedQuestion) ? [NATIONAL] : []),
    ]),
  ];
}

/**
 * Countries and foreign postal operators people ask about (美国邮政, 寄到日本, DHL), and the posts of Hong
 * Kong, Macao and Taiwan (香港邮差, 台湾的邮局). The corpus is the mainland's law and directives: what they
 * say binds nobody there.
 */
const FOREIGN =
  /美国|日本|韩国|朝鲜|英国|法国|德国|意大利|西班牙|葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|丹麦|芬兰|波兰|奥地利|希腊|爱尔兰|俄罗斯|乌克兰|土耳其|以色列|加拿大|澳大利亚|新西兰|新加坡|马来西亚|印尼|印度尼西亚|菲律宾|泰国|越南|印度|巴基斯坦|阿联酋|迪拜|南非|埃及|巴西|阿根廷|墨西哥|欧盟|欧洲|非洲|东南亚|皇家邮政|中华邮政|(?:香港|澳门|台湾)(?:的|地区的?)?(?:邮政|邮差|邮局|邮递员|邮筒)|(?<![a-z])(?:usps|ups|fedex|dhl|tnt)(?![a-z])/gu;

/** The foreign countries or operators a question names (美国邮政USPS → 美国, usps). */
export function foreignPlacesIn(normalizedQuestion: string): string[] {
  return [...new Set(normalizedQuestion.toLowerCase().match(FOREIGN) ?? [])];
}

const IMPLEMENTING = /实施(?:细则|条例)$/u;

/**
 * Whether a national document implements the law titled `lawTitle` (中华人民共和国邮政法实施细则 implements
 * 中华人民共和国邮政法): where both speak, the law binds above it.
 */
export function implementsLaw(document: { title: string; scope: string }, lawTitle: string): boolean {
  return document.scope === NATIONAL && document.title !== lawTitle && document.title.startsWith(lawTitle) && IMPLEMENTING.test(document.title);
}
