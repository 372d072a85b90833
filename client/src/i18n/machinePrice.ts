/**
 * Machine prices that follow the market (issue #16, shared/engine/machinePrice.ts): the shop's line
 * under the models and the glossary's "machine price". English and Chinese side by side.
 */
export const machinePriceEn = {
  "machinePrice.note": "Machine prices follow hashprice: up with it within a month, down only over months.",
  "term.machinePrice": "Machine price",
  "term.machinePrice.text":
    "Per TH/s, a new machine of the best model costs what it would earn over most of a year at the hashprice machines are priced on; older models cost less per TH/s. That hashprice rises with the market within about a month but comes down only over months (list prices and pre-orders are set ahead), and the days after the next halving count at half the subsidy, so machines get cheaper before a halving. Used machines are priced on the same hashprice.",
};

export const machinePriceZh: Record<keyof typeof machinePriceEn, string> = {
  "machinePrice.note": "矿机价格跟随算力收益：一个月内随之上涨，下跌则要经过数月。",
  "term.machinePrice": "矿机价格",
  "term.machinePrice.text":
    "按每 TH/s 计，最佳型号的新矿机价格约等于它按定价所用的算力收益挖矿大半年的收入；较旧的型号每 TH/s 更便宜。这一算力收益在约一个月内随市场上涨，下跌却要经过数月（标价和预购都是提前定下的）；下一次减半之后的日子只按一半补贴计算，所以减半前矿机会变便宜。二手矿机也按同一算力收益定价。",
};
