import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALTERNATIVE_CREDIT, type QueryTerm, termCoverage } from '../src/answer/terms.ts';
import { Bm25Index } from '../src/index/bm25.ts';
import { harvestDefinitions } from '../src/text/definitions.ts';
import { EXPANSION_WEIGHT, expandQuestion, lexicalFeatures, queryFeatureWeights } from '../src/text/features.ts';
import { stripQuestionFrames } from '../src/text/questionForm.ts';
import { parseSynonyms, shippedThesaurus, Thesaurus } from '../src/text/thesaurus.ts';

describe('synonym file parser (Solr format)', () => {
  it.each([
    ['快递柜, 智能快件箱', [{ from: ['快递柜', '智能快件箱'], to: ['快递柜', '智能快件箱'] }]],
    ['快递小哥, 快递员 => 快件收派人员', [{ from: ['快递小哥', '快递员'], to: ['快件收派人员'] }]],
    ['# 只有注释\n\n   ', []],
    ['丢了 => 丢失  # 行尾注释', [{ from: ['丢了'], to: ['丢失'] }]],
    ['郵編，郵遞區號', [{ from: ['邮编', '邮递区号'], to: ['邮编', '邮递区号'] }]],
    // Spaces part words of Latin script only (what an English word mixed into a question keeps).
    ['Post  Office, 寄 快递 => 邮政企业', [{ from: ['post office', '寄快递'], to: ['邮政企业'] }]],
  ])('reads %j', (text, rules) => {
    const parsed = parseSynonyms(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules).toEqual(rules);
  });

  it.each([
    ['快递柜', /至少要有两个词/u],
    ['a => b => c', /只能有一个 =>/u],
    ['快递柜, , 丰巢', /空词/u],
    ['=> 智能快件箱', /空词/u],
    ['!!!, ???', /不是词/u],
    [`${'长'.repeat(30)}, 短`, /词过长/u],
  ])('reports the bad line %j with its line number instead of failing', (bad, message) => {
    const { rules, problems } = parseSynonyms(`驿站 => 快递末端服务设施\n${bad}\n平信 => 平常邮件`);
    expect(rules).toHaveLength(2);
    expect(problems).toEqual([{ line: 2, text: bad, message: expect.stringMatching(message) }]);
  });

  it('ships a thesaurus that parses without a problem and bridges everyday words', () => {
    const text = readFileSync('src/text/thesaurus.txt', 'utf8');
    expect(parseSynonyms(text).problems).toEqual([]);
    const alternatives = (q: string) =>
      shippedThesaurus()
        .expand(q)
        .flatMap((e) => e.alternatives);
    expect(alternatives('快递柜')).toContain('智能快件箱');
    expect(alternatives('快递小哥')).toContain('快件收派人员');
    expect(alternatives('平信')).toContain('平常邮件');
    // The trade's own word for taking in a parcel is the statute's 收寄.
    expect(alternatives('网点揽收时要登记身份吗')).toContain('收寄');
    // English mixed in by learners and foreigners.
    expect(alternatives('寄快递为什么要看我的id card')).toContain('有效身份证件');
    expect(alternatives('post office 一个星期开几天')).toContain('邮政企业');
    expect(alternatives('信报箱坏了物业一直不修，有罚则吗')).toContain('法律责任');
    // A village as people say it is where rules set the post's rounds (在村民委员会所在地…每周至少二次).
    expect(alternatives('村里的邮递员一周至少来几次')).toContain('村民委员会所在地');
    // Looking at the goods before signing is the rules' 验收.
    expect(alternatives('箱子破了个洞，我是先签字还是先看东西')).toContain('验收');
    // The postal law fines a courier himself as 快递企业从业人员.
    expect(alternatives('快递员个人把客户信息卖了，罚他多少')).toContain('快递企业从业人员');
    // A pet is a live animal, which the rules forbid sending.
    expect(alternatives('家里的小狗能走邮政托运吗')).toContain('活的动物');
    // The court-mail rule calls the post delivering it 邮政机构.
    expect(alternatives('法院的专递邮递员会送几次才退回')).toContain('邮政机构');
  });
});

