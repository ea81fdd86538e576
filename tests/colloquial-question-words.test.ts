import { describe, expect, it } from 'vitest';
import { queryTerms } from '../src/answer/terms.ts';
import { Bm25Index } from '../src/index/bm25.ts';
import { expandQuestion } from '../src/text/features.ts';
import { normalize } from '../src/text/normalize.ts';
import { shippedThesaurus, Thesaurus } from '../src/text/thesaurus.ts';

const words = ['包裹', '要求', '寄', '快递', '罚款'];
const bm25 = Bm25Index.fromCounts(
  words,
  [[0, 1, 2], [3, 4], [0, 3], [1]].map((ids) => ({ terms: Int32Array.from(ids), tfs: Uint16Array.from(ids.map(() => 1)), length: ids.length })),
);
const terms = (question: string) => queryTerms(expandQuestion(normalize(question), new Thesaurus([])), bm25);

describe('colloquial question words', () => {
  it.each([
    ['寄包裹要带啥证件', '寄包裹要带什么证件'],
    ['快递丢了咋索赔', '快递丢了怎么索赔'],
  ])('%s asks about the same word as %s', (colloquial, written) => {
    const focus = (q: string) =>
      terms(q)
        .filter((t) => t.focus)
        .map((t) => t.term);
    expect(focus(colloquial)).toEqual(focus(written));
    expect(focus(colloquial).length).toBeGreaterThan(0);
  });

  it.each(['黄帽子的邮筒是干嘛用的', '邮政编码是干什么的'])('%s: 干嘛, 干啥 and 干什么 ask, as 什么 does; they name nothing', (question) => {
    expect(terms(question).map((t) => t.term)).not.toEqual(expect.arrayContaining([expect.stringMatching(/干/u)]));
  });

  it.each([
    ['能用微信付邮费吗', '微信', '信'],
    ['网上买东西卖家说包邮，邮费真的不用出吗', '包邮', '邮'],
  ])('keeps %s whole: %s is one everyday word, not characters that match other words (%s)', (question, word, character) => {
    const asked = terms(question).map((t) => t.term);
    expect(asked).toContain(word);
    expect(asked).not.toContain(character);
  });

  it.each([
    ['能寄活物吗', '活物'],
    ['邮局能收活鸡吗', '活鸡'],
  ])('%s asks about %s: only 能 and 吗 ask', (question, asked) => {
    expect(terms(question).find((t) => t.term === asked)).toMatchObject({ frame: false });
  });

  it("frames a learner's English beside the Chinese (someone pretend to be 邮政 worker 冒充邮政的名义)", () => {
    const asked = terms('someone pretend to be 邮政 worker 冒充邮政的名义骗人，罚多少？');
    expect(asked.find((t) => t.term === 'worker')).toMatchObject({ frame: true });
    expect(asked.find((t) => t.term === '骗人')).toMatchObject({ frame: false });
  });

  it('does not count reporting verbs (会上说, 法里说的) as what the question is about', () => {
    expect(terms('邮政法里说的快递指什么').map((t) => t.term)).not.toContain('说');
  });

  it('does not count 才能 (then can; jieba tags it talent, a noun) as what the question is about', () => {
    expect(terms('要等几年才能重新申请干快递').map((t) => t.term)).not.toContain('才能');
  });

  it('does not count modal fillers (还会, 到底) as what the question is about', () => {
    expect(terms('快递丢了到底还会怎么罚').map((t) => t.term)).not.toContain('还会');
    expect(terms('快递丢了到底还会怎么罚').map((t) => t.term)).not.toContain('到底');
  });

  it('frames the words asking for a kind of answer (处理 of 会怎么处理), which the quotes show by holding it', () => {
    const processing = (q: string) => terms(q).find((t) => t.term === '处理');
    expect(processing('快递员弄丢包裹会怎么处理')).toMatchObject({ focus: false, frame: true });
    // Without 会 it asks how something is handled, which a provision tells in its own verb (退回, 给予处分).
    expect(processing('邮局怎么处理寄不到的包裹')).toMatchObject({ focus: false, frame: true });
  });

  it('frames the family a story names (亲戚, 俺妈): a rule says 收件人 or 家属 whoever they are', () => {
    expect(terms('给城里亲戚寄的一箱桃子路上烂了').find((t) => t.term === '亲戚')).toMatchObject({ frame: true });
    expect(terms('俺妈签收了法院的信').find((t) => t.term === '俺妈' || t.term === '妈')).toMatchObject({ frame: true });
    expect(terms('给城里亲戚寄的一箱桃子路上烂了').find((t) => t.term === '桃子')).toMatchObject({ frame: false });
  });

  it("frames the asker's own place or outfit (我们村, 我们公司): a rule names 村 or 企业 whoever's they are", () => {
    // The shipped thesaurus makes them terms (我们村 looks for 农村地区).
    const shipped = (question: string) => queryTerms(expandQuestion(normalize(question), shippedThesaurus()), bm25);
    expect(shipped('邮局能不能随便把我们村的营业点撤了').find((t) => t.term === '我们村')).toMatchObject({ frame: true });
    expect(shipped('安检外包给第三方了，出了事我们公司还担责吗').find((t) => t.term === '我们公司')).toMatchObject({ frame: true });
  });

  it('frames a bare 公司 pointing back to the firm named before it, not one asked about', () => {
    const firm = (question: string) => terms(question).find((t) => t.term === '公司');
    expect(firm('重庆有个快递网点偷偷拆客户包裹，公司会被罚多少')).toMatchObject({ frame: true });
    expect(firm('法律上说的邮政企业指哪些公司')).toMatchObject({ frame: false });
    expect(firm('安检外包给第三方了，出了事公司还担责吗')).toMatchObject({ frame: false });
  });

  it('frames when a story happened, whatever jieba tagged it (昨天早上/nr, 礼拜/ns)', () => {
    expect(terms('昨天早上快递小哥骑车把我撞了找谁赔').find((t) => t.term === '昨天早上')).toMatchObject({ frame: true });
    expect(terms('上礼拜去镇上邮局寄信').find((t) => t.term === '礼拜' || t.term === '上礼拜')).toMatchObject({ frame: true });
  });

  it('reads 会 before 怎样 as "will", not as the end of a word (领会 of 没去领会怎样)', () => {
    const asked = terms('汇款一直没去领会怎样').map((t) => t.term);
    expect(asked).not.toContain('领会');
  });

  it("takes a city or district as found where its province's rule is (青岛 in 山东省邮政条例)", () => {
    expect(terms('青岛有人往邮筒里乱贴小广告').find((t) => t.term === '青岛')?.alternatives).toEqual(['山东']);
    expect(terms('海淀区的快递柜收费吗').find((t) => t.term === '海淀区')?.alternatives).toEqual(['北京']);
  });

  it('frames the noun naming the kind of answer a directive gives (实现什么目标, 解决什么难题)', () => {
    expect(terms('快递包装要实现什么目标').find((t) => t.term === '目标')).toMatchObject({ focus: false, frame: true });
    expect(terms('邮政管理局说要帮快递员解决什么难题').find((t) => t.term === '难题')).toMatchObject({ focus: false, frame: true });
  });

  it('frames the verb of 该怎么处理: what the asker should do, which the quotes tell without it', () => {
    expect(terms('我不小心拆开了邻居的信，现在该怎么处理').find((t) => t.term === '处理')).toMatchObject({ focus: false, frame: true });
    // What becomes of a thing (最后怎么处理) is told by its disposal (销毁), without the verb too.
    expect(terms('送不到又退不回去的信，最后怎么处理').find((t) => t.term === '处理')).toMatchObject({ focus: false, frame: true });
    expect(
      terms('快递公司发现信息泄露以后得做些什么')
        .filter((t) => !t.frame)
        .map((t) => t.term),
    ).not.toContain('做些');
    expect(
      terms('客户信息被人扒了，网点第一步该干嘛')
        .filter((t) => !t.frame)
        .map((t) => t.term),
    ).not.toContain('干嘛');
  });

  it('frames 处罚 of 会被怎么处罚: the quotes show a penalty, not the word', () => {
    expect(terms('快递运单不按时销毁，会被怎么处罚').find((t) => t.term === '处罚')).toMatchObject({ frame: true, focus: false });
  });

  it('asks about what stands before 有什么要求 (对快递小哥有什么要求), not about 有', () => {
    expect(terms('安全生产会上对快递有什么要求').find((t) => t.term === '快递')).toMatchObject({ focus: true });
    expect(terms('快递有什么用').find((t) => t.term === '快递')).toMatchObject({ focus: false });
  });

  it('frames where the answer is written (法律怎么说), as it frames the kind of answer', () => {
    expect(terms('快递丢了法律怎么说').find((t) => t.term === '法律')).toMatchObject({ focus: false, frame: true });
  });

  it('reads 才 after a count of days as "only then" (多少天才给结果), not as 天才', () => {
    expect(terms('去邮局提交了查件申请，一般要等多少天才给结果').map((t) => t.term)).not.toContain('天才');
  });

  it('reads 时 before 说 as "when" (疫情时说的), not as jieba\'s word 时说', () => {
    expect(terms('青海邮管局疫情时说的三个优先是哪些').map((t) => t.term)).not.toContain('时说');
  });

  it('does not read 内能 ("internal energy") into a time limit (多久内能换, 几天内能到)', () => {
    expect(terms('邮票停用了多久内能换').map((t) => t.term)).not.toContain('内能');
    expect(terms('寄快递几天内能到').map((t) => t.term)).not.toContain('内能');
  });

  it('tells the story before a question (what happened: 了) from the clause that asks', () => {
    const told = (q: string) =>
      terms(q)
        .filter((t) => t.told)
        .map((t) => t.term);
    expect(told('上周网上买的锅被压坏了，快递公司几天内要给答复？')).toEqual(expect.arrayContaining(['网上', '锅', '压坏']));
    expect(told('上周网上买的锅被压坏了，快递公司几天内要给答复？')).not.toContain('快递公司');
    // A first clause without anything happening is what is asked about, not a story.
    expect(told('中国邮政车身上那个绿色，具体色号是多少？')).toEqual([]);
    expect(told('快递公司几天内要给答复？')).toEqual([]);
    // So is what is planned (下周要寄一块手表).
    expect(told('下周要给儿子寄一块手表，挺值钱的，需要先跟快递说吗？')).toContain('手表');
    expect(told('我想在小卖部里开个快递驿站，需要办营业执照吗？')).toContain('小卖部');
    // So is who the asker is (我们是做淘宝女装的).
    expect(told('我们是做淘宝女装的，快递公司非要签安全协议，这是规定吗？')).toContain('淘宝');
    expect(told('这是规定的，还是他们自己定的？')).toEqual([]);
    // Clauses typed with spaces for commas tell a story too.
    expect(told('汇款寄出去半个月了对方说没收到 去查的话几天有结果')).toContain('对方');
    // 想问一下 frames the question; it tells nothing.
    expect(told('想问一下，快递公司几天内要给答复？')).toEqual([]);
    // What did not happen is told too (开发商一直没装信报箱).
    expect(told('开发商一直没装信报箱，这事谁来管？')).toContain('开发商');
  });

  it('does not count the verb of 要满足什么条件 as what the question is about', () => {
    expect(terms('快递公司复工要满足什么条件').map((t) => t.term)).not.toContain('满足');
  });

  it('reads 法律上算 as "counts in law", not jieba\'s 上算 ("worth it")', () => {
    expect(terms('家人代签的传票法律上算已经送达了吗').map((t) => t.term)).not.toContain('上算');
  });

  it('reads the 信 of 平信用 as the letter, not jieba\'s 信用 ("credit")', () => {
    expect(terms('当兵的寄平信用付邮费吗').map((t) => t.term)).not.toContain('信用');
  });

  it('does not count a negated particle (取不了) as what the question is about', () => {
    expect(terms('拖多久就取不了').map((t) => t.term)).not.toContain('了');
  });

  it('does not count a word inside the question word (长时间 in 多长时间) as what it is about', () => {
    expect(terms('包裹要保留多长时间').map((t) => t.term)).not.toContain('长时间');
  });

  it('matches a verb with a direction (寄出去) as the verb the text uses', () => {
    const asked = terms('包裹寄出去了还能要回来吗').map((t) => t.term);
    expect(asked).toContain('寄');
    expect(asked).not.toContain('寄出去');
  });

  it('matches a word jieba joined with a particle (寄来) as the word the text uses', () => {
    const asked = terms('老家寄来的包裹丢了').map((t) => t.term);
    expect(asked).toContain('寄');
    expect(asked).not.toContain('寄来');
    // Also when the word alone is no word of the corpus.
    const shifted = terms('网点推给总部不管了').map((t) => t.term);
    expect(shifted).toContain('推');
    expect(shifted).not.toContain('推给');
    // A verb with its result (赔到多少, 扔掉): the verb.
    const result = terms('包裹没保价丢了，最多能赔到多少钱').map((t) => t.term);
    expect(result).toContain('赔');
    expect(result).not.toContain('赔到');
  });

  it('takes the noun naming the kind of answer (什么条件, 有啥要求, 什么东西) as framing the question, not as its subject', () => {
    for (const question of [
      '快递公司复工要满足什么条件',
      '寄包裹有啥要求',
      '寄包裹有什么特殊要求',
      '无着快件是什么含义',
      '除了邮票还有什么东西能当邮资',
      '寄包裹有啥限制',
      '邮局营业厅必须公示哪些信息',
      '黑龙江局对快递企业复工有什么前提条件',
      '小区物业在快递进小区这件事上有没有什么义务',
    ]) {
      const answerNoun = terms(question).find((t) => ['条件', '要求', '特殊要求', '含义', '东西', '限制', '信息', '前提条件', '义务'].includes(t.term));
      expect(answerNoun).toMatchObject({ frame: true, focus: false });
    }
  });

  it('takes a word pointing back at what the story named (这钱, 这笔钱) as framing the question, not as its subject', () => {
    // The shipped thesaurus makes them terms (这钱谁出 asks who pays a cost).
    const shipped = shippedThesaurus();
    for (const question of ['有笔汇款一直没人来领也退不回去，最后这钱咋处理', '汇款一直没人领，也退不回汇款人，最后这笔钱去哪了？']) {
      const pointer = queryTerms(expandQuestion(normalize(question), shipped), bm25).find((t) => ['这钱', '这笔钱'].includes(t.term));
      expect(pointer).toMatchObject({ frame: true, focus: false });
    }
  });

  it('takes who-with-whom (彼此之间, 相互) as framing the question, not as the thing the requirement is about', () => {
    const mutual = terms('我们几家加盟网点共用总部的商标和运单，法律上彼此之间有啥要求').find((t) => t.term === '彼此之间');
    expect(mutual).toMatchObject({ frame: true, focus: false });
  });

  it('takes what stands before 提了啥要求 (对快递小哥) as what the requirement is about', () => {
    const focus = terms('开会时对快递小哥提了啥要求').filter((t) => t.focus);
    expect(focus.map((t) => t.term)).toEqual(['小哥']);
  });

  it('takes a bound, a total or a hedge (最多, 起码, 一共, 一般, 根本) as framing the question, also when jieba joined it to the next word or called it an adjective', () => {
    for (const [question, bound] of [
      ['最多能赔到多少钱', '最多'],
      ['注册资金起码要准备多少', '起码'],
      ['4月27日那次会马军胜对下一阶段提了几点要求，一共几条？', '一共'],
      ['快递许可的申请交上去以后，一般多久会给答复', '一般'],
      ['快递员收件的时候根本没提保价，这样合规吗', '根本'],
      // The ordinary one something is compared with (跟普通的有啥区别) is no thing asked about.
      ['黄帽子的邮筒跟普通的有啥区别', '普通'],
    ] as const) {
      expect(terms(question).find((t) => t.term === bound)).toMatchObject({ frame: true, focus: false });
    }
  });

  it('never takes a place next to the question word (浙江怎么规定) as what is asked about', () => {
    const words = terms('平台不让商家用别的快递，浙江怎么规定');
    expect(words.find((t) => t.term === '浙江')).toMatchObject({ focus: false });
  });

  it('reads 好几 as many, not as a question word', () => {
    const words = terms('快递晚到了好几天，能要求赔偿吗');
    expect(words.filter((t) => t.focus).map((t) => t.term)).not.toContain('晚到');
  });
});
