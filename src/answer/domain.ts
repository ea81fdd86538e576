import { provincialBodiesIn } from '../corpus/scope.ts';
import type { Thesaurus } from '../text/thesaurus.ts';

/**
 * Words that make a question about posts and parcels. A question without any of them (a civil-law
 * dispute, the weather, a recipe) is outside what the bot answers, however many common words it
 * shares with some article.
 */
const POSTAL =
  /邮|寄|快递|快件|包裹|信件|信函|信封|信箱|信筒|平信|挂号信|明信片|驿站|快递柜|快件箱|丰巢|菜鸟|投递|揽收|揽件|派件|派送|收件|取件|签收|运单|面单|速递|函件|印刷品|报刊|汇款|汇兑|分拣|集包|保价|顺丰|圆通|中通|申通|韵达|极兔|ems|(?<![a-z])(?:usps|ups|fedex|dhl|tnt)(?![a-z])|丢件|快递员|邮递员|送件|收派|(?<!银行|储蓄|营业)网点|末端|揽投|分拨中心|(?<!外卖)配送|物流|运递|[的封寄写送收拆看]信(?![息用任心号誉贷托仰念赖访])|汇(?![率报总集聚编演合入])[^，,。；;？?！!]{0,4}钱/u;

/** Mail that is electronic: 发邮件骚扰 is about e-mail, not the post. */
const EMAIL = /电子邮件|电子邮箱|e-?mail|发邮件|邮箱地址/giu;

/** A takeaway rider: a 小哥 as couriers are, but delivering meals (外卖配送), which no postal rule governs. */
const TAKEAWAY_RIDER = /外卖小哥|外卖员|送外卖的|外卖骑手/gu;

/** Whether a question is about postal or express-delivery matters at all. */
export function isPostalQuestion(normalizedQuestion: string, thesaurus: Thesaurus): boolean {
  const question = normalizedQuestion.replace(EMAIL, ' ').replace(TAKEAWAY_RIDER, ' ');
  // 湖南局, 国家局: the industry's name for a postal bureau.
  if (POSTAL.test(question) || /国家局/u.test(question) || provincialBodiesIn(question).length > 0) return true;
  // A colloquial word the thesaurus maps onto a postal term (快递小哥, 丰巢) counts too; one character
  // does not (送 is 投递 in 送来的信, not in 朋友送来的水果).
  return thesaurus.expand(question).some((e) => e.term.length > 1 && e.alternatives.some((a) => POSTAL.test(a)));
}

/** A question with Latin words and no Chinese: the corpus and the answers are Chinese. */
export function isNonChineseQuestion(question: string): boolean {
  return !/\p{Script=Han}/u.test(question) && /\p{Script=Latin}{2,}/u.test(question);
}