describe('the shipped thesaurus keeps the sense of what fires', () => {
  const alternatives = (q: string) =>
    shippedThesaurus()
      .expand(q)
      .flatMap((e) => e.alternatives);

  it.each([
    // 扣 about pay or fees is no detention of mail.
    ['快递员工资被扣了', '扣留'],
    ['快递员的工资被扣了怎么办', '扣留'],
    ['驿站乱扣费怎么办', '扣留'],
    ['快递柜超时扣了我三块钱', '扣留'],
    ['快递员押金被扣了', '扣留'],
    ['信用卡被扣了年费', '扣留'],
    // 压 of 压力 is no holding back of parcels.
    ['快递员压力太大', '积压'],
    // 一周才送到 is a delay, not how often mail is delivered.
    ['快递一周才送到', '每周至少五次'],
    // A courier's weekend off is no post office's opening hours.
    ['快递员周末不上班', '营业时间'],
    // Selling goods to customers is business, not selling someone's data or mail.
    ['网上卖给客户的货丢了', '出售'],
    ['周末上班有加班费吗', '营业时间'],
    // 动 of 电动车 and 没 of 没有 are no parcel that has not moved.
    ['快递员的电动车没有牌照', '延误'],
    // 拆 of a letter opened, 人 of a crowd: no demolished letterbox, no postal worker.
    ['小区信箱里的信被拆了', '拆除'],
    ['邮局人太多了', '邮政工作人员'],
    ['帮我看下我的信息填对没有', '检查信件内容'],
    // 放不下 is a locker too small, 收走 a parcel taken away, 打开 an opening: no parcel put in a locker
    // unasked, no parcel received, no courier beaten.
    ['快递柜格口太小放不下', '征求收件人意见'],
    ['包裹收走了', '签收'],
    ['我不想让快递员打开箱子', '殴打'],
    // Everyday words with no postal sense of their own are not made postal: a hospital's bill, a bank's
    // queue, a guard stopping a visitor, a new block of flats for sale.
    ['医院的缴费单子丢了', '运单'],
    ['银行排长队', '用邮需求'],
    ['保安拦着不让我进小区', '阻碍邮政企业从业人员投递邮件'],
    ['新楼盘房价多少', '通邮条件'],
    ['小区便民点几点开门', '邮政便民服务站'],
    // The congress itself is nothing postal, nor are a discount, a signature or a relative's signing of a loan.
    ['十九大报告讲了哪些经济政策', '寄递安保'],
    ['买衣服有什么优惠', '寄件优惠'],
    ['城管的执法人员扣了我的三轮车', '邮政管理部门'],
    ['公司让我在合同上签字', '拒绝签收'],
    ['老公签了借条我要还吗', '签收'],
    ['疫情期间房租能减免吗', '快件'],
  ])('does not take %s for %s', (question, wrong) => {
    expect(alternatives(question)).not.toContain(wrong);
  });

  it.each([
    ['快递被扣了怎么办', '扣留'],
    ['包裹被扣下了', '扣留'],
    ['老师把学生的信扣下了', '扣留'],
    ['快递员工资被扣了', '劳动报酬'],
    ['网点压件不送', '积压'],
    ['农村一周送几次信', '每周至少五次'],
    ['邮局周末上班吗', '营业时间'],
    ['邮局周末不上班', '营业时间'],
    ['快递三天了还没动静', '延误'],
    ['快递员把我的电话卖给骗子了', '出售'],
    ['小哥把件放门口就走了', '快件收派人员'],
    ['市局来网点检查', '邮政管理部门'],
    ['大陆宅配业者客诉几天处理', '投诉'],
    ['把片区包给别人做', '委托'],
    ['有人私刻邮政的章', '伪造'],
    ['楼下的驿站归谁管', '快递末端网点'],
    ['新冠疫情期间上海市邮政管理局对复工有什么安排', '新冠肺炎疫情'],
    ['有人开车撞倒了路边的邮筒', '损毁邮政设施'],
    ['镇上的邮局搬迁了', '迁移'],
    ['保安翻了我的快递', '非法检查'],
    ['快递公司拒赔怎么办', '赔偿责任'],
    ['邮局的工作人员态度很差', '邮政工作人员'],
    ['去邮局取汇来的钱', '兑领'],
    ['私拆信件会被判刑吗', '刑事责任'],
    ['快递公司扣着我的件不给送', '扣留'],
    ['我不小心拆开了别人的信', '误拆'],
    ['网上查挂号信要收钱吗', '免费'],
    ['法院的信一直送不到', '无法投递'],
    ['能当着快递员的面拆开吗', '当面验收'],
    ['邮政车违章了交警会扣车吗', '放行'],
    ['快递员把包裹直接放快递柜了', '征求收件人意见'],
    ['我收包裹的时候发现破了', '签收'],
    ['快递员打开箱子看了一眼', '验视'],
    ['邮递员送信不上门', '投递'],
    ['快递网点关门了，我的件还没送到', '尚未投递'],
    ['我们公司的信邮递员应该送到哪', '单位'],
    ['单位的信放门卫那儿', '传达'],
    ['老小区没有物业', '住宅'],
    ['寄的水果放坏了', '自然性质'],
    ['汇的钱一直没去邮局拿', '逾期未兑领'],
    ['用过的邮票再贴到信上', '不得使用'],
    ['重量要写在单子上吗', '快递运单'],
    ['单子上有几栏我懒得填', '填写内容不完整'],
    ['邮递员跟我要好处费', '索要财物'],
    ['有人爬上邮车搭顺风车', '扒乘'],
    ['有人把货堆在邮局门口', '堆物'],
    ['邮局非要我买保险才给办', '搭售'],
    ['邮局营业厅太少', '用邮需求'],
    ['网点的监控视频存多久', '监控资料'],
    ['邮筒上会写出来一天取几次吗', '标明'],
    ['邮政的车上高速收费吗', '高速公路'],
    ['双十一快递公司临时招的小工', '临时聘用人员'],
    ['家里养的东西能寄吗', '活的动物'],
    ['有人拦着不让邮递员进去', '阻碍'],
    ['邮筒旁边有人摆摊卖菜', '设摊'],
    ['邮局门口老有人堆东西', '堆物'],
    ['办公室的信都放前台', '代收代投'],
    ['朋友汇给我的钱一直忘了去取', '汇款'],
    ['收到汇款通知单多久要去取', '汇款通知'],
    ['申请快递许可要等多久才出结果', '决定'],
    ['安检外包出了事，快递公司还担责吗', '承担的责任'],
    ['邮递员送上楼要另外给钱吗', '加收费用'],
    ['快递公司的安检能外包给别人做吗', '委托'],
    // The courier not letting the recipient open it, not a sender refusing inspection.
    ['快递员不让我当面拆开看，非要我先签字', '当面验收'],
    // Not 住的小区 (where one lives): a newly occupied estate.
    ['新入住的小区办完投递登记，几天内来送信', '新用户'],
    ['邮政汇款一直没人领，钱最后去哪了', '未兑领'],
    ['一个快递小哥骑三轮把我撞了，该找他本人赔还是公司赔', '造成他人损害'],
    ['发现里面东西少了，能不能当场拒签', '拒绝签收'],
    ['邮局的资费是它自己定的还是国家定的', '政府定价'],
    ['邮局发现我寄的东西违规，会退给我还是直接没收', '限期领回'],
    ['上海邮政管理局对返沪员工有什么要求', '职工'],
    ['单位的红头公文可以交给快递公司寄吗', '国家机关公文'],
    ['国际回信券能兑成现金吗', '邮资凭证'],
    ['快递公司把我的个资卖掉了', '出售'],
    ['快件送不到也退不回，是进口的', '进境快件'],
    ['朋友从国外给我寄了个包裹，送不到也退不回去', '进境快件'],
    ['快递公司把我东西弄丢了，要求赔钱被拒绝怎么办', '申诉'],
    ['我留的地址写错了，法院文书被退回，算不算送达了', '视为送达'],
    ['快递小哥把我撞了，这钱是他自己赔还是他们公司赔', '所属的经营快递业务的企业'],
    ['客户不肯出示身份证，揽投员能不能先收了再说', '快件收派人员'],
    ['重庆这边双十一快递压仓好多天都不派', '积压'],
    ['支局想撤掉一个营业所', '营业场所'],
    // Homophone typos (报价 for 保价, 赔尝 for 赔偿) when the context leaves no other sense.
    ['当时图省事没买报价，结果快递丢了', '未保价'],
    ['现在去邮局要求赔尝还有用吗', '赔偿'],
    ['附近能不能多设几个便民的点', '便民服务站'],
    ['邮政局开会说了什么', '会议'],
    ['那次会是谁讲的话', '讲话'],
    ['疫情那会儿快递还送吗', '疫情防控'],
    ['快递员上班前要量体温吗', '晨检'],
    ['复工的时候员工分批回来', '错峰'],
    ['快递网点什么时候复工', '复工复产'],
    ['口罩不够用怎么办', '防护装备'],
    ['疫情时先送哪些东西', '优先保障'],
    ['快递单会泄露手机号吗', '虚拟安全号码'],
    ['十九大那会儿寄快递查得很严', '安全检查'],
    ['十九大期间寄到北京的包裹', '进京'],
    ['村里能收快递吗', '行政村快递通达'],
    ['农产品卖进城靠快递', '农产品出村进城'],
    ['村里收邮件的人有补贴吗', '村邮站服务人员'],
    ['网购的东西包了好几层', '过度包装'],
    ['旧快递箱拿去再寄', '重复使用'],
    ['寄快递优惠怎么拿', '寄件优惠'],
    ['快递公司换新能源车', '新能源'],
    ['国际快递寄不出去', '国际寄递'],
    ['寄到国外要过海关吗', '海关'],
    ['邮票不让用了怎么办', '停止使用'],
    ['纪念邮票的题材谁说了算', '审定'],
    ['宣传册上印邮票图样', '仿印邮票图案'],
    ['国际回信券能换钱吗', '兑换现金'],
    ['汇给家里的钱对方一直没领', '逾期未兑领'],
    ['法院传票被我妈签了算我收到吗', '同住成年家属'],
    ['法院的信送了好几次都没人', '投送三次'],
    ['法院寄来的东西跟单子上写的不一样', '不一致'],
    ['想加盟快递品牌开店', '加盟经营快递业务'],
    ['快递片区包给别人做', '转包'],
    ['新开发的小区有没有信箱', '新建居民住宅区'],
    ['邮局要跟小区一起规划吗', '同时规划'],
    ['单位要有收信的地方吗', '接收邮件的场所'],
  ])('still takes %s for %s', (question, right) => {
    expect(alternatives(question)).toContain(right);
  });

  it('has no term holding a question frame (赔不赔, 多少钱), which is stripped before lookup and never matches', () => {
    const { rules } = parseSynonyms(readFileSync('src/text/thesaurus.txt', 'utf8'));
    const framed = rules.flatMap((r) => r.from).filter((term) => stripQuestionFrames(`${term}的事`) !== `${term}的事`);
    expect(framed).toEqual([]);
  });
});

