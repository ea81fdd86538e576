/**
 * What a question asks for, and whether quoted text holds it: the checks that decide between an
 * answer and an honest decline. Pure functions over normalized (Simplified) text.
 */

import { IS_IT_RIGHT, withoutIndefinites } from '../text/questionForm.ts';

export type AnswerKind =
  | 'amount'
  | 'price'
  | 'compensation'
  | 'redress'
  | 'number'
  | 'times'
  | 'code'
  | 'ratio'
  | 'duration'
  | 'frequency'
  | 'span'
  | 'when'
  | 'date'
  | 'year'
  | 'actor'
  | 'place'
  | 'permission'
  | 'list'
  | 'penalty'
  | 'consequence'
  | 'liability'
  | 'definition'
  | 'classification'
  | 'comparison'
  | 'clock'
  | 'purpose'
  | 'enactment';

const NUMBER = '[\\d０-９一二三四五六七八九十百千万两半]+';
/**
 * Whether it is cheap, asked (便宜吗, 哪个便宜): not a reason told (说这样便宜，这样做合规吗; 能便宜点，这行吗),
 * which asks about something else.
 */
const CHEAPNESS_ASKED = '便宜(?=一?点?(?:吗|呢|[？?]|$)|多少)|便不便宜|多便宜';

const ENACTMENT_LINE =
  /^\d{4}年\d{1,2}月\d{1,2}日.{0,80}(?:通过|修正|修订|公布|颁布|发布|批准)|(?:会议|令第.{1,8}号)(?:审议)?(?:通过|修正|修订|公布|发布|批准)|根据.{2,80}决定.{0,10}(?:修正|修订|修改)|自.{2,24}起(?:施行|实施|生效)|(?:同时|予以)废止/u;

interface KindRule {
  /** The question asks for this kind. */
  asks: RegExp;
  /** Text that can answer it. */
  holds: RegExp;
}

