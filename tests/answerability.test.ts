import { describe, expect, it } from 'vitest';
import { evidenceFor, failedCheck } from '../src/answer/evidence.ts';
import { DEFAULT_ANSWER } from '../src/answer/options.ts';
import type { QueryTerm } from '../src/answer/terms.ts';
import {
  askedKinds,
  asksAboutEnactment,
  asksInsideStandard,
  asksJobTerms,
  asksOwnQuarrel,
  asksForecast,
  asksPrivateDebt,
  asksPrivateDivision,
  asksStatistic,
  asksThisYearsNews,
  countsInOtherMeasure,
  holdsKind,
  isEnactmentLine,
  quotesOnlyTargets,
  type AnswerKind,
} from '../src/answer/answerability.ts';
import { isNonChineseQuestion, isPostalQuestion } from '../src/answer/domain.ts';
import { productsAskedAbout, companiesAskedAbout } from '../src/answer/companies.ts';
import { foreignPlacesIn, implementsLaw, NATIONAL, ownRulesAsked, placesIn, provincialBodiesIn, scopeOf } from '../src/corpus/scope.ts';
import { scopeFactor } from '../src/retrieve/scope.ts';
import { normalize } from '../src/text/normalize.ts';
import { Thesaurus } from '../src/text/thesaurus.ts';