describe('thesaurus lookup', () => {
  const thesaurus = new Thesaurus(parseSynonyms('快递, 快件\n快递公司 => 快递企业\n查快递 => 查询\n丢了 => 丢失').rules);

  it('takes the longest terms first, keeps the terms inside them, and drops those only partly overlapping', () => {
    // 查快递 overlaps 快递公司 only partly; 快递 lies inside it and still counts.
    expect(thesaurus.expand('要查快递公司的包裹丢了').map((e) => e.term)).toEqual(['快递公司', '快递', '丢了']);
  });

  it.each([
    ['有人把路边的邮筒拆走了', ['邮筒', '拆邮筒']],
    ['我把地址给写错了', ['写错地址']],
    // Words in two clauses, or too far apart, are not the phrase.
    ['邮筒旁边有人，拆了个纸箱', ['邮筒']],
    ['邮筒边上那家小卖部有人在拆', ['邮筒']],
    // The exact phrase found, its other word order adds nothing.
    ['快递丢了', ['快递丢了']],
    // A negation or pronoun left out of a phrase's words must still be there (邮局不给寄, 检查我的快递).
    ['邮局能寄仓鼠吗', ['邮局']],
    ['邮局说包裹不给寄', ['邮局', '邮局不给寄']],
    ['检查快递公司的网点', ['快递公司']],
    ['保安要检查我的这个快递', ['检查我的快递']],
    // So must a verb the word list leaves out (问 of 去邮局问): 拿去邮局退 asks nothing of the post office.
    ['邮票能拿去邮局退吗', ['邮局']],
    ['我去邮局问了好几次', ['去邮局问', '邮局']],
    // Keywords typed apart are one clause: a space ends none.
    ['邮筒 拆了', ['邮筒', '拆邮筒']],
    // 打 has its own object: the courier is who calls.
    ['快递员打我电话没人接', ['快递员']],
    ['我被快递员打了', ['快递员', '打快递员']],
    // A pronoun keeps its side of the verb: here I am the one checking, not the one whose parcel is checked.
    ['收快递时我能先检查一下', []],
    ['我要检查这个快递', []],
    // 把 brings the object before its verb.
    ['保安把我的快递拿去检查了', ['检查我的快递']],
    // Each pronoun is placed where the phrase has it (我 of 帮我, not of 我妈).
    ['我妈在家帮我签收的', ['我妈帮我签收']],
  ])('matches a phrase loosely, its words apart or in another order: %s', (question, terms) => {
    const loose = new Thesaurus(
      parseSynonyms(
        '邮筒, 信筒\n拆邮筒 => 拆除\n写错地址 => 地址错误\n快递丢了, 丢了快递 => 快件丢失\n快递员, 快递小哥\n打快递员 => 殴打\n去邮局问 => 查询\n邮局不给寄 => 拒绝收寄\n邮局 => 邮政企业\n快递公司 => 快递企业\n检查我的快递 => 非法检查\n少了一件 => 内件短少\n我妈帮我签收 => 代收人',
      ).rules,
    );
    expect(loose.expand(question).map((e) => e.term)).toEqual(terms);
  });

  it.each([
    ['我想寄信给外婆', ['寄']],
    ['寄存人寄存贵重物品，保管人如何赔偿', []],
    ['小区拆迁，邮筒也被拆了', ['邮筒', '拆邮筒']],
    ['邮筒旁边在拆迁', ['邮筒']],
    // The first 拆 is in 拆迁; the second is the verb.
    ['拆迁时邮筒被拆了', ['邮筒', '拆邮筒']],
    // 偷偷 is secretly: opening a parcel secretly is no theft of it.
    ['快递员偷偷拆了我的包裹', []],
    ['包裹被偷了', ['偷包裹']],
  ])('matches a one-character term only where it keeps its sense (寄 not in 寄存): %s', (question, terms) => {
    const verbs = new Thesaurus(parseSynonyms('寄 => 寄递\n邮筒, 信筒\n拆邮筒 => 拆除\n寄贵重物品 => 保价\n偷包裹 => 盗窃').rules);
    expect(verbs.expand(question).map((e) => e.term)).toEqual(terms);
  });

  it('does not take the 扣 of 扣钱 (deducting money) for detaining a parcel', () => {
    const detaining = new Thesaurus(parseSynonyms('扣 => 扣留').rules);
    expect(detaining.expand('驿站扣钱合理吗').map((e) => e.term)).toEqual([]);
    expect(detaining.expand('快递被海关扣了').map((e) => e.term)).toEqual(['扣']);
  });

  it.each([
    // 名表 runs from 点名 into 表扬, 通邮 from 普通 into 邮筒: neither word says it.
    ['国家邮政局点名表扬了哪些快递企业', ['快递']],
    ['黄帽子邮筒和普通邮筒有啥区别', ['邮筒', '邮筒']],
    // A term at the end or start of a longer word is still that word's part.
    ['我的名表寄丢了', ['名表']],
  ])('does not match a term that begins inside one word and ends inside the next: %s', (question, terms) => {
    const crossing = new Thesaurus(parseSynonyms('名表 => 贵重物品\n快递名表 => 保价\n通邮 => 邮政普遍服务\n快递 => 快件\n邮筒 => 信筒').rules);
    expect(crossing.expand(question).map((e) => e.term)).toEqual(terms);
  });

  it('does not take the 卖 of 卖家 (the seller) for selling a parcel', () => {
    const selling = new Thesaurus(parseSynonyms('把快递卖了 => 侵占').rules);
    expect(selling.expand('卖家用什么快递发货').map((e) => e.term)).toEqual([]);
    expect(selling.expand('快递员把我的快递偷偷卖了').map((e) => e.term)).toEqual(['把快递卖了']);
  });

  it('expands equivalences both ways and mappings one way', () => {
    expect(thesaurus.expand('快件')[0]?.alternatives).toEqual(['快递']);
    expect(thesaurus.expand('快递企业').flatMap((e) => e.alternatives)).not.toContain('快递公司');
  });
});