const KINDS: Record<AnswerKind, KindRule> = {
  amount: {
    // A fine or a subsidy is a sum of money, or a multiple of one (应付邮资十倍的罚款).
    asks: /(?:多少|几)[亿万千百]*元|(?:补贴|补助)多少|资费标准|收费标准|罚多少|罚款多少|费用多少|收费多少|金额|罚几|(?:工资|薪水|薪资|收入|提成|派费|报酬|奖金|年终奖|绩效)[^，,。？?]{0,4}多少/u,
    holds: new RegExp(`${NUMBER}\\s*(?:元|倍)|倍`, 'u'),
  },
  price: {
    // What something costs (几块钱的邮票) or is worth (纪念邮票有没有投资价值) is a sum, not a multiple,
    // a fine or its bounds (处1万元以上5万元以下的罚款), or the capital a licence needs (注册资本不低于五十万元). Asked about a fine or compensation (罚多少钱), it is an amount (see askedKinds).
    asks: new RegExp(
      `多少钱|多少.{0,4}(?:钱|费)|(?<!赔偿?)费(?:用)?是?(?:怎么|如何|咋)(?:算|计算|收)|(?<!最[重大长][^，,。？?]{0,2})(?:收|交|付|花|拿)多少|几毛|(?<!哪)几块|多少块|几元|多少元|${CHEAPNESS_ASKED}|贵不贵|价格|价钱|运费|邮费|投资价值|收藏价值|升值|涨得|行情`,
      'u',
    ),
    holds: new RegExp(`(?<!(?:资本|资金)[^，,。；;]{0,12})${NUMBER}\\s*元(?![^，,。；;]*罚)`, 'u'),
  },
  compensation: {
    asks: /赔多少|赔几|赔偿多少|赔偿标准|赔偿金额|能赔/u,
    holds: new RegExp(`${NUMBER}\\s*(?:元|倍)|倍|实际损失|保价|价值|资费`, 'u'),
  },
  redress: {
    // 怎么赔 asks how compensation is settled: by the insured value, by the civil law, by a rule it names.
    asks: /怎么赔|如何赔|怎样赔|咋赔/u,
    holds: /赔偿|赔付|补偿|保价|损失/u,
  },
  number: {
    asks: /(?:是|有|到了|达到|为)多少[？?]?$|几点(?=要求|意见|建议|措施|任务|部署|举措|做法)|(?:多少|(?<!哪)几)[亿万千百]*(?:个(?![月小工])|家|件|人|次|趟|遍|瓶|箱|盒|包|袋|份|张|封|枚|套|辆|台|公斤|千克|斤|克|吨|米|厘米|毫米|微米|公里|千米|码|升|毫升)|多重|多大|多快|多高|多长(?!时间|期限)|多宽|最[重大长][^，,。？?]{0,2}多少|(?:时速|车速|限速|载重|限重)[^，,。？?]{0,3}(?:怎么|如何)(?:规定|定|限制)/u,
    // Digits, or Chinese numerals with a measure (统一 holds no number).
    holds: new RegExp(`[\\d０-９]|百分之${NUMBER}|${NUMBER}\\s*(?:个|点|家|件|人|次|项|条|种|公斤|千克|斤|克|吨|米|厘米|毫米|公里|千米|升|毫升|元|倍|日|天|月|年|%)`, 'u'),
  },
  times: {
    // How many times (跑几趟, 送几回): a count of times, not of days (三日内 answers no 几趟).
    asks: /(?:多少|几)(?:次|趟|遍|回)/u,
    holds: new RegExp(`${NUMBER}\\s*(?:次|趟|遍|回)`, 'u'),
  },
  code: {
    // A telephone number, postcode or file number is a string of digits, not a count (十五个工作日).
    // A search-box query ending in the code (海淀区 邮编) asks for it too.
    asks: /(?:电话|号码|手机号|热线|邮编|邮政编码|编号|编码|文号|网址|网站)(?:是|为)?(?:多少|什么|啥|几|哪个)|\s(?:邮编|邮政编码|电话|热线)$/u,
    holds: /\d[\d\s-]{3,}\d|[〔［[(（]\d{4}[〕］\])）]\d+号/u,
  },
  ratio: {
    // Shares and rates (赔几成, 占比, 覆盖率, 增长率): directives state targets and statistics as percentages.
    asks: /几成|几折|百分之几|百分比|占比|比例|比率|比重|率(?:是|有|为|达到|到了|能到)?(?:多少|多高|几)|增速|多少个百分点|多少%|几个点(?!要求|意见|建议|措施|任务|内容|工作|部署|举措|做法)/u,
    holds: new RegExp(`[%％‰]|百分之|百分点|${NUMBER}成(?![本立为员功果品])|${NUMBER}折`, 'u'),
  },
  duration: {
    // How many days, months or years: a count of them (定期 says how often, not how many: 运单保存几年).
    asks: /几天|几日|几个月|几年|几个?小时|几个?钟头|几分钟|几个?星期|几个?礼拜|几周|多少天|多少日|多少年|多少个?月|多少个?星期|多少周|多少个?小时|多少分钟|多少个工作日|几个工作日/u,
    holds: new RegExp(`${NUMBER}\\s*(?:个)?(?:日|天|小时|个月|月|年|周|工作日)`, 'u'),
  },
  span: {
    // How long, in so many words (多久销毁): a count of days, months or years, or how often (定期, 每月).
    asks: /多久|多长时间|多长期限/u,
    holds: new RegExp(`${NUMBER}\\s*(?:个)?(?:日|天|小时|个月|月|年|周|工作日)|每[天日周月年季](?!的)|按(?:季度|月|年|周)|季度|(?<!规)定期`, 'u'),
  },
  frequency: {
    // How often (多久检查一次, 一周送几次): a frequency (按季度, 每月, 定期) or a count per period.
    asks: /(?:多久|多长时间|隔多久|几天|几个月)[^，,。？?]{0,6}一(?:次|趟|回)|频率|频次|(?:一|每)(?:天|日|周|星期|个月|月|年)[^，,。？?]{0,4}(?:几|多少)(?:次|趟|回)/u,
    holds: new RegExp(`每[天日周月年季](?!的)|按(?:季度|月|年|周)|季度|(?<!规)定期|${NUMBER}\\s*(?:次|趟|回)`, 'u'),
  },
  when: {
    // By when: a time limit also counts from an event (自收到之日起), comes before one (开业以前), or is
    // a moment (在揽收时, 当场, 事先).
    asks: /什么时候|何时|期限|时限|截止|时间限制|时间要求|时间规定/u,
    holds: new RegExp(
      `${NUMBER}\\s*(?:个)?(?:日|天|小时|个月|月|年|周|工作日)|期间|之日起|以前|之前|以内|届满|当场|事先|事前|提前|立即|在[^，,。；;]{1,10}时|每[天日周月年季](?!的)|按(?:季度|月|年|周)|季度|(?<!规)定期|\\d{4}\\s*年`,
      'u',
    ),
  },
  date: {
    // Which year or day something happened: a date, not a time limit — or the day a rule names (退回之日视为送达之日).
    asks: /哪天|哪一天|哪个月|几月|几号/u,
    // A day of a month (27日), not a count of days (提前10日, 七日内).
    holds: new RegExp(`\\d{4}\\s*年|${NUMBER}\\s*月|(?<!提前|[\\d０-９一二三四五六七八九十百千万两半])${NUMBER}\\s*[日号](?![内以之后起前])|[今去前明]年|之日`, 'u'),
  },
  year: {
    asks: /哪年|哪一年|哪个年份|什么年份|几几年/u,
    holds: /\d{4}\s*年|[今去前明]年/u,
  },
  purpose: {
    // What a law or rule is for (立法目的, 为啥要出台): its first article says (为了…，制定本法).
    asks: /立法目的|制定目的|出台目的|(?:的|个)目的(?:是|为)|宗旨|初衷|为了?(?:什么|啥)(?:要)?(?:制定|出台|搞|立|定)|(?:制定|出台|搞|立)[^，,。？?]{0,8}(?:为了|是为)(?:什么|啥)|主要是为了(?:什么|啥)/u,
    holds: /为了?[^。]{2,160}制定本/u,
  },
  enactment: {
    // When a rule was adopted or took effect (邮政法哪年通过的, 什么时候生效): its adoption lines and its
    // 本法自…起施行 say, not a time limit inside it.
    asks: /(?:什么时候|啥时候|何时|哪天|哪一天|哪年|哪一年|几月|几号)[^，,。？?]{0,8}(?:通过|施行|实施|生效|公布|发布|颁布|修订|修正|出台|制定|定的)|(?:通过|施行|实施|生效|公布|发布|颁布|修订|修正|出台)(?:的)?(?:时间|日期|年份)/u,
    holds: ENACTMENT_LINE,
  },
  actor: {
    asks: /谁|哪一?位|哪个部门|哪些部门|什么部门|哪个机构|哪些机构|什么机构|哪个单位|哪些单位|什么单位|哪家|找哪|向哪|归哪|哪里投诉|哪儿投诉|谁管/u,
    // Or someone named at a meeting (刘君在会上通报…, …主持会议).
    holds: /部门|机关|机构|局|企业|公司|政府|委员会|法院|人员|用户|寄件人|收件人|单位|组织|协会|个人|经营者|在会上|主持会议|出席会议/u,
  },
  place: {
    // Which district or city (邮编100000是哪个区, 总部设在哪个城市): a place named, which a rule on
    // postcodes or a headquarters' duties does not.
    asks: /哪个(?:区|省|市|县|城市|地区)|哪[个一]?地方|什么地方/u,
    holds: /[省市县镇乡村](?!场)|区(?!别|分)|地区|城市|农村|地点|地方|[京沪津渝]/u,
  },
  permission: {
    asks: new RegExp(
      [
        /能不能|能否|可不可以|可以吗|可以不|行不行|行吗|能吗|合规吗|合法吗|合理吗|违法吗|(?:合规|合法|合理)不[？?]?$/u,
        IS_IT_RIGHT,
        /算违法|是否违法|是否可以|是否需要|是否必须|是不是(?:应当|应该|必须|要|得|可以|能)|必须|要不要|需不需要|用不用|允许|有权|有没有权|得不得|(?<!说)(?:要(?!求)|需要|得|能)(?:(?!什么|啥|哪|谁|怎么|怎样|如何)[^，,。？?]){0,16}吗/u,
        // Whether one pays at all (收不收邮费, 用付邮费吗): a rule charging or exempting answers it.
        /(收|交|付|掏)不\1|用(?:交|付|掏)[^，,。？?]{0,8}吗/u,
      ]
        .map((part) => part.source)
        .join('|'),
      'u',
    ),
    // A directive says must with 要 (要严格落实, ，要做好…) or a clause opening on what to do (，实行…制度).
    holds:
      /不得|禁止|应当|应该|可以|必须|有权|无权|不准|严禁|不能|不予|允许|须|义务|负责|承担|鼓励|免[收缴征予费]|免于|无需|不需要|不必|不(?:参与|适用|受|计入)|(?:^|[，,。；;])(?:要(?!求)|实行|严格|确保)|要(?=严格|坚决|认真|切实|全面|进一步|加强|做好|落实|确保|坚持|强化|推进|抓好|加快|深入|持续|统筹)|务必|坚决/u,
  },
  penalty: {
    // 怎么罚 asks for a sanction: an order to put things right (责令改正) is not one.
    asks: /处罚|罚|处分|惩罚/u,
    holds: /罚款|处罚|处分|吊销|没收|拘留|法律责任|追究|刑事责任|停业整顿|警告/u,
  },
  consequence: {
    // 会怎么处理 is also answered by what the authority orders, 会怎样 by what the law deems to follow
    // (视为送达, 由其承担, 不予受理).
    asks: /追究|法律责任|后果|会怎样|会怎么样|会怎么处理|受什么处理|有(?:什么|啥)处理/u,
    // What becomes of a thing (会怎么处理 asked of mail nobody takes) is its return, disposal or handing over.
    // For a sender, being refused (不得收寄) is what follows.
    holds: /罚款|处罚|处分|吊销|没收|拘留|法律责任|追究|刑事责任|停业整顿|警告|责令|视为|后果|承担|不予|无效|注销|撤销|退回|销毁|上缴|拍卖|移交|交由|不得收寄|拒绝收寄/u,
  },
  liability: {
    // What someone answers for (担什么责, 负什么责任): a duty or a liability, not only a penalty.
    asks: /(?:什么|啥|哪些)责任|担什么责|负什么责|(?:承担|担)(?:什么|啥)/u,
    holds: /责任|负责|罚款|处罚|处分|责令|吊销|赔偿|追究/u,
  },
  definition: {
    asks: /什么是|是什么意思|什么意思|啥叫|啥是|是啥意思|啥意思|是指什么|指什么|指的是什么|什么叫|的定义|的含义|定义是什么|含义是什么/u,
    // Not 定义: the statutes define with 是指 or 所称, and 定义 inside 法定义务 defines nothing.
    // A deeming provision (视为送达, 即为送达) says what counts as something too (算不算送达).
    holds: /是指|指的是|所称|含义|统称|以下简称|包括|视为|即为/u,
  },
  classification: {
    // 算不算违法, 属于禁寄的吗: whether a thing falls under a term, which a definition settles, and so
    // does a rule naming it among what is forbidden or required (禁止寄递…下列物品, 不得出售…用户信息).
    // 哪些行为算违法, 什么算违禁品, 算什么行为: which things fall under a term.
    asks: /算不算|属不属于|属于[^，,。？?]{1,10}吗|(?:哪些|哪种|哪类|什么)[^，,。？?]{0,8}(?<!说了)算(?![了数法账])|算(?:什么|啥|哪种|哪类)/u,
    holds: /是指|指的是|所称|含义|统称|以下简称|包括|视为|即为|属于|下列|不得|禁止|严禁|应当|必须/u,
  },
  clock: {
    // 几点开门, 晚上几点不派送: a time of day, which rules seldom set (二十四小时 is none); 提了几点要求
    // counts points.
    asks: /几点(?!要求|意见|建议|内容|措施|原因|看法|任务|工作|部署|注意|做法|举措)/u,
    holds: /[\d一二三四五六七八九十两]+\s*(?:点|时)/u,
  },
  comparison: {
    // 哪家更便宜, 哪个加盟更赚钱, 用哪家快递比较快, 圆通韵达哪个快, 哪个丢件率低, 顺丰vs中通 哪家丢件少, 时效 对比: a
    // ranking of companies, products or services, which rules do not make: only a passage that itself compares could answer.
    asks: /(?:哪个|哪家|哪一家|哪种|哪一种|哪一?[套款个]|谁)[^，,。？?]{0,12}(?:更|比较|最)(?:便宜|实惠|划算|省钱|快|慢|贵|好|赚钱|宽松|靠谱|安全|方便|环保|稳|低|高|多|少|有\p{Script=Han}{0,4}?(?:价值|名))|(?:哪个|哪家|哪一家)(?:快递|公司)?(?:快|慢|便宜|贵|靠谱|划算|实惠)(?![递件速运])|(?:哪个|哪家|哪一家)[^，,。？?]{0,4}率(?:高|低)|(?:哪个|哪家|哪一家)\p{Script=Han}{1,4}(?:多|少|快|慢|好|差)(?=[？?]|$)|(?<![a-zA-Z])[vV][sS](?![a-zA-Z])|对比|排名|排行|排第几/u,
    holds: /优于|劣于|高于|低于|快于|慢于|不如/u,
  },
  list: {
    asks: /哪些|哪几|包括什么|包括啥|包含什么|有(?:什么|啥)(?!区别|不同|差别|差异|意思|关系|处理|后果|处罚|影响|责任)|都有|几种|几类|几项/u,
    holds: /、|；|;|[(（][一二三四五六七八九十\d]+[)）]|以及|和|及|或者/u,
  },
};

