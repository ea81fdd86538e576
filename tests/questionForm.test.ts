import { describe, expect, it } from 'vitest';
import { askingClause, askingSentence, clauseQuestions, clausesOf, quotedSegments, stripQuestionFrames, subQuestions } from '../src/text/questionForm.ts';

describe('the form of a question', () => {
  it.each([
    ['快递员能不能把包裹放门口？', '快递员 把包裹放门口？'],
    ['寄快递有没有规定要实名', '寄快递 规定要实名'],
    ['快递柜收费合规吗？', '快递柜收费 ？'],
    ['快递丢了怎么赔', '快递丢了怎么赔'],
    // 合不合规 asks like 合规吗: no 规 is left to search for.
    ['快递员把快递放门口，违不违法？', '快递员把快递放门口， ？'],
    ['收件不看内件，合不合规', '收件不看内件， '],
    ['快递员不送进小区，这个合不合规矩嘛', '快递员不送进小区，这个 嘛'],
    ['我寄的桃子路上烂了 邮局说不赔 有没有道理', '我寄的桃子路上烂了 邮局说不赔  '],
    ['邮局说不赔 有道理不', '邮局说不赔  '],
    ['快递点非让我保价，这个合理吗', '快递点非让我保价，这个 '],
    ['按规定快递公司几天内要答复', ' 快递公司几天内要答复'],
    // Not following the rules is what is asked about.
    ['快递员没按规定签收怎么办', '快递员没按规定签收怎么办'],
    // Being caught is how a penalty comes, not what it is for.
    ['快递公司偷偷拆客户包裹，被查到罚多少', '快递公司偷偷拆客户包裹， 罚多少'],
    ['邮政车拉私活，查到了会怎么处罚', '邮政车拉私活， 会怎么处罚'],
    ['快递公司非要签安全协议，这是规定吗', '快递公司非要签安全协议， 规定吗'],
    // What was found is what is asked about.
    ['分拣时发现违禁品怎么处理', '分拣时发现违禁品怎么处理'],
    // Checking a belief asks yes or no about the rest.
    ['邮局说平信不赔，真的假的？', '邮局说平信不赔， ？'],
    ['快递丢了只赔运费对吧', '快递丢了只赔运费 '],
  ])('%s is searched as %s', (question, searched) => {
    expect(stripQuestionFrames(question)).toBe(searched);
  });

  it.each<[string, string[]]>([
    ['快递丢了几天内答复？网点加盟费一年多少？', ['快递丢了几天内答复', '网点加盟费一年多少']],
    ['快递丢了怎么赔？', []],
    ['真的吗？快递丢了怎么赔？', []],
    // A piece that does not ask tells why the other is asked: only the asking piece is a question.
    ['寄茅台酒一次最多能寄几瓶？我过年想给客户寄一箱', ['寄茅台酒一次最多能寄几瓶']],
    ['浙江快递三轮车最快能开多快？能拉多重', ['浙江快递三轮车最快能开多快', '能拉多重']],
    ['面单能不能当废品卖？有没有销毁要求', ['面单能不能当废品卖', '有没有销毁要求']],
    ['那个工程是在哪次會議上提的？馬軍勝怎麼說', ['那个工程是在哪次會議上提的', '馬軍勝怎麼說']],
  ])('%s asks %j', (question, parts) => {
    expect(subQuestions(question)).toEqual(parts);
  });

  it.each<[string, string | undefined]>([
    ['包裹寄了三个月还没到，打电话也没人管。寄到国外的邮件多久之内能查询？', '寄到国外的邮件多久之内能查询？'],
    ['包裹寄了三個月還沒到。寄到國外的郵件多久之內能查詢？', '寄到國外的郵件多久之內能查詢？'],
    // One sentence: the story and the question are read together.
    ['包裹寄了三个月还没到，寄到国外的邮件多久之内能查询？', undefined],
    // Too short to decide alone, or asking nothing.
    ['包裹寄了三个月还没到。这合理吗？', undefined],
    ['寄到国外的邮件多久之内能查询？我等了三个月了。', undefined],
  ])('%s is led to the question %j', (question, asking) => {
    expect(askingSentence(question)).toBe(asking);
  });

  it.each<[string, string | undefined]>([
    ['上个月在县城加盟网点寄了箱特产，结果丢了，网点老板说总部不管，我能不能直接找总部品牌赔偿？', '我能不能直接找总部品牌赔偿？'],
    // Short, the clauses are a question with its context.
    ['快递丢了，网点不管，能找总部吗？', undefined],
    // The last clause asks nothing.
    ['上个月在县城加盟网点寄了箱特产，结果丢了，能不能找总部我也不知道，网点老板说总部不管。', undefined],
  ])('%s ends on the clause %j', (question, asking) => {
    expect(askingClause(question)).toBe(asking);
  });

  it.each<[string, string[]]>([
    ['收到汇款通知单几天内要去取，过期了怎么办', ['收到汇款通知单几天内要去取', '过期了怎么办']],
    // A clause telling what happened asks nothing.
    ['包裹丢了，怎么办', []],
    ['寄了好几天还没到，快递公司要赔吗', []],
  ])('%s asks in its clauses %j', (question, parts) => {
    expect(clauseQuestions(question)).toEqual(parts);
  });

  it.each<[string, string[]]>([
    ['包裹丢了，找谁赔？', ['包裹丢了，', '找谁赔？']],
    // A space between two clauses typed without punctuation ends the first; nothing is lost.
    ['邮局说不赔 有没有道理', ['邮局说不赔 ', '有没有道理']],
    ['DHL 的运费怎么算', ['DHL 的运费怎么算']],
  ])('%s has the clauses %j', (question, clauses) => {
    expect(clausesOf(question)).toEqual(clauses);
    expect(clausesOf(question).join('')).toBe(question);
  });

  it('reads quoted names whole, split at enumeration marks', () => {
    expect(quotedSegments('“四个严防、两个确保”是什么？')).toEqual(['四个严防', '两个确保']);
  });
});