describe('expansion weights', () => {
  const thesaurus = new Thesaurus(parseSynonyms('快递柜 => 智能快件箱').rules);

  it('count what was typed fully and what the thesaurus adds less, never replacing a typed word', () => {
    const weights = queryFeatureWeights(expandQuestion('快递柜收费', thesaurus));
    for (const f of lexicalFeatures('快递柜收费')) expect(weights.get(f)).toBe(1);
    expect(weights.get('智能')).toBe(EXPANSION_WEIGHT);
    expect(EXPANSION_WEIGHT).toBeLessThan(1);
  });

  it('leave a yes/no frame (能不能) out of what is searched', () => {
    expect([...queryFeatureWeights(expandQuestion('能不能寄', thesaurus)).keys()]).not.toContain('不能');
  });
});

describe('definitions the regulations state', () => {
  it.each([
    ['第二条 邮政企业以外的经营快递业务的企业（以下称快递企业）应当…', [{ from: ['邮政企业以外的经营快递业务的企业'], to: ['快递企业'] }]],
    ['国务院邮政管理部门和省级邮政管理机构（以下统称邮政管理部门）', [{ from: ['国务院邮政管理部门', '省级邮政管理机构'], to: ['邮政管理部门'] }]],
    ['本法所称邮件，是指邮政企业寄递的信件、包裹、汇款通知、报刊等。', [{ from: ['信件', '包裹', '汇款通知', '报刊'], to: ['邮件'] }]],
    ['第三条 本条例自2019年5月1日起施行。', []],
    // Words holding 和 or 及 are not split (中华人民共和国), and the clause before a name is not part of it.
    ['根据《中华人民共和国邮政法》（以下简称《邮政法》），制定本细则。', [{ from: ['《中华人民共和国邮政法》'], to: ['《邮政法》'] }]],
    ['任何单位或者个人不得利用信件、包裹、印刷品以及其他寄递物品(以下统称快件)从事危害国家安全的活动。', [{ from: ['信件', '包裹', '印刷品'], to: ['快件'] }]],
    // Stages of an activity are not kinds of it; a clause is no name; a name a longer part extends stays itself.
    ['本条例所称快递经营活动，是指快速完成物品收寄、分拣、运输、投递等环节的寄递活动。', []],
    ['邮电支局、邮电所、邮政支局、邮政所是办理邮政业务的分支机构（以下简称分支机构）。', [{ from: ['邮电支局', '邮电所', '邮政支局', '邮政所'], to: ['分支机构'] }]],
    ['国务院邮政管理部门和省、自治区、直辖市邮政管理机构（以下统称邮政管理部门）', [{ from: ['国务院邮政管理部门', '直辖市邮政管理机构'], to: ['邮政管理部门'] }]],
    ['邮政企业和邮政企业以外的经营快递业务的企业（以下统称快递企业）', [{ from: ['邮政企业以外的经营快递业务的企业'], to: ['快递企业'] }]],
  ])('harvests %j', (text, rules) => {
    expect(harvestDefinitions(text)).toEqual(rules);
  });
});

