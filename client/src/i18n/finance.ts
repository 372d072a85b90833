/**
 * The finance panel's strings (issue #13 §4): the risk-free rate, loans, margin calls, collateral and
 * buying BTC, with the glossary's four new terms. English and Chinese side by side.
 */
export const financeEn = {
  "finance.rates":
    "Cash earns the risk-free rate: {rate} a year{estimate}. Interest earned {earned} · loan interest paid {paid} · debt {debt}",
  "finance.estimate": " (estimate)",
  "finance.greenYes":
    "Your fleet is low-carbon ({grams} g CO₂ per TH/s a day, at most {max}): loans cost less (green).",
  "finance.greenNo":
    "Your fleet emits {grams} g CO₂ per TH/s a day; below {max} your loans would cost less (green).",
  "finance.greenNone":
    "Install machines on clean power (below {max} g CO₂ per TH/s a day) for cheaper loans (green).",
  "finance.borrowTitle": "Borrow",
  "finance.amount": "Loan amount (USD)",
  "finance.term": "Term (days)",
  "finance.collateral": "Collateral: machines",
  "finance.collateralBtc": "Collateral: BTC",
  "finance.noLots": "No unpledged machines.",
  "finance.typeLoan": "Type an amount and choose collateral.",
  "finance.loanQuote":
    "Collateral worth {collateral} lends up to {max}. Loan to value {ltv} · rate {rate} (risk-free {rf} + spread {spread}{green}) · about {perDay} interest a day · due {due}.",
  "finance.loanTooBig": "Collateral worth {collateral} lends at most {max}.",
  "finance.marginLine":
    "A margin call comes if the collateral falls below {below} (loan to value above {maint}).",
  "finance.greenTag": ", green",
  "finance.borrow": "Borrow",
  "finance.loansTitle": "Your loans",
  "finance.noLoans": "No loans.",
  "finance.loanRow":
    "Loan {id}: {principal} at {rate} · collateral {collateral} ({lots} lots, {btc}) · loan to value {ltv} (margin call above {maint}) · due {due}",
  "finance.marginCallRow": "Margin call: repay by {date} or the collateral is sold.",
  "finance.repayLoan": "Loan to repay",
  "finance.repayAmount": "Repay (USD)",
  "finance.repayAll": "All",
  "finance.repay": "Repay",
  "finance.buyTitle": "Buy BTC for the treasury",
  "finance.buyBtc": "BTC to buy",
  "finance.typeBuy": "Type an amount of BTC.",
  "finance.buyQuote": "{btc} costs {usd} at {price} per BTC, plus a fee of {fee}: {total} in all.",
  "finance.buy": "Buy BTC",
  "finance.badUsd": "Type an amount in US dollars.",
  "term.loan": "Loan",
  "term.loan.text":
    "Cash borrowed against machines or BTC for a term. It costs the risk-free rate plus a spread that rises with the loan to value; interest is paid from cash every day, and the loan counts against your equity until repaid.",
  "term.marginCall": "Margin call",
  "term.marginCall.text":
    "When the collateral's value falls and the loan passes the maintenance loan to value, the lender gives a few days' notice. Repay part of the loan in time, or the collateral is sold through the market, as happened to miners in 2022.",
  "term.riskFree": "Risk-free rate",
  "term.riskFree.text":
    "What cash earns with no risk: the US 3-month Treasury bill rate of the month (FRED TB3MS). Near 0% in 2021, over 5% in 2023–24. Loans cost this plus a spread.",
  "term.collateral": "Collateral",
  "term.collateral.text":
    "Machines or BTC pledged to a loan, valued as the score values them: machines at the used market's bid with depth, BTC at today's price. Pledged, they cannot be sold until the loan is repaid.",
};

export const financeZh: Record<keyof typeof financeEn, string> = {
  "finance.rates":
    "现金按无风险利率计息：年化 {rate}{estimate}。已得利息 {earned} · 已付贷款利息 {paid} · 负债 {debt}",
  "finance.estimate": "（估计值）",
  "finance.greenYes": "你的矿机低碳（每 TH/s 每天 {grams} 克 CO₂，上限 {max}）：贷款更便宜（绿色）。",
  "finance.greenNo": "你的矿机每 TH/s 每天排放 {grams} 克 CO₂；低于 {max} 时贷款更便宜（绿色）。",
  "finance.greenNone": "把矿机安装在清洁电力上（每 TH/s 每天低于 {max} 克 CO₂）可获得更便宜的贷款（绿色）。",
  "finance.borrowTitle": "借款",
  "finance.amount": "贷款金额（美元）",
  "finance.term": "期限（天）",
  "finance.collateral": "抵押品：矿机",
  "finance.collateralBtc": "抵押品：BTC",
  "finance.noLots": "没有未抵押的矿机。",
  "finance.typeLoan": "请输入金额并选择抵押品。",
  "finance.loanQuote":
    "价值 {collateral} 的抵押品最多可贷 {max}。贷款价值比 {ltv} · 利率 {rate}（无风险利率 {rf} + 利差 {spread}{green}）· 每天利息约 {perDay} · 到期 {due}。",
  "finance.loanTooBig": "价值 {collateral} 的抵押品最多可贷 {max}。",
  "finance.marginLine": "若抵押品价值跌破 {below}（贷款价值比高于 {maint}），将收到追加保证金通知。",
  "finance.greenTag": "，绿色",
  "finance.borrow": "借款",
  "finance.loansTitle": "你的贷款",
  "finance.noLoans": "没有贷款。",
  "finance.loanRow":
    "贷款 {id}：{principal}，利率 {rate} · 抵押品 {collateral}（{lots} 批矿机，{btc}）· 贷款价值比 {ltv}（高于 {maint} 将追加保证金）· 到期 {due}",
  "finance.marginCallRow": "追加保证金：请在 {date} 前还款，否则抵押品将被出售。",
  "finance.repayLoan": "要偿还的贷款",
  "finance.repayAmount": "还款（美元）",
  "finance.repayAll": "全部",
  "finance.repay": "还款",
  "finance.buyTitle": "为资金库买入 BTC",
  "finance.buyBtc": "买入的 BTC 数量",
  "finance.typeBuy": "请输入 BTC 数量。",
  "finance.buyQuote": "按每 BTC {price}，{btc} 需 {usd}，另加手续费 {fee}：共 {total}。",
  "finance.buy": "买入 BTC",
  "finance.badUsd": "请输入美元金额。",
  "term.loan": "贷款",
  "term.loan.text":
    "以矿机或 BTC 作抵押、按期限借入的现金。成本为无风险利率加上随贷款价值比上升的利差；利息每天从现金支付，还清之前贷款从你的净资产中扣除。",
  "term.marginCall": "追加保证金",
  "term.marginCall.text":
    "抵押品价值下跌、贷款超过维持贷款价值比时，贷方会给出几天的通知。及时偿还部分贷款，否则抵押品将通过市场被出售，正如 2022 年的矿企所遭遇的那样。",
  "term.riskFree": "无风险利率",
  "term.riskFree.text":
    "现金在没有风险时的收益：当月美国 3 个月期国库券利率（FRED TB3MS）。2021 年接近 0%，2023–24 年超过 5%。贷款成本为此利率加上利差。",
  "term.collateral": "抵押品",
  "term.collateral.text":
    "抵押给贷款的矿机或 BTC，估值方式与得分相同：矿机按二手市场考虑深度的买价，BTC 按当日价格。抵押期间不能出售，直到还清贷款。",
};