describe('what a question asks for, and whether quoted text holds it', () => {
  it.each<[string, AnswerKind[]]>([
    ['快递公司不查身份证罚多少钱？', ['amount', 'penalty']],
    // A yes-no question with a long object (要…吗) asks whether, not how much the fee it names is.
    ['快递员要在面单上写重量和运费吗？', ['permission']],
    // Whether there is a penalty, which the penalty answers: no 可以 or 不得 is needed besides.
    ['信报箱坏了物业一直不修，能罚吗', ['penalty']],
    // 吗 after an open question word asks what was said, not whether one must.
    ['国家邮政局开会说过要推广什么技术来保护个人信息吗', []],
    ['重庆市邮政管理局开会说过要怎么解决这个问题吗', []],
    // 要求 is a requirement, not 要 asking whether one must; 好几封 so many, not how many.
    ['十九大安保期间邮政系统要求24小时值班吗', []],
    ['信件丢了好几封，开发商不装信报箱谁来管？', ['actor']],
    ['啥叫给据邮件？', ['definition']],
    ['寄一封平信要多少邮费', ['price']],
    ['包裹最重能寄多少公斤？', ['number']],
    ['投诉电话是多少？', ['code']],
    ['快递许可证网上申请的网址是多少？', ['code']],
    ['海关的税率是多少？', ['ratio']],
    ['邮递员要跑几趟才退回？', ['times']],
    ['平信和挂号信有啥区别？', []],
    ['白酒每件最多能寄几瓶？', ['number']],
    ['纪念邮票每年发行几套？', ['number']],
    // A speed or load limit asked how it is set wants the figure (a rule leaving it to provinces gives none).
    ['广东对快递电动三轮车的最高时速是怎么规定的？', ['number']],
    ['2023年全国快递业务量是多少亿件？', ['number']],
    ['包裹丢了几天内要答复？', ['duration']],
    ['纸质面单要保存多少个月？', ['duration']],
    ['国家每年给普遍服务补贴多少亿元？', ['amount']],
    ['快递柜超时一天收多少？', ['price']],
    // Compensation is reckoned (实际损失, 保价额) as often as it is summed.
    ['丢了快递赔多少钱？', ['compensation']],
    ['快递保了价后来被压坏了，赔偿金额按什么来定？', ['compensation']],
    // A fee named without asking how much asks something else about it.
    ['邮费是谁定的？', ['actor']],
    // A time of day; 几点要求 counts points (提出七点要求).
    ['菜鸟驿站一般开到晚上几点？', ['clock']],
    ['那次会上局长提了几点要求？', ['number']],
    // A sum of money named by what it pays.
    ['京东快递员一个月工资多少？', ['amount']],
    // A ranking of companies or services, which no rule makes.
    ['圆通和中通哪家送得更快？', ['actor', 'comparison']],
    ['中通和圆通哪个加盟更赚钱？', ['comparison']],
    ['新楼没装信报箱谁管？最后钱谁出？', ['actor']],
    // 哪几块 asks which parts, not how many yuan.
    ['局里检查快递公司主要看哪几块？', ['list']],
    ['快递网点不公开运费价格，会被谁处罚？', ['actor', 'penalty']],
    // 好几天 is many days, not a question.
    ['快递晚到了好几天，能要求赔偿吗？', ['permission']],
    // 每天几百单 tells how many parcels, it asks no number.
    ['我开网店每天走几百单，快递公司能要求签协议吗？', ['permission']],
    ['疫情期间一共捐了多少防疫物资？', ['number']],
    ['快递险一般能赔几成？', ['compensation', 'ratio']],
    ['寄的东西丢了邮局赔多少？', ['compensation']],
    ['浙江快递丢了怎么赔？', ['redress']],
    ['马军胜是哪一年当局长的？', ['year']],
    ['会议是哪天开的？', ['date']],
    ['快递保价费一般收几个点？', ['ratio']],
    // 提前几天 asks how many days before; 前几天 tells when.
    ['快递公司停止经营，要提前几天向社会公告？', ['duration']],
    ['前几天寄的快递丢了怎么办', []],
    ['邮编100000是北京哪个区的？', ['place']],
    // Typed into a search box: a comparison, a code.
    ['顺丰vs中通 哪家丢件少', ['actor', 'comparison']],
    ['中通 圆通 时效 对比', ['comparison']],
    ['EMS VS 顺丰 寄文件', ['comparison']],
    ['海淀区 邮编', ['code']],
    ['乡镇快递网点覆盖率有多高', ['ratio']],
    ['这条规定什么时候开始执行', ['when']],
    ['去邮政管理局申诉有没有时间限制', ['when']],
    ['丢了的快递找哪个部门投诉', ['actor']],
    ['快递员能不能把包裹放门口？', ['permission']],
    ['寄快递必须实名吗', ['permission']],
    ['快递员放快递柜要先问我吗？', ['permission']],
    ['哪些东西不能寄', ['list']],
    ['在北京自己印明信片拿去卖，会被罚吗？', ['penalty']],
    ['冒领别人快递会受什么处罚', ['penalty']],
    ['开发商没装信报箱，邮管局会怎么处理', ['consequence']],
    ['物业拖着不补建信报箱会怎么罚', ['penalty']],
    ['什么是保理合同？', ['definition']],
    ['《邮政法》里说的“快递”到底指什么？', ['definition']],
    ['快递驿站算不算快递末端网点？', ['classification']],
    ['寄现金属于禁寄的吗？', ['classification']],
    ['哪些东西算违禁品？', ['classification', 'list']],
    ['运费怎么算', ['price']],
    ['快递柜的超时费是怎么计算的', ['price']],
    // A size or weight stated and asked whether it may go: the limit stated answers.
    ['家里打包了一箱55公斤的东西，邮局还能按包裹收吗', ['number']],
    ['寄了三天还没到，能投诉吗', ['permission']],
    ['邮政法立法目的是啥', ['purpose']],
    ['法院专递的规定出台目的是什么', ['purpose']],
    ['浙江的快递条例什么时候生效的', ['when', 'enactment']],
    ['这个办法哪年通过的', ['year', 'enactment']],
    ['赔偿费怎么算', []],
    // 几 meaning "a few" asks nothing: 前几天, 这几天, and 寄了几包 in a clause the question goes on after.
    ['我前几天寄的快递还没到，怎么查？', []],
    ['这几天快递一直不动，找谁', ['actor']],
    ['我寄了几包花种子，邮局说要检疫证书，这是为什么？', []],
    // So many things told before a yes-no question; a time limit before one is still asked.
    ['国外朋友寄来几张国际回信券，在邮局能换成钱吗', ['permission']],
    // 送了几次都没人: so many times, told; what happens is asked.
    ['法院专递送了几次都没人在家会怎样', ['consequence']],
    // 几千个学生, 和几件衣服 told before the question are no count asked; asked last, they are.
    ['我们学校新校区有几千个学生，校园里连个邮局都没有，按法律高校是不是应当设邮局？', ['permission']],
    ['寄了一箱腊肉和几件衣服，结果整箱都没了，到底按什么赔', []],
    ['全国有几千个网点？', ['number']],
    // So many things a clause goes on about (帮几家快递代收, 里面是几张老照片); a clause ending on the count asks it.
    ['想开个驿站帮几家快递代收代寄，要去哪里备案？', []],
    ['寄了封挂号信，里面是几张老照片，丢了邮局赔多少', ['compensation']],
    ['一个人最多能寄几件，超过了怎么办', ['number']],
    ['按法律高校是不是应当设邮局？', ['permission']],
    ['公安要查我寄出去的包裹 这个合法不', ['permission']],
    ['快递员不送进小区，这个合不合规矩嘛', ['permission']],
    ['邮局说不赔 有没有道理', ['permission']],
    // What a collectible is worth is a price no rule states.
    ['纪念邮票现在还有没有投资价值', ['price']],
    ['快递丢了几天内要答复，能赔吗', ['compensation', 'duration', 'permission']],
    ['快递员来了几次？', ['times']],
    ['快递柜里的包裹放超过几个小时就开始收费？', ['duration']],
    ['专题会议多久开一次？', ['frequency']],
    ['快递单多久销毁', ['span']],
    ['农村的信一周送几次', ['frequency']],
    ['生肖邮票哪一套最有收藏价值', ['comparison']],
    ['圆通韵达哪个快', ['comparison']],
    ['中通和圆通哪个丢件率低？', ['comparison']],
    ['哪家快递能寄活体', ['actor']],
    ['2019年快递服务满意度排名第一的是哪家', ['comparison', 'actor']],
    ['快递柜多少有点贵，能不能免费', ['permission']],
    ['送一件快递才给几毛钱，有没有最低派件费的说法', []],
    ['几家快递公司能不能合用一个快递柜？', ['permission']],
    ['盲人读物 免邮费', ['permission']],
    ['我们网点想停几天不派件。要跟邮管局报告吗？', ['permission']],
    ['纪念邮票发多少是谁说了算？', ['actor']],
    ['谁都能代收我的快递吗', ['permission']],
    ['快递丢了怎么办', []],
    ['军官寄信能免邮费吗？', ['permission']],
    ['运费能便宜点吗？', ['price', 'permission']],
    // Cheapness told as a reason is no price asked.
    ['快递员说可以把几封信打成一个包按包裹寄，更便宜，这行吗？', ['permission']],
    ['寄东西的纸箱在哪里买便宜', ['price']],
    ['寄包裹能便宜一点吗', ['price', 'permission']],
    // Whether one pays at all, or who sets the fee, is no sum asked.
    ['给盲人寄盲文书，邮局收不收邮费？', ['permission']],
    ['当兵的寄平信用付邮费吗', ['permission']],
    ['非普遍服务的价格是国家定还是邮政自己定？', ['actor']],
    ['电动三轮车最快能开多少码？', ['number']],
    // Capital is money a licence needs, not a price paid.
    ['开快递公司注册资本要多少钱', ['amount']],
    ['快递三轮车能拉多重？', ['number']],
    // 最重收多少 asks the heaviest taken in, not a charge.
    ['邮政普遍服务里包裹单件最重收多少', ['number']],
    // A limit asked (能寄多重，有上限吗) is answered by the size stated, with or without 可以 or 不得.
    ['包裹最大能寄多重、尺寸有上限吗', ['number']],
    ['安全事故快递公司的法人要担什么责？', ['liability']],
    // What a numbered slogan means is what it lists.
    ['青海邮政管理局提的那几个“优先”具体指什么？', ['list']],
    ['三个优先是什么意思', ['list']],
    ['寄个金镯子，快递点非让我保价，这个合理吗', ['permission']],
    ['那次会议是哪位副局长主持的', ['actor']],
    // 哪几个 asks which ones, not how many.
    ['青海邮政管理局说的要确保哪几个畅通', ['list']],
    ['邮递员故意拖着不送，有什么处理', ['consequence']],
    // Whether someone said they would do something asks for what they said, not for a rule.
    ['重庆市邮政管理局疫情时说要帮快递员解决进小区的问题吗', []],
    // 说了算 decides; it does not ask what counts as something.
    ['纪念邮票印什么图案谁说了算', ['actor']],
    ['邮局寄包裹的价格是国家定的还是他们自己定的', ['actor']],
  ])('%s asks for %j', (question, kinds) => {
    expect(askedKinds(normalize(question)).sort()).toEqual([...kinds].sort());
  });

  it.each<[AnswerKind, string, boolean]>([
    ['amount', '处一万元以上五万元以下的罚款', true],
    ['amount', '按照实际损失赔偿，最高不超过资费的三倍', true],
    ['amount', '由邮政管理部门责令改正', false],
    ['price', '每件收费一元', true],
    ['price', '处以应付邮资十倍的罚款', false],
    ['number', '设计最高时速不超过二十公里', true],
    ['penalty', '由邮政管理部门责令限期改正', false],
    ['penalty', '逾期不补建的，每逾期一天，处以100元罚款', true],
    ['consequence', '由邮政管理部门责令限期改正', true],
    ['consequence', '导致诉讼文书未能被受送达人实际接收的，文书退回之日视为送达之日', true],
    ['consequence', '邮政企业应当妥善保管', false],
    // What becomes of mail nobody takes.
    ['consequence', '无法投递的快件，经营快递业务的企业应当退回寄件人', true],
    ['liability', '法定代表人和实际控制人是安全生产第一责任人', true],
    ['liability', '快递企业应当建立安全生产制度', false],
    ['number', '单件重量不超过五十千克', true],
    ['number', '覆盖率力争达到百分之九十', true],
    ['number', '应当公布服务监督电话号码', false],
    ['number', '违反本条例第三十二条第二款规定的', false],
    ['code', '服务监督电话：12305', true],
    ['number', '到2020年，邮件快件包装实现绿色化', false],
    ['code', '应当自接到申诉之日起十五个工作日内予以答复', false],
    ['permission', '快递末端网点无需办理营业执照', true],
    ['ratio', '建制村快递服务覆盖率达到90%', true],
    ['ratio', '力争达到百分之九十', true],
    ['ratio', '按照实际损失赔偿，最高不超过资费的三倍', false],
    ['ratio', '降低企业成本', false],
    ['duration', '依照本办法第十七条（三）的规定', false],
    ['duration', '自收到投诉之日起七日内予以答复', true],
    ['duration', '应当在规定的期间内退回', false],
    ['when', '自收到投诉之日起及时答复', true],
    ['when', '快递经营企业应当在揽收时告知寄件人', true],
    ['date', '2020年4月28日召开会议', true],
    ['date', '应当在规定的日期内将回执退回', false],
    // A place is named, not a duty about one.
    ['place', '邮政编码由邮政企业根据国务院邮政管理部门制定的编制规则编制', false],
    ['place', '村邮站是指设在行政村负责接收和转投邮件的场所', true],
    // A count of days is no day of the month.
    ['date', '应当提前10日向社会公告', false],
    ['date', '自接到投诉之日起7日内', true],
    ['date', '27日，国家邮政局召开会议', true],
    ['year', '4月27日，国家邮政局召开会议', false],
    ['year', '2018年，国家邮政局召开会议', true],
    ['duration', '4月27日，国家邮政局召开会议', false],
    ['amount', '按照实际损失赔偿', false],
    ['compensation', '按照实际损失赔偿', true],
    ['redress', '快递经营企业应当依照相关规定赔偿', true],
    ['times', '在五日内投送三次以上未能送达', true],
    ['times', '应当在收到邮件后的三日内将该邮件退回', false],
    ['redress', '快递经营企业应当建立投诉制度', false],
    ['duration', '应当及时答复', false],
    ['frequency', '按季度组织召开专题会议', true],
    ['frequency', '定期组织开展安全检查', true],
    // 定期 says how often, not how many years (运单要保存几年).
    ['duration', '定期销毁快递运单', false],
    ['span', '定期销毁快递运单', true],
    // A fine is no price (明信片多少钱一张).
    ['price', '处以五千元以下罚款', false],
    // Nor are a fine's bounds (加盟费多少钱), or the capital a licence needs.
    ['price', '情节严重的，处5万元以上10万元以下的罚款', false],
    ['price', '注册资本不低于人民币五十万元', false],
    ['amount', '注册资本不低于人民币五十万元', true],
    ['permission', '邮件通过海上运输时，不参与分摊共同海损', true],
    // A directive's 要 is its must (各地要严格落实, ，要…); not 要求, nor a want (用户要寄的物品).
    ['permission', '各地邮政管理部门要严格落实24小时值班制度', true],
    ['permission', '会议强调，要做好寄递安全工作', true],
    ['permission', '国家邮政局提出要求', false],
    ['permission', '用户要寄的物品', false],
    // So is a directive's clause opening on what to do (，实行24小时值班和“零报告”制度).
    ['permission', '做好应急处突各项准备，实行24小时值班、领导带班和“零报告”制度', true],
    ['date', '邮件回执上注明的退回之日视为送达之日', true],
    ['actor', '刘君在会上通报了督导检查情况', true],
    ['price', '每件资费为二元', true],
    // 每周的营业时间 names a period without stating a frequency.
    ['duration', '每周的营业时间以及投递邮件的频次，可以另行规定', false],
    ['permission', '邮政企业不承担赔偿责任', true],
    // 规定期限 names a time limit without stating it.
    ['duration', '未按照规定期限留存快递详情单的', false],
    ['when', '未按照规定期限留存快递详情单的', false],
    ['permission', '邮政车辆通过收费的公路时免收车辆通行费', true],
    ['actor', '由邮政管理部门责令改正', true],
    ['actor', '应当及时妥善处理', false],
    ['permission', '不得擅自开拆快件', true],
    ['permission', '快件的重量和尺寸', false],
    ['penalty', '由邮政管理部门责令改正，可以处一万元以下的罚款', true],
    ['penalty', '快递企业应当依法经营', false],
    ['definition', '快递，是指在承诺的时限内快速完成的寄递活动', true],
    ['definition', '企业应当与用户签订合同', false],
    ['comparison', '经营快递业务的企业应当在承诺的时限内投递快件', false],
    ['clock', '实行二十四小时值班', false],
    ['clock', '每日十八时前收寄的快件', true],
    // A deeming provision says what counts as something (这算送达吗).
    ['definition', '受送达人的同住成年家属签收的，视为送达', true],
    // 定义 inside 法定义务 defines nothing.
    ['definition', '不履行法定义务的', false],
    // Whether a thing falls under a term: a rule forbidding it among others settles it too.
    ['classification', '禁止寄递或者在邮件内夹带下列物品：', true],
    ['classification', '由邮政管理部门责令改正，处一万元以上五万元以下的罚款', false],
    ['list', '收寄、分拣、运输、投递', true],
    ['list', '快递企业应当依法经营', false],
    ['number', '对于下一阶段工作，马军胜提出七点要求', true],
    // For a sender, being refused is what follows (不给身份证会怎样).
    ['consequence', '寄件人拒绝提供身份信息的，经营快递业务的企业不得收寄', true],
    ['purpose', '为了保障邮政普遍服务，保护用户合法权益，制定本法。', true],
    ['purpose', '以营利为目的，伪造邮资凭证的', false],
    ['enactment', '本条例自2022年3月1日起施行。', true],
    ['enactment', '自收到申请之日起四十五日内作出决定', false],
  ])('%s: %s → %s', (kind, text, holds) => {
    expect(holdsKind(kind, normalize(text))).toBe(holds);
  });

  it.each<[string, string, boolean]>([
    ['快递进村实际覆盖率到了多少？', '今年覆盖率力争达到60%', true],
    ['快递进村实际覆盖率到了多少？', '建制村快递服务覆盖率已达到98%', false],
    ['快递进村覆盖率要达到多少？', '今年覆盖率力争达到60%', false],
  ])('%s quoting %s: only a goal where a result is asked → %s', (question, quote, onlyTargets) => {
    expect(quotesOnlyTargets(normalize(question), [normalize(quote)])).toBe(onlyTargets);
  });
});

