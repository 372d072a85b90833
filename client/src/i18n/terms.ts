/**
 * The one glossary of the game's terms: for each concept, the English and the Chinese word every string
 * uses, and the Chinese variants that must not appear (they name the same thing differently, so a class
 * reading both would think there are two things). tests/client/glossary-terms.test.ts checks every
 * Chinese string of the client's dictionaries against it: an English string naming a concept has the
 * Chinese term in its translation, and no Chinese string uses a banned variant.
 */
export interface GlossaryTerm {
  /** The concept's id (also the glossary tip's term, when it has one). */
  id: string;
  /** How English strings name it (matched case-insensitively as a word start). */
  en: string;
  /** The one Chinese term. */
  zh: string;
  /** Other Chinese words for the same concept, never to be used (regular expressions' sources). */
  banned: readonly string[];
}

/** Names that contain a term without being about it (the game's own name). */
export const NOT_TERMS: readonly string[] = ["Hashrate Atlas"];

export const GLOSSARY: readonly GlossaryTerm[] = [
  { id: "hashprice", en: "hashprice", zh: "算力收益", banned: ["哈希价格", "算力价格", "哈希价"] },
  { id: "hashrate", en: "hashrate", zh: "算力", banned: ["哈希率", "哈希算力"] },
  { id: "difficulty", en: "difficulty", zh: "难度", banned: ["困难度"] },
  { id: "retarget", en: "retarget", zh: "难度调整", banned: ["重定目标", "目标调整"] },
  { id: "round", en: "round", zh: "回合", banned: ["轮次"] },
  { id: "forecastScore", en: "forecast score", zh: "预测得分", banned: ["预测分数"] },
  { id: "halving", en: "halving", zh: "减半", banned: ["减产"] },
  { id: "equity", en: "equity", zh: "净资产", banned: ["权益", "股本"] },
  { id: "breakeven", en: "breakeven", zh: "盈亏平衡", banned: ["保本", "收支平衡"] },
  { id: "lease", en: "lease", zh: "租", banned: ["出租电力"] },
  { id: "lot", en: "lot", zh: "批", banned: ["批号"] },
  { id: "machine", en: "machine", zh: "矿机", banned: ["机器(?!人)"] },
  { id: "tariff", en: "tariff", zh: "关税", banned: [] },
  { id: "customs", en: "customs", zh: "清关", banned: ["海关放行"] },
  { id: "landed", en: "landed cost", zh: "到岸总成本", banned: [] },
  { id: "broker", en: "customs broker", zh: "清关代理", banned: [] },
  { id: "grey", en: "grey mining", zh: "灰色挖矿", banned: [] },
  { id: "covert", en: "covert mining", zh: "隐蔽挖矿", banned: ["地下挖矿"] },
  { id: "preorder", en: "pre-order", zh: "预购", banned: ["预订"] },
  { id: "factoryQueue", en: "factory queue", zh: "工厂排队", banned: ["排产队列"] },
  { id: "usedMarket", en: "used market", zh: "二手市场", banned: ["旧机市场", "二手交易市场"] },
  // Finance (issue #13 §4).
  { id: "loan", en: "loan", zh: "贷款", banned: ["借贷款项"] },
  { id: "marginCall", en: "margin call", zh: "追加保证金", banned: ["保证金追缴", "补仓通知"] },
  { id: "riskFree", en: "risk-free rate", zh: "无风险利率", banned: ["无风险收益率"] },
  { id: "collateral", en: "collateral", zh: "抵押品", banned: ["担保品", "质押物"] },
  { id: "crunch", en: "hosting crunch", zh: "托管紧缺", banned: ["托管危机"] },
  { id: "ownSite", en: "own site", zh: "自建矿场", banned: ["自有站点"] },
  { id: "hostingContract", en: "hosting contract", zh: "托管合同", banned: ["托管协议"] },
];
