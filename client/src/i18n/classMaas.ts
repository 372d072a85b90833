/**
 * The class-sized world (the create form's option, the share of the network on the HUD and projector)
 * and machine leases (the offers panel). English and Chinese side by side.
 */
export const classMaasEn = {
  "term.classWorld": "Class-sized world",
  "term.classWorld.text":
    "A game option: the rest of the world's miners are scaled down so that the class's companies hold a large share of the network. Difficulty becomes a commons: each company's new machines slow everyone's blocks until the retarget raises it for all.",
  "term.machineLease": "Machine lease",
  "term.machineLease.text":
    "Machines as a service: an owner leases a lot's hashrate to another company for a term, for an upfront and a daily fee. The owner runs the machines and pays the power; the lessee gets the BTC.",
  "cw.option": "Class-sized world",
  "cw.option.hint":
    "The rest of the world is shrunk so that the companies in this game hold a large share of the network (often 30–60%): every machine you switch on raises the difficulty for everyone. A machine earns and costs what it does in the full world: factories, hosting and used markets keep their full size.",
  "cw.share": "Players' share: {pct}",
  "cw.shareLabel": "Players' share",
  "cw.share.hint": "The share of the network's hashrate that the companies in this game run today.",
  "ml.title": "Machine leases",
  "ml.none": "No machine leases.",
  "ml.row": "Lease {id} · lot {lot} · {from} → {to} · {term} days · {upfront} upfront + {daily}/day",
  "ml.status.open": "offered",
  "ml.status.active": "running until day {end}",
  "ml.status.ended": "ended",
  "ml.accept": "Take the lease",
  "ml.decline": "Decline",
  "ml.withdraw": "Withdraw",
  "ml.offer": "Lease its hashrate",
  "ml.net": "Over the term at today's figures: the lessee nets {lessee}, the owner {owner} after power.",
  "ml.fill": "Pick an installed lot, a lessee and the fees to see what the lease brings each side.",
  "ml.form.lot": "Lot (installed)",
  "ml.form.to": "Lessee",
  "ml.form.term": "Term (days)",
  "ml.form.daily": "Daily fee ($)",
  "ml.form.upfront": "Upfront fee ($)",
  "ml.quote": "Today: {value}/day of BTC to the lessee; {power}/day of power for the owner",
  "ml.rules":
    "The owner keeps the machines, runs them and pays their power; the lessee gets their BTC and pays the fees. Under a ban nothing is delivered and no daily fee is due; a seizure or sale ends the lease; a lessee who cannot pay a day's fee defaults and the machines return.",
};

export const classMaasZh: Record<keyof typeof classMaasEn, string> = {
  "term.classWorld": "班级规模世界",
  "term.classWorld.text":
    "一个游戏选项：世界其余的矿工按比例缩小，使全班各公司占全网算力的很大份额。难度成为公共资源：每家公司新增的矿机都会让所有人的出块变慢，直到难度调整为所有人抬高难度。",
  "term.machineLease": "矿机租赁",
  "term.machineLease.text":
    "矿机即服务：机主把一批矿机的算力租给另一家公司一段时间，收取预付和每日租金。机主运行矿机并承担电费；承租方获得比特币。",
  "cw.option": "班级规模世界",
  "cw.option.hint":
    "世界其余的矿机按比例缩小，使本局各公司合计占全网算力的很大份额（常在 30–60%）：你开启的每台矿机都会抬高所有人的难度。一台矿机的收益和价格与完整世界中相同：工厂、托管容量和二手市场都保持完整规模。",
  "cw.share": "玩家算力占比：{pct}",
  "cw.shareLabel": "玩家算力占比",
  "cw.share.hint": "本局各公司今天运行的算力占全网算力的比例。",
  "ml.title": "矿机租赁",
  "ml.none": "没有矿机租赁。",
  "ml.row": "租赁 {id} · 批次 {lot} · {from} → {to} · {term} 天 · 预付 {upfront} + 每天 {daily}",
  "ml.status.open": "报价中",
  "ml.status.active": "执行中，至第 {end} 天",
  "ml.status.ended": "已结束",
  "ml.accept": "接受租赁",
  "ml.decline": "拒绝",
  "ml.withdraw": "撤回",
  "ml.offer": "出租其算力",
  "ml.net": "按今日数据，整个租期内：承租方净得 {lessee}，机主扣除电费后净得 {owner}。",
  "ml.fill": "选择已安装的批次、承租方和租金，即可看到租赁给双方带来的收益。",
  "ml.form.lot": "批次（已安装）",
  "ml.form.to": "承租方",
  "ml.form.term": "租期（天）",
  "ml.form.daily": "每日租金（美元）",
  "ml.form.upfront": "预付租金（美元）",
  "ml.quote": "按今日：承租方每天获得 {value} 的比特币；机主每天承担 {power} 电费",
  "ml.rules":
    "机主保留矿机、负责运行并承担电费；承租方获得矿机挖出的比特币并支付租金。禁令期间不交付算力，也不收当日租金；矿机被没收或售出则租赁终止；承租方无力支付当日租金即为违约，矿机归还机主。",
};