describe('adoption, amendment and effective-date lines', () => {
  it.each([
    ['2009年4月24日第十一届全国人民代表大会常务委员会第八次会议修订', true],
    ['根据2015年4月24日第十二届全国人民代表大会常务委员会第十四次会议《关于修改〈中华人民共和国计量法〉等五部法律的决定》修正', true],
    ['2018年3月2日中华人民共和国国务院令第697号公布', true],
    ['本条例自2018年5月1日起施行。', true],
    ['快递企业应当自收到投诉之日起七日内予以答复。', false],
    ['会议强调，要坚决打赢疫情防控阻击战。', false],
  ])('%s is an enactment line: %s', (line, expected) => {
    expect(isEnactmentLine(normalize(line))).toBe(expected);
  });

  it.each([
    ['快递暂行条例什么时候开始施行？', true],
    ['邮政法哪年修订的', true],
    ['邮政法是哪年开始实行的', true],
    ['快件丢了怎么赔', false],
  ])('%s asks about enactment: %s', (question, expected) => {
    expect(asksAboutEnactment(normalize(question))).toBe(expected);
  });
});

describe('where a rule applies', () => {
  it.each([
    ['浙江省快递业促进条例', '浙江省人民代表大会常务委员会', null, '浙江省'],
    ['重庆市邮政条例', null, null, '重庆市'],
    ['上海市实施《中华人民共和国邮政法》办法', null, null, '上海市'],
    ['快递暂行条例', '国务院', '国务院', NATIONAL],
    ['中华人民共和国邮政法', '全国人民代表大会常务委员会', null, NATIONAL],
    // A provincial association publishing national news does not make the news provincial.
    ['國家郵政局對黨的“十九大”寄遞渠道安全服務保障實戰攻堅工作進行再動員再部署', null, '廣西省快遞協會', NATIONAL],
    ['快递末端服务规定', null, '河南省人民政府', '河南省'],
    // A title without a place: the body that issued it (its order, history or signature) decides.
    ['关于做好春节期间寄递安全工作的通知', '浙江省邮政管理局', null, '浙江省'],
    ['青岛市快递条例', null, null, '山东省'],
    ['关于做好春节期间寄递安全工作的通知', '国家邮政局', '浙江日报', NATIONAL],
  ])('%s issued by %s (source %s) applies in %s', (title, issuer, source, scope) => {
    expect(scopeOf(title, issuer, source)).toBe(scope);
  });

  it.each<[string, string, string, boolean]>([
    ['中华人民共和国邮政法实施细则', NATIONAL, '中华人民共和国邮政法', true],
    ['中华人民共和国邮政法', NATIONAL, '中华人民共和国邮政法', false],
    ['快递暂行条例', NATIONAL, '中华人民共和国邮政法', false],
    // A province's rules implementing a national law are a provincial rule: their place decides.
    ['上海市实施《中华人民共和国邮政法》办法', '上海市', '中华人民共和国邮政法', false],
  ])('%s (%s) implements %s: %s', (title, scope, law, implementing) => {
    expect(implementsLaw({ title, scope }, law)).toBe(implementing);
  });

  it.each<[string, string[]]>([
    ['在浙江寄快递要实名吗', ['浙江省']],
    ['重慶的郵局', ['重庆市']],
    ['寄快递要实名吗', []],
    // People name their city, not its province.
    ['青岛有人往邮筒里塞垃圾罚多少', ['山东省']],
    ['杭州寄到郑州的快递丢了', ['浙江省', '河南省']],
    ['延边的邮局', ['吉林省']],
    // A municipality's districts name it; one another county shares (普陀区: 上海, 舟山) names nothing.
    ['海淀区新盖的居民楼要装信报箱吗', ['北京市']],
    ['沙坪坝的快递驿站', ['重庆市']],
    ['天津河北区的邮局', ['天津市']],
    ['普陀区寄快递', []],
    // A city inside a province's name, and cities that are everyday words, are no place.
    ['河南京东快递站', ['河南省']],
    ['快递被人开封了', []],
    ['寄白银手镯要保价吗', []],
  ])('%s names %j', (question, provinces) => {
    expect(placesIn(normalize(question))).toEqual(provinces);
  });

  it.each<[string, string[]]>([
    ['在湖北投诉邮局，按湖北的规定邮局几天内必须答复？', ['湖北省']],
    ['浙江有没有规定快递员每派一件最少拿多少钱？', ['浙江省']],
    ['北京市的条例里怎么说快递柜收费？', ['北京市']],
    // A province's regulation named by its title.
    ['广东省邮政条例是哪年施行的', ['广东省']],
    // Naming where one sends from asks what binds there, national rules included.
    ['在浙江寄快递要实名吗？', []],
    // The nation's own rules: a province's one-year retention does not answer them.
    ['国家规定快递运单最少要保存几年才可以销毁？', [NATIONAL]],
    ['快递三轮车有没有全国统一的规定', [NATIONAL]],
    // 国家邮政局 is a body, not the nation's rules.
    ['国家邮政局说的“两进一出”是什么', []],
  ])('%s asks for the own rules of %j', (question, provinces) => {
    expect(ownRulesAsked(normalize(question))).toEqual(provinces);
  });

  it.each<[string, string[]]>([
    ['陕西省邮政管理局局长叫什么？', ['陕西']],
    ['浙江邮管局去年查了多少家网点？', ['浙江']],
    ['在浙江寄快递要实名吗？', []],
  ])('%s asks about the own bodies of %j', (question, places) => {
    expect(provincialBodiesIn(normalize(question))).toEqual(places);
  });

  it('prefers national rules when no place is named, and the named place when one is', () => {
    expect(scopeFactor(NATIONAL, [])).toBeGreaterThan(scopeFactor('浙江省', []));
    expect(scopeFactor('浙江省', ['浙江省'])).toBeGreaterThan(scopeFactor('重庆市', ['浙江省']));
    // National rules bind in 浙江 too, after 浙江's own.
    expect(scopeFactor('浙江省', ['浙江省'])).toBeGreaterThan(scopeFactor(NATIONAL, ['浙江省']));
    expect(scopeFactor(NATIONAL, ['浙江省'])).toBeGreaterThan(scopeFactor('重庆市', ['浙江省']));
  });
});