const SIZE_LIMIT = /多重|多大|多长|多宽|多高|尺寸|上限|重量/u;
/** A size or weight the asker states (1米6, 55公斤, 80公分): asked whether it may go, the limit stated answers. */
const STATED_SIZE = /(?:[\d０-９.]+|[一二两三四五六七八九十百半]+)\s*(?:米|厘米|公分|cm|毫米|公斤|千克|kg|斤|吨)/iu;

/** The kinds of content a question asks for (none for an open question: 怎么办, 是什么). */
export function askedKinds(normalizedQuestion: string): AnswerKind[] {
  const question = withoutIndefinites(normalizedQuestion);
  const asked = (Object.keys(KINDS) as AnswerKind[]).filter((k) => KINDS[k].asks.test(question));
  // What a numbered slogan (三个优先, 那几个“优先”) means is what it lists, not a definition.
  const matched = NUMBERED_SLOGAN.test(question) ? [...new Set(asked.map((k): AnswerKind => (k === 'definition' ? 'list' : k)))] : asked;
  // 罚多少钱, 赔多少钱, 注册资本多少钱: money asked about a fine, compensation or capital, which may be a multiple.
  const money = /罚|赔|资本/u.test(question) ? [...new Set(matched.map((k): AnswerKind => (k === 'price' ? 'amount' : k)))] : matched;
  // 赔多少钱 is answered by how compensation is reckoned (实际损失, 保价额), not only by a sum.
  const reckoned = money.includes('compensation') && !/罚/u.test(question) ? money.filter((k) => k !== 'amount') : money;
  // 能罚吗, 会被罚吗: whether there is a penalty, which the penalty answers (罚款 is no 可以 or 不得).
  const kinds = reckoned.includes('penalty') ? reckoned.filter((k) => k !== 'permission') : reckoned;
  // 电话是多少 and 覆盖率是多少 ask for a code or a share, 跑几趟 for a count of times, not for any count;
  // 多久检查一次 asks how often, not how long.
  if (kinds.includes('frequency')) return kinds.filter((k) => k !== 'duration' && k !== 'span' && k !== 'number' && k !== 'times');
  if (kinds.includes('code') || kinds.includes('ratio') || kinds.includes('times')) return kinds.filter((k) => k !== 'number');
  // 最大能寄多重，尺寸有上限吗: a limit asked, which the size stated answers (不超过五十千克) without 可以 or 不得.
  if (kinds.includes('number') && SIZE_LIMIT.test(question)) return kinds.filter((k) => k !== 'permission');
  if (kinds.includes('permission') && STATED_SIZE.test(question)) return [...kinds.filter((k) => k !== 'permission'), 'number'];
  // A fee named without asking how much (能免邮费吗, 邮费是谁定的) asks something else about it; named
  // as exempted (盲人读物免邮费), whether one pays.
  if (!EXPLICIT_AMOUNT.test(question) && EXEMPTION.test(question)) return [...new Set([...kinds.filter((k) => k !== 'amount' && k !== 'price'), 'permission' as const])];
  if (!EXPLICIT_AMOUNT.test(question) && kinds.some((k) => k !== 'amount' && k !== 'price')) return kinds.filter((k) => k !== 'amount' && k !== 'price');
  // 价格是国家定的还是自己定的: who sets a fee, not how much it is.
  if (!EXPLICIT_AMOUNT.test(question) && FEE_SETTER.test(question)) return [...new Set([...kinds.filter((k) => k !== 'amount' && k !== 'price'), 'actor' as const])];
  // 发多少是谁说了算: who decides the figure, not the figure.
  if (kinds.includes('actor') && DECIDED_FIGURE.test(question)) return kinds.filter((k) => !NUMBER_KINDS.includes(k));
  // Any other 多少 (捐了多少物资) asks how many.
  return /多少/u.test(question) && !kinds.some((k) => VALUE_KINDS.includes(k)) ? [...kinds, 'number'] : kinds;
}

