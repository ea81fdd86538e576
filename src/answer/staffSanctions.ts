import { type AnswerKind, holdsKind } from './answerability.ts';

/** What a question asking for a sanction asks for: a penalty, its consequence, a sum. */
export const SANCTION_KINDS: readonly AnswerKind[] = ['penalty', 'consequence', 'amount'];
/** The person himself rather than his company (他个人罚多少, 快递员本人). */
const PERSONAL = /(?:个人|本人|自己)(?!信息|隐私|资料|的信息)/u;
/** Who a provision fines or disciplines besides the company. */
const STAFF = /从业人员|直接负责的主管人员|直接责任人员|工作人员/u;

/** The question asks what the employee himself is fined (快递员个人卖了客户信息，罚他多少). */
export function asksPersonalSanction(normalizedQuestion: string, kinds: readonly AnswerKind[]): boolean {
  return kinds.some((k) => SANCTION_KINDS.includes(k)) && PERSONAL.test(normalizedQuestion);
}

/** The text fines or disciplines staff (从业人员有前款规定的违法行为的，…并处五千元以上一万元以下的罚款). */
export function sanctionsStaff(normalizedText: string): boolean {
  return STAFF.test(normalizedText) && holdsKind('penalty', normalizedText);
}
