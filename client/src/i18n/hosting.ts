/**
 * The hosting layer's strings (issue #13 §3): the region card's use, price, queue and own-site forms,
 * the offers panel's hosting deals, and the glossary's "hosting crunch", "own site", "hosting contract".
 * English and Chinese side by side; a lease is 租, an own site 自建矿场, a hosting contract 托管合同.
 */
export const hostingEn = {
  "hosting.title": "Hosting here",
  "hosting.facts": "{use}% used · hosting {price}/kW-month (base {base}) · queue: {queued} kW",
  "hosting.crunch": "Hosting crunch: the world's machines take every free rack; new leases queue.",
  "hosting.wait": "A lease of {kw} kW would wait about {days} days (until {date}).",
  "hosting.waitNow": "A lease of {kw} kW fits now.",
  "hosting.waitUnknown": "A lease of {kw} kW waits for space to free: this region does not grow.",
  "hosting.queueKw": "kW to queue for",
  "hosting.bid": "Bid, $ per kW-month (optional)",
  "hosting.queueButton": "Join the queue",
  "hosting.leaveButton": "Leave the queue",
  "hosting.queueQuote": "Locks {price}/kW-month; the first month ({setup}) is paid when served.",
  "hosting.site": "Build your own site",
  "hosting.siteKw": "Site kW",
  "hosting.siteButton": "Build site",
  "hosting.siteQuote":
    "Capital {capex} now · ready {date} ({days} days) · upkeep {upkeep}/month · saves {saved}/month of hosting at today's price.",
  "hosting.mine": "Mine here: {items}",
  "hosting.mineNone": "No queued lease nor own site here.",
  "hosting.item.queue": "queued for {kw} kW",
  "hosting.item.site": "own site {kw} kW, ready {date}",
  "hosting.item.siteBuilt": "own site {kw} kW (built)",
  "hosting.deals": "Hosting contracts",
  "hosting.dealsNone": "No hosting offers or contracts.",
  "hosting.deal.offerIn":
    "{from} offers to host {kw} kW in {region} for {months} months at {price}/kW-month (until {date}).",
  "hosting.deal.offerOut":
    "You offer {to} {kw} kW in {region} for {months} months at {price}/kW-month (until {date}).",
  "hosting.deal.host": "You host {to}: {kw} kW in {region} at {price}/kW-month until {date}.",
  "hosting.deal.guest": "{from} hosts you: {kw} kW in {region} at {price}/kW-month until {date}.",
  "hosting.offerTitle": "Offer spare kW of your own site",
  "hosting.offerRegion": "Region",
  "hosting.offerTo": "To",
  "hosting.offerKw": "kW",
  "hosting.offerPrice": "$ per kW-month",
  "hosting.offerMonths": "Months",
  "hosting.offerButton": "Offer hosting",
  "hosting.offerQuote":
    "Spare own kW there: {spare} · {month} a month, {total} over the term · the region's price today: {market}/kW-month.",
  "hosting.accept": "Accept",
  "hosting.decline": "Decline",
  "term.crunch": "Hosting crunch",
  "term.crunch.text":
    "When the world's machines find no room, no space is kept for players: a full region's leases queue (a higher bid is served first) and its hosting price rises with its use, as in Kazakhstan and Texas in September 2021.",
  "term.ownSite": "Own site",
  "term.ownSite.text":
    "Capacity you build: capital now, months of construction, then kW that are yours, with no hosting fee (upkeep instead), added to the region.",
  "term.hostingContract": "Hosting contract",
  "term.hostingContract.text":
    "A site owner hosts another company's machines on spare kW for a term and a price per kW-month. A ban ends it at once; if the guest defaults the host takes the kW back; if the host goes bankrupt the guest keeps the space at the region's price.",
};

export const hostingZh: Record<keyof typeof hostingEn, string> = {
  "hosting.title": "本地托管",
  "hosting.facts": "已用 {use}% · 托管费每千瓦每月 {price}（基准 {base}）· 排队：{queued} 千瓦",
  "hosting.crunch": "托管紧缺：全球矿机占满所有空位；新租约需排队。",
  "hosting.wait": "租用 {kw} 千瓦预计需等待约 {days} 天（至 {date}）。",
  "hosting.waitNow": "租用 {kw} 千瓦现在即可安排。",
  "hosting.waitUnknown": "租用 {kw} 千瓦需等待空间释放：该地区容量不再增长。",
  "hosting.queueKw": "排队租用千瓦数",
  "hosting.bid": "出价，每千瓦每月美元（可选）",
  "hosting.queueButton": "排队租用",
  "hosting.leaveButton": "退出排队",
  "hosting.queueQuote": "锁定每千瓦每月 {price}；获得空间时支付首月租金（{setup}）。",
  "hosting.site": "建设自建矿场",
  "hosting.siteKw": "矿场千瓦数",
  "hosting.siteButton": "建设矿场",
  "hosting.siteQuote":
    "现付资本 {capex} · {date} 建成（{days} 天）· 每月维护 {upkeep} · 按今日价格每月节省托管费 {saved}。",
  "hosting.mine": "我在此地：{items}",
  "hosting.mineNone": "此地没有排队租约或自建矿场。",
  "hosting.item.queue": "排队租用 {kw} 千瓦",
  "hosting.item.site": "自建矿场 {kw} 千瓦，{date} 建成",
  "hosting.item.siteBuilt": "自建矿场 {kw} 千瓦（已建成）",
  "hosting.deals": "托管合同",
  "hosting.dealsNone": "没有托管报价或托管合同。",
  "hosting.deal.offerIn":
    "{from} 提出在{region}为你托管 {kw} 千瓦，为期 {months} 个月，每千瓦每月 {price}（有效至 {date}）。",
  "hosting.deal.offerOut":
    "你向 {to} 提供{region}的 {kw} 千瓦托管，为期 {months} 个月，每千瓦每月 {price}（有效至 {date}）。",
  "hosting.deal.host": "你为 {to} 托管：{region} {kw} 千瓦，每千瓦每月 {price}，至 {date}。",
  "hosting.deal.guest": "{from} 为你托管：{region} {kw} 千瓦，每千瓦每月 {price}，至 {date}。",
  "hosting.offerTitle": "出让自建矿场的空余千瓦",
  "hosting.offerRegion": "地区",
  "hosting.offerTo": "对象",
  "hosting.offerKw": "千瓦",
  "hosting.offerPrice": "每千瓦每月美元",
  "hosting.offerMonths": "月数",
  "hosting.offerButton": "提供托管",
  "hosting.offerQuote":
    "该地自有空余：{spare} 千瓦 · 每月 {month}，全期 {total} · 该地区今日价格：每千瓦每月 {market}。",
  "hosting.accept": "接受",
  "hosting.decline": "拒绝",
  "term.crunch": "托管紧缺",
  "term.crunch.text":
    "当全球矿机找不到空位时，不再为玩家保留空间：满载地区的新租约需排队（出价高者优先），托管价格随使用率上升，正如 2021 年 9 月的哈萨克斯坦和得克萨斯。",
  "term.ownSite": "自建矿场",
  "term.ownSite.text":
    "你自己建设的容量：现付资本，建设数月，之后千瓦归你所有，无需托管费（需付维护费），并计入该地区容量。",
  "term.hostingContract": "托管合同",
  "term.hostingContract.text":
    "矿场所有者以空余千瓦为其他公司托管矿机，约定期限和每千瓦每月价格。禁令使合同立即终止；托管方违约时场地方收回千瓦；场地方破产时托管方按地区价格保留空间。",
};