/**
 * Where the question asks for a kind of content (罚多少, 会怎么处理, 赔多少钱): the words there say what
 * kind of answer is wanted, which the quotes show by holding it, not what the question is about.
 */
export function kindSpans(normalizedQuestion: string): [number, number][] {
  const spans = ASKING.flatMap((asks) => [...normalizedQuestion.matchAll(asks)].flatMap((m) => askingWords(m[0], m.index)));
  // A long match (要在面单上写重量吗) holds what is asked about as well as the asking.
  return spans.filter(([start, end]) => end - start <= KIND_SPAN_CHARS);
}

/** 能…吗, 要…吗: the modal verb and the particle ask; what stands between them (寄活物) is asked about. */
const MODAL_QUESTION = /^(要|需要|得|能)\p{Script=Han}.*吗$/u;

function askingWords(match: string, at: number): [number, number][] {
  const modal = MODAL_QUESTION.exec(match)?.[1];
  return modal
    ? [
        [at, at + modal.length],
        [at + match.length - 1, at + match.length],
      ]
    : [[at, at + match.length]];
}

const KIND_SPAN_CHARS = 5;
/**
 * Each kind's asking pattern, to find every match (matchAll needs the global flag); not how often's,
 * whose match holds the verb asked about (一周**送**几回).
 */