describe('expansion in BM25 and in answer scoring', () => {
  it('ranks a passage holding the typed word above one holding only the added word, and both above none', () => {
    const terms = ['快递柜', '智能快件箱', '收费'];
    const rows = [[1, 2], [0, 2], [2]].map((ids) => ({ terms: Int32Array.from(ids), tfs: Uint16Array.from(ids.map(() => 1)), length: ids.length }));
    const bm25 = Bm25Index.fromCounts(terms, rows);
    const scores = bm25.scoreWeighted(
      new Map([
        ['快递柜', 1],
        ['智能快件箱', EXPANSION_WEIGHT],
        ['收费', 1],
      ]),
    );
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[0]).toBeGreaterThan(scores[2]!);
    expect(bm25.scoreWeighted(new Map([['快递柜', 1]]))).toEqual(bm25.scoreAll(['快递柜']));
  });

  it('credits a passage with a thesaurus alternative less than with the word typed', () => {
    const term: QueryTerm = {
      term: '快递柜',
      weight: 1,
      idf: 1,
      bigrams: ['快递', '递柜'],
      focus: false,
      matter: true,
      frame: false,
      alternatives: ['智能快件箱'],
      unknown: false,
      told: false,
      loose: false,
    };
    expect(termCoverage(term, '放入快递柜')).toBe(1);
    expect(termCoverage(term, '投放到智能快件箱')).toBe(ALTERNATIVE_CREDIT);
    expect(ALTERNATIVE_CREDIT).toBeLessThan(1);
    expect(termCoverage(term, '邮件')).toBe(0);
  });
});
