/**
 * The factory queue (issue #13 §3): the shop's pre-order bid and quote, my pre-orders, and the glossary's
 * "pre-order" and "factory queue". English and Chinese side by side.
 */
export const factoryQueueEn = {
  "factoryQueue.premium": "Pre-order bid, % over list",
  "factoryQueue.quote":
    "Factory queue: place {pos} of {len} · list {list} each{demand}{bid} · ships {schedule}",
  "factoryQueue.demand": " (demand +{pct}%)",
  "factoryQueue.bid": " · your bid +{pct}%: {unit} each",
  "factoryQueue.batch": "{n} on {date}",
  "factoryQueue.batches": "{first} … last on {last} ({n} batches)",
  "factoryQueue.full":
    "{n} units would not fit in the factory queue's next two years: order fewer or bid more.",
  "factoryQueue.mine": "My pre-orders",
  "factoryQueue.none": "No pre-orders in a factory queue.",
  "factoryQueue.row": "{qty} × {model} at {factory}: place {pos} of {len}, bid +{pct}% · ships {schedule}",
  "factoryQueue.bumped": "pushed back by a higher bid: cancelling costs no penalty",
  "factoryQueue.cancel": "Cancel: refund {refund}",
  "term.preorder": "Pre-order",
  "term.preorder.text":
    "Every factory order is a pre-order: you pay now, and the factory ships your machines in monthly batches as its output allows. A bid over list moves you ahead of other buyers; a later, higher bid can push you back. Cancelling refunds the price less a penalty, none if a higher bid pushed you back.",
  "term.factoryQueue": "Factory queue",
  "term.factoryQueue.text":
    "A factory makes only so many machines a month beyond what the rest of the world buys. Pre-orders wait in its factory queue, highest bid first, then first come; the more of the next months is booked, the higher the list price.",
};

export const factoryQueueZh: Record<keyof typeof factoryQueueEn, string> = {
  "factoryQueue.premium": "预购出价，高于标价 %",
  "factoryQueue.quote":
    "工厂排队：第 {pos} 位（共 {len} 笔）· 标价每台 {list}{demand}{bid} · 出厂 {schedule}",
  "factoryQueue.demand": "（需求 +{pct}%）",
  "factoryQueue.bid": " · 你的出价 +{pct}%：每台 {unit}",
  "factoryQueue.batch": "{date} {n} 台",
  "factoryQueue.batches": "{first} … 最后一批 {last}（共 {n} 批）",
  "factoryQueue.full": "有 {n} 台排不进工厂排队未来两年的产能：请少订一些或提高出价。",
  "factoryQueue.mine": "我的预购",
  "factoryQueue.none": "工厂排队中没有你的预购。",
  "factoryQueue.row":
    "{qty} × {model}，{factory}：第 {pos} 位（共 {len} 笔），出价 +{pct}% · 出厂 {schedule}",
  "factoryQueue.bumped": "被更高出价挤到后面：取消免违约金",
  "factoryQueue.cancel": "取消：退款 {refund}",
  "term.preorder": "预购",
  "term.preorder.text":
    "工厂订单都是预购：现在付款，工厂按产能每月分批发出你的矿机。高于标价的出价让你排到其他买家前面；之后更高的出价也可能把你挤到后面。取消预购会退款但扣除违约金；若是被更高出价挤到后面，则不扣。",
  "term.factoryQueue": "工厂排队",
  "term.factoryQueue.text":
    "除了满足世界其他矿工的采购，工厂每月能多造的矿机有限。预购在工厂排队中等候：出价高者优先，同价先到先得；未来几个月订得越满，标价越高。",
};
