import { type AnswerKind, askedKinds } from './answerability.ts';

/** Companies and brands people name; the rules name none of them (邮政企业, 快递企业, 经营快递业务的企业). */
const COMPANY = /邮政集团|顺丰|中通|圆通|申通|韵达|京东|菜鸟|极兔|百世|德邦|丰巢|宅急送|天天快递|邮储银行|邮政储蓄银行|淘宝|天猫|拼多多|美团|闪送|(?<![a-z])(?:ems|usps|ups|fedex|dhl|tnt)(?![a-z])/gu;
/**
 * What only the company itself can tell: its contacts, prices, membership, finances, owners, a bank's cards
 * and loans, its internal rules, staff, tracking, how fast it delivers and how its products differ (顺丰的特快和标快有什么区别).
 */
const COMPANY_FACT =
  /客服|电话|热线|官网|网站|网址|app|小程序|加盟|会员|积分|利率|理财|收益|开卡|开户|信用卡|贷款|存款|储蓄卡|借记卡|银行卡|网银|手机银行|内部|董事长|总裁|行长|老板|股价|市值|运费|价格|价钱|收费|资费|优惠|折扣|工资|待遇|招聘|入职|下单|单号|网点数|营业时间|区别|差别|时效|首重|续重|计费|怎么收|如何收|收购|并购|合并|重组|上市|融资|同一家|母公司|子公司|旗下|股东|利润|营收|停运|放假|周末|(?:几天|多久|多长时间)(?:能|才能)?(?:到|送到|送达)|(?:当天|当日|次日|隔天|第二天)(?:就|能|就能|可以)?(?:到|送到|送达|达)/u;
/** Kinds of answer that are a company's own figures when asked of a named company (京东送货上门收多少钱, 菜鸟驿站放几天退回). */
const COMPANY_FIGURES: readonly AnswerKind[] = ['price', 'code', 'number', 'ratio', 'comparison', 'clock', 'duration', 'span', 'when', 'date', 'year'];
const CLAUSE = /[^，,。；;！!？?\s]+/gu;

/**
 * The companies a question asks about rather than merely names (中通客服电话, 京东快递送货上门要额外收多少钱,
 * 圆通韵达哪个快 — not 顺丰把我的快递弄丢了怎么赔): a fact of its own follows its name in the clause, or
 * the question asks for a figure or a ranking in that clause. Only a quote naming the company answers.
 */
export function companiesAskedAbout(normalizedQuestion: string): string[] {
  return [...normalizedQuestion.toLowerCase().matchAll(CLAUSE)].flatMap(([clause]) => {
    const named = [...clause.matchAll(COMPANY)];
    // A clause naming no company asks nothing of one: its kinds are not worked out.
    const asksFigure = named.length > 0 && askedKinds(clause).some((k) => COMPANY_FIGURES.includes(k));
    return named.filter((m) => asksFigure || COMPANY_FACT.test(clause.slice(m.index + m[0].length))).map((m) => m[0]);
  });
}

/**
 * A bank's products and services (储蓄卡, 挂失, 理财, 利率) and a shop's or carrier's offers (包邮,
 * 运费险, 优惠券): the postal savings bank is a bank and free shipping a seller's promise, and no
 * postal rule states their terms, however often a rule names 邮政储蓄 or 电子商务.
 */
const PRODUCTS = /储蓄卡|银行卡|信用卡|借记卡|挂失|利率|理财|贷款|保本|网银|手机银行|包邮|运费险|优惠券|满减|返现/gu;

/** The products and offers a question asks about: only a quote naming them answers it. */
export function productsAskedAbout(normalizedQuestion: string): string[] {
  return [...new Set(normalizedQuestion.match(PRODUCTS) ?? [])];
}
