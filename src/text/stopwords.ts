/**
 * Function words and question words that carry no topic. Applied to normalized (Simplified) tokens,
 * so one list serves both scripts. Kept short on purpose: domain words like 要求 or 工作 stay searchable.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `的 了 和 与 及 以及 或 或者 是 在 对 把 被 将 从 向 为 由 于 以 之 其 这 那 这个 那个 这些 那些 该 本
  也 都 还 又 就 才 而 并 并且 且 但 但是 则 即 等 等等 着 过 呢 吗 吧 啊 呀 么 嘛 个 一 一个 上 下 中 里 内
  不 没 未 什么 哪 哪个 哪些 哪里 哪儿 哪次 哪项 谁 怎么 怎样 怎么样 如何 多少 几 几个 为什么 是否 有没有 有 没有 要 会 能 可以 应 应当 请问 请
  吗 呢 所 所以 因为 如果 我 我们 你 你们 他 他们 她 它 们 各 每 之后 之前 时候 期间 方面 关于 进行 做 作 提出 提 到 给
  才能 才可以 问 问题 多长 多长时间 多久 多大 天内 日内 多少天 哪天 哪年 几天 具体 主要 一下 情况 有关 相关 方面 及其 指 指的是 包括 包含 含
  说 啥 咋 咋办 干嘛 干啥 干什么 还会 还能 还要 还得 会不会 能不能 可不可以 要不要 需不需要 到底 究竟 那阵子 那会儿 那时候 这阵子`
    .split(/\s+/u)
    .filter(Boolean),
);
