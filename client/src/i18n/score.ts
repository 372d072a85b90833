/**
 * The score: how equity is made (the leaderboard's breakdown of my company), what wins (the host's
 * choice in the create form, on the leaderboard and in the debrief). English and Chinese side by side.
 */
export const scoreEn = {
  "score.breakdownSites":
    "Equity {equity} = cash {cash} + bitcoin {btc} + machines at the bid {machines} + own sites {sites} − owed {owed}",
  "score.breakdown":
    "Equity {equity} = cash {cash} + bitcoin {btc} + machines at the bid {machines} − owed {owed}",
  "score.breakdown.hint":
    "Machines count at what the used market would pay for your whole fleet today: the world's price less the dealers' spread, and less again beyond what the market takes of one kind at once, because a big fleet sold at once fetches less. No purchase or sale, yours or a rival's, raises your equity.",
  "score.by": "What wins",
  "score.by.hint": "The measure the leaderboard ranks companies by, and the debrief names the winner by.",
  "score.by.equity": "Equity",
  "score.by.btcMined": "Bitcoin mined",
  "score.by.efficiency": "Fleet efficiency (J/TH)",
  "score.by.carbon": "Carbon per bitcoin",
  "score.by.mix": "A mix of the four",
  "score.rankedBy": "Ranked by: {measure}",
  "score.mixValue": "avg. place {n}",
  "score.carbonValue": "{t} t CO₂/BTC",
  "score.none": "–",
  "score.debriefBy": "What won: {measure}",
};

export const scoreZh: Record<keyof typeof scoreEn, string> = {
  "score.breakdown": "净资产 {equity} = 现金 {cash} + 比特币 {btc} + 按买价计的矿机 {machines} − 欠款 {owed}",
  "score.breakdownSites":
    "净资产 {equity} = 现金 {cash} + 比特币 {btc} + 按买价计的矿机 {machines} + 自建矿场 {sites} − 欠款 {owed}",
  "score.breakdown.hint":
    "矿机按二手市场今天收购你整支矿机队伍的价格计算：世界价格减去经销商的差价；同一类矿机超出市场一次能吸收的部分再打折扣，因为一次卖出大批矿机卖不出高价。任何买卖，无论是你的还是对手的，都不会抬高你的净资产。",
  "score.by": "胜负标准",
  "score.by.hint": "排行榜按此标准给公司排名，复盘也按它宣布赢家。",
  "score.by.equity": "净资产",
  "score.by.btcMined": "挖到的比特币",
  "score.by.efficiency": "矿机队伍能效（J/TH）",
  "score.by.carbon": "每枚比特币的碳排放",
  "score.by.mix": "四项综合",
  "score.rankedBy": "排名标准：{measure}",
  "score.mixValue": "平均名次 {n}",
  "score.carbonValue": "{t} 吨 CO₂/BTC",
  "score.none": "–",
  "score.debriefBy": "胜负标准：{measure}",
};