describe('what the bot answers at all', () => {
  const thesaurus = new Thesaurus([
    { from: ['快递小哥', '小哥'], to: ['快件收派人员', '快递员'] },
    { from: ['送'], to: ['递送', '投递'] },
  ]);

  it.each([
    ['快递丢了怎么赔？', true],
    ['郵局幾點關門', true],
    ['快递小哥的工资谁发', true],
    ['人格权可以许可他人进行利用吗？', false],
    ['明天会下雨吗', false],
    ['警察能不能随便拆看我的信？', true],
    ['个人信息被泄露了怎么办', false],
    ['我相信他吗', false],
    // Meals are delivered (外卖配送) as much as parcels.
    ['外卖配送超时了找谁', false],
    ['小哥把件放门口就走了', true],
    ['外卖小哥送餐太慢找谁投诉', false],
    ['有人天天发邮件骚扰我怎么办', false],
    // One character mapped to a postal word is too ambiguous to make a question postal.
    ['朋友送来的水果放坏了', false],
    // Money sent through the post office in everyday words, not an exchange rate.
    ['我爸给我汇了一笔钱，一直忘了去取', true],
    ['美元汇率换算多少钱', false],
    // A province's bureau as the industry names it, not a part of the province.
    ['湖南局让企业怎么搞到防疫物资', true],
    ['浙江局部地区下雨了吗', false],
    // The trade's own words for its outlets and staff; a bank's branch is no outlet of the post.
    ['末端网点还用单独办营业执照吗', true],
    ['用户信息可能泄露了，网点第一时间要干嘛', true],
    ['银行网点几点开门', false],
  ])('%s is postal: %s', (question, postal) => {
    expect(isPostalQuestion(normalize(question), thesaurus)).toBe(postal);
  });

  it.each([
    ['How do I send a parcel?', true],
    ['EMS多久到？', false],
    ['123？', false],
  ])('%s is asked in another language: %s', (question, expected) => {
    expect(isNonChineseQuestion(question)).toBe(expected);
  });
});