const ASKING = [
  ...Object.entries(KINDS)
    .filter(([kind]) => kind !== 'frequency')
    .map(([, { asks }]) => new RegExp(asks.source, 'gu')),
  // 该怎么处理, 要怎么弄, 得做些什么: what the asker should do, which the quotes tell without the verb;
  // 最后怎么处理, 会被怎么处理: what becomes of a thing (销毁, 退回), told without it too.
  /(?<=该|应该|应当|要|得|最后|最终|会被)(?:(?:怎么|如何|怎样)(?:处理|弄|办|做)|做(?:些|点)?(?:什么|啥)|干(?:嘛|什么|啥))/gu,
];

const NUMBERED_SLOGAN = /(?:[一二三四五六七八九十两]|那些|这些)个\s*[“"「『]?\p{Script=Han}{2}/u;
const EXEMPTION = /免(?:费|收|交|邮费|运费|资费)/u;
const FEE_SETTER = /(?:谁|国家|政府|自己|企业|邮局|邮政|公司)[^，,。？?]{0,4}(?:定|制定|决定|确定)(?:的|还是|[？?]|$)/u;
const DECIDED_FIGURE = /(?:多少|几)[^，,。？?]{0,8}谁(?:来)?(?:说了算|定|规定|决定|确定|批准)/u;
const NUMBER_KINDS: readonly AnswerKind[] = ['number', 'amount', 'price'];

/** Asks how much in so many words, not merely names a fee (运费, 邮费, 价格). */
const EXPLICIT_AMOUNT = new RegExp(`多少|几[毛块元]|${CHEAPNESS_ASKED}|贵不贵|标准|怎么算|如何计算`, 'u');

/**
 * Kinds a passage either states or does not (a sum, a count, a time limit, a penalty): the passage
 * holding one is likelier the answer (罚多少 is answered by the penalty article, not by the duty it
 * enforces).
 * Actors, permissions and lists are in nearly every article, so they rank nothing.
 */
export const VALUE_KINDS: readonly AnswerKind[] = [
  'amount',
  'price',
  'compensation',
  'number',
  'times',
  'code',
  'ratio',
  'duration',
  'span',
  'frequency',
  'when',
  'date',
  'year',
  'clock',
  'penalty',
  'consequence',
  'purpose',
  'enactment',
];

/** Asked what a figure came to (实际覆盖率到了多少, 一共寄了多少件), not what it was meant to be. */
const ACHIEVED = /实际|最终|最后(?:达到|到了|是)|已经达到|达到了|到了多少|完成了|一共|总共|共计/u;
/** A figure stated as a goal (力争达到60%, 确保100%实名): directives set targets, they seldom report results. */
const TARGET = /力争|争取|目标|计划|预计|预期|确保|力求|要达到|将达到/u;

/**
 * Asked for a count or total over a year, the country or a province (去年快递业务量, 2022年一共罚了多少家,
 * 全国有多少个网点), or a ranking (哪个省排第一): a statistic, which reports state and rules never do.
 */
const STATISTIC = /(?:去年|今年|前年|上半年|下半年|\d{4}年|全国|全省|全市)[^，,。；;？?！!]*(?:多少|(?<!好)几|业务量|总量)|排第|排名|第几名|排行|名列/u;
/** A total (一共罚了多少家): a statistic too, unless it is the sum one case comes to (拖了10天，累计罚款多少). */
const TOTAL = /(?:一共|总共|共计|总计|累计)[^，,。；;？?！!]*(?:多少|(?<!好)几)/u;

/**
 * How private parties split what they share (合买的东西他不肯分给我, 合伙开网点怎么分账):
 * a dispute between them, which postal rules do not settle unless a quote speaks of ownership.
 */
const PRIVATE_DIVISION = /分给我|怎么分|分账/u;
const OWNERSHIP = /归属|所有权|归[^，,。；;]{0,6}所有|分配/u;

export function asksPrivateDivision(normalizedQuestion: string, normalizedQuotes: string): boolean {
  return PRIVATE_DIVISION.test(normalizedQuestion) && !OWNERSHIP.test(normalizedQuotes);
}

/**
 * A quarrel of the asker's own (我跟邻居吵起来了, 他骂我, 怎么跟他讲理): how to settle it with the other
 * person is no rule's to say — unless the question asks what the law does about a deed in it
 * (扣着不给会被罚多少, 还能找谁投诉).
 */
const OWN_QUARREL = /(?:我|俺)[^，,。？?]{0,16}(?:吵|闹翻|闹矛盾|闹了点矛盾)|(?:跟|和)我[^，,。？?]{0,6}吵|骂我|讲理|跟他沟通/u;
const SANCTION_OR_COMPLAINT = /罚|处罚|投诉|举报|违规|违法|合规/u;

export function asksOwnQuarrel(normalizedQuestion: string): boolean {
  return OWN_QUARREL.test(normalizedQuestion) && !SANCTION_OR_COMPLAINT.test(normalizedQuestion);
}

/**
 * Terms of someone's job (辞职要提前几天, 年终奖取消了, 试用期不交社保), or a fine a company imposes on its
 * own outlet or staff (被总部罚款, 站长扣了我两百块): labour law's or the contract's, which a postal rule
 * settles only where it speaks of pay or insurance itself (浙江: 基本工资加计件提成, 依法参加社会保险).
 */
const JOB_TERMS =
  /辞职|离职|年终奖|绩效|劳动仲裁|试用期|加班费|社保|五险|工资|底薪|提成|入职|收入|月薪|待遇|被(?:总部|总公司|公司|网点|站点|老板|上级|站长|主管)[^，,。？?]{0,3}(?:罚|扣)|(?:总部|总公司|老板|站长|主管)[^，,。？?]{0,3}(?:罚|扣)了?(?:我|网点|员工|快递员)/u;
const LABOUR = /劳动|工资|社会保险|养老保险|工伤|报酬|用工/u;

export function asksJobTerms(normalizedQuestion: string, normalizedQuotes: string): boolean {
  return JOB_TERMS.test(normalizedQuestion) && !LABOUR.test(normalizedQuotes);
}

/**
 * Money owed between people (借了三万块打了欠条, 把钱卷走了): a civil debt no postal rule settles — unless
 * what is asked is how court papers about it are served (借款官司的传票我妈签收了).
 */
const PRIVATE_DEBT = /欠条|借(?:了|给)[^，,。？?]{0,10}(?:钱|块|万)|欠[^，,。？?]{0,4}钱不还|卷走|投资款|赖账|(?:朋友|同学|同事|亲戚|邻居|熟人)[^。？?]{0,16}(?:不给钱|不还钱)/u;
const COURT_PAPERS = /传票|法院专递|送达|法院寄/u;

export function asksPrivateDebt(normalizedQuestion: string): boolean {
  return PRIVATE_DEBT.test(normalizedQuestion) && !COURT_PAPERS.test(normalizedQuestion);
}

/**
 * What will happen to a parcel on a given day (今天下暴雨，快递会不会延误; 明天能到吗): a forecast, which a
 * rule on delays or suspensions does not make. Not what a deed will cost (今天…，他会不会被罚).
 */
const FORECAST = /(?:今天|明天|后天|这两天|这几天|今晚|明早|今早)[^。？?]*(?:会不会(?!被)|能不能到|能到吗|到得了|还能到)/u;

export function asksForecast(normalizedQuestion: string): boolean {
  return FORECAST.test(normalizedQuestion);
}

/**
 * Asked what a standard or catalogue says (快递服务国家标准里签收怎么规定, 禁寄物品目录里哪些锂电池, 几层瓦楞纸才
 * 符合国家标准) or its number: rules only refer to it (按照快递服务国家标准), so only the document itself answers.
 */
const INSIDE_STANDARD = /(?:标准|目录|规范)(?:里|中)|标准(?:编)?号|才(?:算)?符合(?:国家|行业)?标准/u;
const STANDARD_TITLE = /标准|目录|规范/u;

export function asksInsideStandard(normalizedQuestion: string, quotedTitles: readonly string[]): boolean {
  return INSIDE_STANDARD.test(normalizedQuestion) && !quotedTitles.some((title) => STANDARD_TITLE.test(title));
}

/**
 * What this or next year brings (今年发行哪些纪念邮票, 新出的生肖邮票什么图案): the news of that year tells
 * it, a rule never does. Whether one may or must do something this year is still a rule's to say.
 */
const THIS_YEARS = /今年|明年|本年度|新出的|最新一期/u;

/** A question word: the clause asks (今年有哪些) rather than tells when a story happened (今年夏天发大水). */
const ASKING_WORD = /哪|什么|啥|几|多少|怎么|如何|吗/u;

export function asksThisYearsNews(normalizedQuestion: string, kinds: readonly AnswerKind[]): boolean {
  const asked = normalizedQuestion.split(/[，,。；;！!]/u).some((clause) => THIS_YEARS.test(clause) && ASKING_WORD.test(clause));
  return asked && !kinds.includes('permission');
}

export function asksStatistic(normalizedQuestion: string): boolean {
  return STATISTIC.test(normalizedQuestion) || (TOTAL.test(normalizedQuestion) && !askedKinds(normalizedQuestion).includes('amount'));
}

/** The question asks what a figure came to, and every quoted sentence holding one states a goal. */
export function quotesOnlyTargets(normalizedQuestion: string, normalizedSentences: readonly string[]): boolean {
  if (!ACHIEVED.test(normalizedQuestion)) return false;
  const figures = normalizedSentences.filter((s) => holdsKind('number', s));
  return figures.length > 0 && figures.every((s) => TARGET.test(s));
}

/** 送多少件, 有几家, 招多少个快递员: a count of things or people, not of days or yuan (几个工作日). */
const THINGS_COUNTED = /(?:多少|几)(?:件|封|包|箱|盒|袋|瓶|张|枚|套|辆|台|家|名)|(?:多少|(?<!哪)几)个(?=\p{Script=Han}{0,2}(?:人员|员|师傅|小哥|网点|驿站|快递柜))/u;
/** A number of things, in any measure for them (两个以上的企业 counts 几家 too), not 八个小时. */
const THINGS_COUNT = new RegExp(`${NUMBER}\\s*(?:件|封|包|箱|盒|袋|瓶|张|枚|套|辆|台|家|名|人|项|种|个(?!小时|月|工作日|星期))`, 'u');

const STATISTIC_FIGURE = new RegExp(`${NUMBER}\\s*[亿万千百]*\\s*(?:件|封|包|箱|盒|袋|瓶|张|枚|台|家|名|人|项|种|处|起|辆|条|点(?!钟)|元|倍|个(?!小时|月|工作日|星期))|百分之|[%％]`, 'u');

/** A size asked in a unit (多少微米, 几公斤) and the same dimension stated in any of its units. */
const SIZES: readonly { asked: RegExp; stated: RegExp }[] = [
  { asked: /(?:多少|几)(?:毫米|微米|厘米|公分|米|公里|千米)/u, stated: new RegExp(`${NUMBER}\\s*(?:毫米|微米|厘米|公分|米|公里|千米|mm|cm|m\\b)`, 'iu') },
  { asked: /(?:多少|几)(?:克|千克|公斤|斤|吨|kg)/iu, stated: new RegExp(`${NUMBER}\\s*(?:克|千克|公斤|斤|吨|kg)`, 'iu') },
  { asked: /(?:多少|几)(?:升|毫升)/u, stated: new RegExp(`${NUMBER}\\s*(?:升|毫升)`, 'u') },
];

/**
 * The question counts things (一天送多少件) or asks a size in a unit (厚度是多少微米), and the quotes
 * state no count of things, or no size of that dimension: a time limit of 八小时 quoted for 送多少件
 * holds a number, but not a count of parcels; 两条红线 is no thickness.
 */
export function countsInOtherMeasure(normalizedQuestion: string, normalizedQuotes: string): boolean {
  const question = withoutIndefinites(normalizedQuestion);
  const quotes = normalizedQuotes.replace(STRUCTURE_NUMBER, '');
  if (THINGS_COUNTED.test(question) && !THINGS_COUNT.test(quotes)) return true;
  // A statistic (一共排查出多少隐患) is a figure of things, money or a share: 三年行动 states none.
  if (STATISTIC.test(question) && !STATISTIC_FIGURE.test(quotes)) return true;
  return SIZES.some(({ asked, stated }) => asked.test(question) && !stated.test(quotes));
}

/** Article, item and chapter numbers (第三十二条, 第二款, （三）) count nothing: they are addresses. */
const STRUCTURE_NUMBER = /第[\d一二三四五六七八九十百零〇两]+[条款项章节编]|[(（][\d一二三四五六七八九十]+[)）]/gu;

/** Whether text holds content of that kind (an amount for 罚多少, a duration for 几天…). */
export function holdsKind(kind: AnswerKind, normalizedText: string): boolean {
  const addressless = VALUE_KINDS.includes(kind) ? normalizedText.replace(STRUCTURE_NUMBER, '') : normalizedText;
  // A date says when, not how many or how long: 2020年 answers no 多少亿件, 4月27日 no 几天内.
  const text = kind === 'number' || kind === 'duration' || kind === 'span' ? addressless.replace(DATE, '') : addressless;
  return KINDS[kind].holds.test(text);
}

const DATE = /\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日/gu;

/**
 * Adoption, amendment and effective-date lines: `2009年4月24日第十一届全国人民代表大会常务委员会
 * 第八次会议修订`, `根据…的决定第二次修正`, `本条例自2018年5月1日起施行`. They name dates and bodies
 * that look like answers to many questions and answer none but "when was it adopted".
 */
export function isEnactmentLine(normalizedSentence: string): boolean {
  return ENACTMENT_LINE.test(normalizedSentence);
}

/** The question asks when a rule was adopted, amended or took effect: enactment lines answer it. */
export function asksAboutEnactment(normalizedQuestion: string): boolean {
  return /通过|施行|实行|生效|实施|颁布|公布|修订|修正|出台|制定|废止|起效|开始执行|什么时候开始|哪年/u.test(normalizedQuestion);
}
