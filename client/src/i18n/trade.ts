/**
 * Shipping trade-offs (issue #13 §4): the landed cost with what time costs, the customs broker, the
 * carbon levy in a lease quote, grey mining under a ban, and their glossary tips. English and Chinese
 * side by side.
 */
export const tradeEn = {
  "trade.ship.broker": "Customs broker",
  "trade.ship.broker.standard": "Standard (no fee; slower licences, more inspections)",
  "trade.ship.broker.premium": "Premium (a fee; licences in half the time, fewer inspections)",
  "trade.ship.landed": "landed ≈ {landed} · time {time} ({perDay}/day)",
  "trade.ship.fees": "broker {broker} · licence {licence} · expected hold {days} days",
  "trade.ship.aircraft": "needs {n} aircraft: dearer and later",
  "trade.ship.total":
    "Landed cost about {landed}: {total} in freight, duty and VAT, fees and storage {fees}, and {time} for {days} days of machines not hashing and capital tied up.",
  "trade.lease.levy": "Carbon levy {rate}/t: adds {levy} per kWh on this supply.",
  "trade.grey.risk":
    "Mining is banned here: machines left on risk seizure, about {pct} a day at your {kw} kW after {days} days of the ban.",
  "term.landed": "Landed cost",
  "term.landed.text":
    "Everything a shipment costs until the machines can hash: freight, insurance, duty and VAT, the broker's and licence fees, expected storage, and time: each day in transit or at customs loses that day's mining margin and ties up capital. Cheap and slow can cost more than fast and dear.",
  "term.broker": "Customs broker",
  "term.broker.text":
    "Files your papers at customs. A premium broker charges a fee but gets an import licence in about half the time and is inspected less often; a standard one is free but slower.",
  "term.grey": "Grey mining",
  "term.grey.text":
    "Keeping machines running where mining is banned. It pays while it lasts, but each day they may be seized, and the odds grow with the power you draw and the time the ban has run.",
};

export const tradeZh: Record<keyof typeof tradeEn, string> = {
  "trade.ship.broker": "清关代理",
  "trade.ship.broker.standard": "标准（无费用；许可较慢，查验较多）",
  "trade.ship.broker.premium": "高级（收费；许可用时减半，查验较少）",
  "trade.ship.landed": "到岸总成本 ≈ {landed} · 时间成本 {time}（每天 {perDay}）",
  "trade.ship.fees": "代理费 {broker} · 许可费 {licence} · 预计滞留 {days} 天",
  "trade.ship.aircraft": "需要 {n} 架飞机：更贵也更慢",
  "trade.ship.total":
    "到岸总成本约 {landed}：运费、关税和增值税 {total}，费用与仓储 {fees}，以及 {days} 天矿机停机和资金占用的时间成本 {time}。",
  "trade.lease.levy": "碳税每吨 {rate}：此电源每千瓦时增加 {levy}。",
  "trade.grey.risk":
    "此地禁止挖矿：仍在运行的矿机可能被没收，按你的 {kw} 千瓦、禁令已持续 {days} 天计，每天约 {pct}。",
  "term.landed": "到岸总成本",
  "term.landed.text":
    "一批货物在矿机开始挖矿之前的全部成本：运费、保险、关税和增值税、清关代理费和许可费、预计仓储费，以及时间：在途或在清关中的每一天都损失当天的挖矿利润并占用资金。便宜而慢的方式可能比快而贵的更花钱。",
  "term.broker": "清关代理",
  "term.broker.text":
    "在海关为你办理清关手续。高级代理收费，但取得进口许可的时间约减半，被查验的次数也更少；标准代理免费但较慢。",
  "term.grey": "灰色挖矿",
  "term.grey.text":
    "在禁止挖矿的地方继续运行矿机。只要还在运行就有收益，但每天都可能被没收，而且概率随你的用电量和禁令持续时间而上升。",
};
