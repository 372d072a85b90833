/**
 * Bot levels in the host's seat controls (issue #14 §1): the level picker per bot seat, its glossary
 * tip, and the strategies' names as the roster shows them. English and Chinese side by side.
 */
export const stratapiEn = {
  "level.label": "Bot level",
  "level.forSeat": "Bot level for {seat}",
  "level.easy": "Easy",
  "level.normal": "Normal",
  "level.hard": "Hard",
  "term.botLevel": "Bot level",
  "term.botLevel.text":
    "How well a bot plays the seat: easy (a first-time student can beat it), normal, or hard (a strong player rarely beats it). The host picks it for each bot seat; the bot's strategy stays the same.",
  "strategy.efficiency": "efficiency",
  "strategy.cheap-power": "cheap power",
  "strategy.cautious": "cautious",
  "strategy.trader": "trader",
  "strategy.idle": "idle",
};

export const stratapiZh: Record<keyof typeof stratapiEn, string> = {
  "level.label": "机器人等级",
  "level.forSeat": "{seat} 的机器人等级",
  "level.easy": "简单",
  "level.normal": "普通",
  "level.hard": "困难",
  "term.botLevel": "机器人等级",
  "term.botLevel.text":
    "机器人经营这个席位的水平：简单（第一次玩的学生也能赢它）、普通，或困难（高手也很少能赢它）。主持人为每个机器人席位选择等级；机器人的策略不变。",
  "strategy.efficiency": "能效优先",
  "strategy.cheap-power": "廉价电力",
  "strategy.cautious": "稳健",
  "strategy.trader": "交易商",
  "strategy.idle": "闲置",
};