describe('questions about other countries', () => {
  it.each<[string, string[]]>([
    ['美国邮政USPS把我的包裹弄丢了，怎么索赔？', ['美国', 'usps']],
    ['寄到日本的包裹要几天', ['日本']],
    ['DHL 的运费怎么算', ['dhl']],
    ['台湾中华邮政挂号信资费多少', ['中华邮政']],
    ['国际邮件被海关扣了怎么办', []],
    // Hong Kong's own post, not a parcel sent there from the mainland.
    ['香港邮差一日派几次信', ['香港邮差']],
    ['由香港寄包裹返大陆，单件最重可以几多公斤', []],
    ['快递 groups 在哪', []],
  ])('%s names %j', (question, places) => {
    expect(foreignPlacesIn(normalize(question))).toEqual(places);
  });
});

describe('the words a postal question is specifically about', () => {
  const term = (word: string, idf: number, role: { matter?: boolean; focus?: boolean; frame?: boolean; told?: boolean; loose?: boolean } = {}): QueryTerm => ({
    term: word,
    weight: idf,
    idf,
    bigrams: [],
    focus: role.focus ?? false,
    matter: role.matter ?? false,
    frame: role.frame ?? false,
    alternatives: [],
    unknown: false,
    told: role.told ?? false,
    loose: role.loose ?? false,
  });

  it('counts how the asker tells it (偷偷涨) less than the thing asked about (保管费)', () => {
    const terms = [term('保管费', 5, { matter: true }), term('偷偷涨', 6)];
    expect(failedCheck(evidenceFor(terms, '收取保管费应当公示', true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBeNull();
    // Without a postal word the closer matching stands.
    expect(failedCheck(evidenceFor(terms, '收取保管费应当公示', false, DEFAULT_ANSWER), DEFAULT_ANSWER)).not.toBeNull();
  });

  it('leaves out how a postal question is framed (这事谁管) but not a civil-law one', () => {
    const terms = [term('保管费', 5, { matter: true }), term('快递柜', 5, { matter: true }), term('公示', 3), { ...term('这事', 12, { frame: true, focus: true }), weight: 6 }];
    const passage = '快递柜收取保管费应当公示';
    expect(failedCheck(evidenceFor(terms, passage, true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBeNull();
    expect(failedCheck(evidenceFor(terms, passage, false, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBe('specific');
  });

  it('counts the story before a postal question (炸锅被压坏了) less where the passage lacks it, once it covers what is asked', () => {
    const story = [term('炸锅', 6, { matter: true, told: true }), term('压坏', 5, { matter: true, told: true }), term('客服', 5, { matter: true, told: true })];
    const asked = [term('投诉', 5, { matter: true }), term('答复', 5, { focus: true })];
    const passage = '快件损毁的，应当自收到投诉之日起七日内予以答复';
    expect(failedCheck(evidenceFor([...story, ...asked], passage, true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBeNull();
    // Told as part of the question, the same words must be found.
    const untold = story.map((t) => ({ ...t, told: false }));
    expect(failedCheck(evidenceFor([...untold, ...asked], passage, true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBe('support');
    // An asking clause that only frames (现在该怎么处理) leaves the story to say what it is about.
    const opened = ['拆开', '邻居', '老王', '隔壁'].map((word, i) => term(word, i < 2 ? 5 : 6, { matter: true, told: true }));
    expect(failedCheck(evidenceFor([...opened, term('处理', 3, { frame: true })], '误拆邻居的邮件，拆开的应当重封后退还', true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBeNull();
    // The asking clause need only be partly covered (赔 of 他自己赔还是公司赔, not 公司): the story still counts less.
    const hit = [term('快递员', 6, { matter: true, told: true }), term('撞伤', 6, { matter: true, told: true })];
    const whoPays = [term('赔偿', 4, { matter: true }), term('公司', 6, { matter: true })];
    expect(failedCheck(evidenceFor([...hit, ...whoPays], '快递员因执行工作任务造成他人损害的，由所属企业承担赔偿责任', true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBeNull();
    // A passage holding the story's words but not what is asked gets no such allowance.
    const trip = [term('北京', 8, { matter: true, told: true }), term('昨天下午', 8, { told: true })];
    expect(failedCheck(evidenceFor([...trip, term('能到', 4, { focus: true })], '寄往北京的快件', true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBe('support');
  });

  it('counts a phrase the question holds only with its words apart (打包卖给别人 for 包给别人) less where the passage lacks it', () => {
    const sold = [term('出售', 6, { matter: true }), term('用户信息', 7, { matter: true }), term('罚款', 4, { focus: true })];
    const passage = '出售用户信息的，处一万元以上五万元以下的罚款';
    const guessed = [term('包给别人', 9, { matter: true, loose: true }), term('打了电话', 8, { matter: true, loose: true })];
    expect(failedCheck(evidenceFor([...sold, ...guessed], passage, true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBeNull();
    const typed = guessed.map((t) => ({ ...t, loose: false }));
    expect(failedCheck(evidenceFor([...sold, ...typed], passage, true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBe('specific');
  });

  it('needs less of a long story covered than of a short question', () => {
    const terms = [term('快递员', 6, { matter: true }), term('赔偿', 4, { focus: true }), term('撞伤', 6), term('医药费', 6), term('路口', 4)];
    const passage = '快递员因执行工作任务造成他人损害的，由所属企业承担赔偿责任';
    expect(evidenceFor(terms, passage, true, DEFAULT_ANSWER).support).toBeGreaterThan(DEFAULT_ANSWER.minSupportStory);
    expect(failedCheck(evidenceFor(terms, passage, true, DEFAULT_ANSWER, true), DEFAULT_ANSWER)).toBeNull();
    expect(failedCheck(evidenceFor(terms, passage, true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBe('support');
  });

  it('does not take a word of the story no text knows (茶具, 杯子) for what the question is about, unless it is asked', () => {
    const unknownWord = (word: string, told: boolean) => ({ ...term(word, 7, { matter: true, told }), unknown: true });
    const asked = [term('签收', 4, { matter: true }), term('拒绝', 4, { matter: true }), term('短少', 5, { matter: true })];
    const passage = '内件短少的，收件人可以拒绝签收';
    expect(evidenceFor([unknownWord('茶具', true), unknownWord('杯子', true), ...asked], passage, true, DEFAULT_ANSWER).specific).toBe(1);
    // Asked about (关税起征点是多少), such a word is what no passage here states.
    expect(evidenceFor([unknownWord('茶具', false), unknownWord('杯子', false), ...asked], passage, true, DEFAULT_ANSWER).specific).toBeLessThan(1);
  });

  it('counts the verb next to the question word (由谁主持) fully', () => {
    const terms = [term('会议', 5, { matter: true }), term('主持', 6, { focus: true })];
    expect(failedCheck(evidenceFor(terms, '召开会议', true, DEFAULT_ANSWER), DEFAULT_ANSWER)).toBe('specific');
  });
});

describe("this year's news", () => {
  it.each<[string, boolean]>([
    ['明年要发行哪些纪念邮票', true],
    ['新出的生肖邮票怎么在网上预订？', true],
    // When the story happened, and whether something may be done this year, are not news.
    ['今年夏天老家发大水，邮局的车被冲了，保价的邮件赔不赔？', false],
    ['今年寄快递还能不能不实名？', false],
  ])('%s asks for it: %s', (question, asked) => {
    expect(asksThisYearsNews(normalize(question), askedKinds(normalize(question)))).toBe(asked);
  });
});

describe('counts of things and sizes', () => {
  it.each<[string, string, boolean]>([
    ['快递员一天最多送多少件', '收件人不在的，间隔时间不少于八个小时', true],
    ['快递员一天最多送多少件', '每人每日投递不超过三百件', false],
    // Any measure of things counts them: 两个以上的企业 answers 几家.
    ['几家快递公司可以用一个商标', '两个以上经营快递业务的企业可以使用统一的商标', false],
    ['快递多久能到', '间隔八小时', false],
    // A count of people or outlets (多少个快递员) is not a time limit; 几个工作日 is one, and 哪几个 asks which.
    ['开快递公司要招多少个快递员', '自开办之日起20日内向所在地邮政管理部门备案', true],
    ['开快递公司要招多少个快递员', '有与申请经营的地域范围相适应的服务能力', true],
    ['邮局几个工作日内开始投递', '五个工作日内安排投递', false],
    // Sets and vehicles are counted in their own measures (几套邮票, 几辆车).
    ['纪念邮票每年发行几套', '纪念邮票和特种邮票发行计划由邮政企业根据市场需要提出', true],
    ['纪念邮票每年发行几套', '每年发行纪念邮票二十套', false],
    // A statistic is a figure of things, money or a share, not a duration (三年行动).
    ['2022年安全生产大检查一共排查出多少隐患', '深入推进安全生产专项整治三年行动巩固提升', true],
    ['马军胜一共提了几点要求', '对于下一步工作，马军胜提出五点要求', false],
    // A size asked in a unit needs a size of that dimension, in any of its units: 两条红线 is no thickness.
    ['快递包装袋的厚度标准是多少微米', '守住“两条红线”，推进绿色化、减量化', true],
    ['快递包装袋的厚度标准是多少微米', '塑料袋厚度不得低于0.025毫米', false],
    ['邮局必须收的包裹是多少斤以内的', '单件重量不超过十千克的包裹', false],
    ['邮局必须收的包裹是多少斤以内的', '提供邮政普遍服务的范围', true],
  ])('%s, quoting %s: not in the measure asked %s', (question, quotes, lacking) => {
    expect(countsInOtherMeasure(normalize(question), normalize(quotes))).toBe(lacking);
  });
});

describe('a forecast for a given day, which no rule makes', () => {
  it.each<[string, boolean]>([
    ['今天北京下暴雨，快递会不会延误？', true],
    ['我昨天寄的快递，明天能到吗？', true],
    // What a deed will cost is the rules' to say, whenever it happened; so is a holiday's service.
    ['今天快递员把我的包裹弄丢了，他会不会被罚', false],
    ['过年期间快递能不能停', false],
  ])('%s is one: %s', (question, forecast) => {
    expect(asksForecast(normalize(question))).toBe(forecast);
  });
});

describe('a dispute over splitting what people share', () => {
  it.each<[string, boolean]>([
    ['我和室友合买的东西寄到了他家，他不肯分给我，怎么办', true],
    ['我和朋友合伙开快递网点，现在怎么分账', true],
    ['快递丢了找谁赔', false],
  ])('%s is one: %s', (question, dispute) => {
    expect(asksPrivateDivision(normalize(question), normalize('经营快递业务的企业应当按照约定将快件投递到收件地址'))).toBe(dispute);
  });
});

describe("a quarrel of the asker's own", () => {
  it.each<[string, boolean]>([
    ['我和邻居因为快递放门口的事吵起来了 他骂我 我该咋办', true],
    ['那人非说我弄坏了要我赔，我该怎么跟他讲理？', true],
    ['快递员在我家门口跟我吵起来还骂人，我能起诉他精神损失吗', true],
    // What the law does about a deed in it is a rule's to say.
    ['我跟网点老板闹了点矛盾，他把我的包裹扣着不给，这样会被罚多少？', false],
    ['快递员骂我，找他公司投诉也不管用，还能找谁', false],
    // Someone else's quarrel is only the story.
    ['业主群里吵了好几天，开发商说信报箱不归他管，那谁来装？', false],
  ])('%s is one: %s', (question, quarrel) => {
    expect(asksOwnQuarrel(normalize(question))).toBe(quarrel);
  });
});

describe("someone's job terms and private debts, which no postal rule settles", () => {
  it.each<[string, string, boolean]>([
    ['快递员辞职要提前几天跟站点老板说？', '快递从业人员应当遵守快递服务标准', true],
    ['今年年终奖取消了，绩效也砍了一半，能去劳动仲裁吗？', '邮政企业应当加强服务质量管理', true],
    ['快递员 月收入 平均', '快递从业人员应当遵守快递服务标准', true],
    // A company fining its own outlet is the contract's matter; the authority fining the company is the rules'.
    ['我们加盟网点派件超时被总部罚款，合法吗', '经营快递业务的企业应当对其分支机构实行统一管理', true],
    ['快递公司泄露信息会被罚多少', '由邮政管理部门责令改正，处1万元以下的罚款', false],
    // A rule on couriers' pay or insurance answers it.
    ['浙江快递员工资怎么算', '快递经营企业应当采取基本工资加计件提成等方式确定劳动报酬', false],
  ])('%s, quoting %s: job terms %s', (question, quotes, job) => {
    expect(asksJobTerms(normalize(question), normalize(quotes))).toBe(job);
  });

  it.each<[string, boolean]>([
    ['男朋友跟我借了三万块，打了欠条，现在一直拖着不还，我该怎么起诉他？', true],
    ['合伙人把驿站转给别人还把钱卷走了，我还能追回投资款吗？', true],
    ['我朋友用我的月结账号寄了一堆快递不给钱 怎么要回来', true],
    // A firm refusing to pay for what it lost is a postal question.
    ['快递公司把我东西弄丢了，不给钱怎么办', false],
    // How the court papers about a debt are served is a postal question.
    ['朋友借了我两万块一直不还，我起诉了，法院寄的传票我爸帮我签收了，算送达吗？', false],
  ])('%s is a private debt: %s', (question, debt) => {
    expect(asksPrivateDebt(normalize(question))).toBe(debt);
  });
});

describe('bank products and shop offers asked about', () => {
  it.each([
    ['邮政储蓄卡丢了怎么挂失？', ['储蓄卡', '挂失']],
    ['邮政储蓄利率', ['利率']],
    ['邮政汇款多久能到账', []],
    ['网上买的东西说好包邮，寄到新疆就要加钱，合理吗', ['包邮']],
  ])('%s asks about %j, which only a quote naming them answers', (question, products) => {
    expect(productsAskedAbout(normalize(question))).toEqual(products);
  });
});

describe('companies asked about, not merely named', () => {
  it.each([
    ['中通客服电话', ['中通']],
    ['菜鸟驿站加盟费多少钱？', ['菜鸟']],
    ['京东快递送货上门要额外收多少钱？', ['京东']],
    ['邮储银行信用卡在网上怎么申请', ['邮储银行']],
    ['京东快递丢件内部一般按什么标准赔', ['京东']],
    ['丰巢快递柜超时费是怎么收的', ['丰巢']],
    ['极兔速递当年收购了哪家快递公司', ['极兔']],
    ['圆通和中通是不是同一家的', ['圆通', '中通']],
    ['EMS次日达覆盖哪些城市', ['ems']],
    ['我的材料要寄到大使馆，顺丰可以当天到吗', ['顺丰']],
    // Whether a rule allows the fee is the rule's to say.
    ['浙江丰巢那种快递柜收保管费合规吗', []],
    ['ems单号怎么查', ['ems']],
    ['中通快递员怎么入职', ['中通']],
    ['中通从广州到上海一般要几天到', ['中通']],
    ['顺丰的特快和标快有什么区别？', ['顺丰']],
    ['申通寄件首重续重怎么算', ['申通']],
    ['菜鸟驿站的包裹放几天没取会被退回去？', ['菜鸟']],
    // Its history, schedule and leaders are its own to tell.
    ['极兔和百世快递是什么时候合并的', ['极兔', '百世']],
    ['韵达快递周末和节假日正常派件吗', ['韵达']],
    ['中国邮政集团现在的董事长是谁', ['邮政集团']],
    ['顺丰丢了件，几天内要给我答复？', []],
    ['顺丰把我的快递弄丢了，怎么赔？', []],
    ['我寄的顺丰，快递员没打电话就放驿站了，这合规吗？', []],
    ['快递公司客服电话打不通怎么办？', []],
  ])('%s → %j', (question, companies) => {
    const q = normalize(question);
    expect(companiesAskedAbout(q)).toEqual(companies);
  });
});

describe('statistics, which reports state and rules never do', () => {
  it.each([
    ['去年快递业务量', true],
    ['2022年邮政管理部门一共罚了多少家快递企业', true],
    ['全国有多少个邮政普遍服务网点？', true],
    ['想做全国好几个省的快递生意，注册资本有啥门槛', false],
    ['快递丢了几天内要赔？', false],
    ['快递公司罚款最多多少钱？', false],
    ['哪个省的快递业务量全国排第一', true],
    ['哪家快递公司的投诉率最低，有排名吗', true],
    ['邮政管理部门一共罚了多少家快递企业', true],
    // The sum one case comes to (a fine by the day) is no statistic.
    ['物业拖了10天不修信报箱，累计罚款多少', false],
  ])('%s → %s', (question, statistic) => {
    expect(asksStatistic(normalize(question))).toBe(statistic);
  });
});

describe('what a standard or catalogue itself says, which rules only refer to', () => {
  const rule = '快递暂行条例';
  it.each<[string, string, boolean]>([
    ['快递服务国家标准里签收流程具体是怎么规定的', rule, true],
    ['禁寄物品目录里具体哪些锂电池不能寄', rule, true],
    ['快递纸箱要用几层瓦楞纸才符合国家标准', rule, true],
    ['快递三轮车的行业标准编号是多少', rule, true],
    // Held in the corpus, the standard answers for itself.
    ['快递服务国家标准里签收流程具体是怎么规定的', '快递服务国家标准', false],
    // Whether something must meet a standard is what rules say.
    ['快递三轮车要符合国家标准吗', rule, false],
    ['收快递的时候能不能先验货', rule, false],
  ])('%s (quoting %s) → %s', (question, title, inside) => {
    expect(asksInsideStandard(normalize(question), [title])).toBe(inside);
  });
});
