/**
 * Round mode, match length and forecast scores (issue #13 §5): the round summary overlay, the host's
 * round controls, the create form's presets and expected length, the debrief's forecast scores.
 * English and Chinese side by side.
 */
export const roundsEn = {
  "term.round": "Round",
  "term.round.text":
    "In round mode the game pauses at each retarget, each month or each quarter: a short window to read what happened and decide, like a board game's rounds. The host can continue early.",
  "term.forecastScore": "Forecast score",
  "term.forecastScore.text":
    "Points for forecasts that came true: up to 100 each, fewer the further a number was from what happened (half every 2 percentage points off).",
  "rounds.title": "Round {n} · {from} – {to}",
  "rounds.at.retarget": "each retarget",
  "rounds.at.month": "each month",
  "rounds.at.quarter": "each quarter",
  "rounds.mode": "Rounds",
  "rounds.mode.hint":
    "Round mode: the game pauses at each retarget, each month or each quarter for a short decision window, with a summary of the round.",
  "rounds.mode.off": "Off (the clock runs on)",
  "rounds.mode.on": "Pause at {at}, {s} s to decide",
  "rounds.window": "Decision window",
  "rounds.secondsLeft": "{s} s to decide",
  "rounds.continue": "Continue now",
  "rounds.dismiss": "Hide",
  "rounds.price": "Bitcoin {from} → {to} ({pct})",
  "rounds.retargets": "Difficulty changed {changes}",
  "rounds.noRetarget": "No retarget this round",
  "rounds.halvings": "A halving: the block subsidy was cut in half",
  "rounds.news": "In the news",
  "rounds.companies": "What each company did",
  "rounds.nothing": "nothing",
  "rounds.next": "Next retarget in {blocks} blocks (about {days} days): {estimate}",
  "rounds.next.estimate": "estimated {pct}",
  "rounds.next.early": "too early to estimate",
  "rounds.forecastHint": "Forecast it now on the prediction card: closer forecasts score more.",
  "rounds.lastTitle": "Last round",
  "lobby.preset": "Preset",
  "lobby.preset.hint":
    "Presets choose the pace (and, for a class, rounds) so that the match lasts 20–40 minutes.",
  "lobby.preset.lobby": "Lobby game: no rounds",
  "lobby.preset.classroom": "Classroom: a round each month (each quarter in a decade)",
  "lobby.preset.custom": "Custom",
  "lobby.expected": "Expected length: about {min} minutes ({days} game days at {pace}×{extra})",
  "lobby.expected.rounds": ", {n} rounds of {s} s",
  "debrief.forecasts": "Forecast scores",
  "debrief.forecasts.hint":
    "Each forecast with a measured outcome scores up to 100 points: a number by how close it came (half the points every 2 percentage points off), a choice when it was right.",
  "debrief.forecasts.row": "{name}: {points} points ({answered} of {asked} forecasts)",
  "debrief.forecasts.points": "{points} points",
};

export const roundsZh: Record<keyof typeof roundsEn, string> = {
  "term.round": "回合",
  "term.round.text":
    "回合模式下，游戏在每次难度调整、每个月末或每个季度末暂停：留出一小段时间了解发生了什么并作出决定，就像桌游的回合。主持人可以提前继续。",
  "term.forecastScore": "预测得分",
  "term.forecastScore.text":
    "预测应验即得分：每次最多 100 分，数字离实际结果越远得分越少（每偏差 2 个百分点减半）。",
  "rounds.title": "第 {n} 回合 · {from} – {to}",
  "rounds.at.retarget": "每次难度调整",
  "rounds.at.month": "每个月末",
  "rounds.at.quarter": "每个季度末",
  "rounds.mode": "回合",
  "rounds.mode.hint":
    "回合模式：游戏在每次难度调整、每个月末或每个季度末暂停，留出简短的决策时间，并给出本回合总结。",
  "rounds.mode.off": "关闭（时钟持续运行）",
  "rounds.mode.on": "在{at}暂停，决策时间 {s} 秒",
  "rounds.window": "决策时间",
  "rounds.secondsLeft": "还剩 {s} 秒决策",
  "rounds.continue": "立即继续",
  "rounds.dismiss": "隐藏",
  "rounds.price": "比特币 {from} → {to}（{pct}）",
  "rounds.retargets": "难度变化 {changes}",
  "rounds.noRetarget": "本回合没有难度调整",
  "rounds.halvings": "减半：区块补贴减少一半",
  "rounds.news": "新闻",
  "rounds.companies": "各公司的行动",
  "rounds.nothing": "无",
  "rounds.next": "下一次难度调整还有 {blocks} 个区块（约 {days} 天）：{estimate}",
  "rounds.next.estimate": "预计 {pct}",
  "rounds.next.early": "为时尚早，无法估计",
  "rounds.forecastHint": "现在就在预测卡上作出预测：越接近，得分越高。",
  "rounds.lastTitle": "上一回合",
  "lobby.preset": "预设",
  "lobby.preset.hint": "预设会选择速度（课堂还会选择回合），使一局游戏持续 20–40 分钟。",
  "lobby.preset.lobby": "大厅游戏：无回合",
  "lobby.preset.classroom": "课堂：每月一个回合（十年一局时每季度一个）",
  "lobby.preset.custom": "自定义",
  "lobby.expected": "预计时长：约 {min} 分钟（{days} 个游戏日，速度 {pace}×{extra}）",
  "lobby.expected.rounds": "，{n} 个回合，每个 {s} 秒",
  "debrief.forecasts": "预测得分",
  "debrief.forecasts.hint":
    "每个有实测结果的预测最多得 100 分：数字按接近程度计分（每偏差 2 个百分点得分减半），选项选对即得分。",
  "debrief.forecasts.row": "{name}：{points} 分（{asked} 次预测中答了 {answered} 次）",
  "debrief.forecasts.points": "{points} 分",
};
