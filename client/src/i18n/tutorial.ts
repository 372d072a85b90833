/**
 * The tutorial's and the glossary's strings: the guided first game (the core loop of issue #13: factory
 * queue or used market, lease, money, score, landed cost, install) and the short definitions shown beside
 * J/TH, hashprice, difficulty and breakeven wherever they appear. English and Chinese side by side.
 */
export const tutorialEn = {
  "term.jth": "J/TH (efficiency)",
  "term.jth.text":
    "Joules of electricity a machine burns per terahash. Lower is better: a 20 J/TH machine pays half the power bill of a 40 J/TH one for the same work.",
  "term.hashprice": "Hashprice",
  "term.hashprice.text":
    "What one unit of hashrate earns per day: the block subsidy and fees shared over the whole network's hashrate, at today's BTC price. It falls when difficulty rises or at a halving, and moves with the BTC price.",
  "term.difficulty": "Difficulty",
  "term.difficulty.text":
    "How hard it is to find a block. Every 2,016 blocks the protocol retargets it so that blocks come every 10 minutes on average: more machines switched on means a higher difficulty and less bitcoin for each of them.",
  "term.breakeven": "Breakeven power price",
  "term.breakeven.text":
    "The power price at which a machine's daily revenue (hashprice × its hashrate) just pays its electricity. Below it the machine earns money; above it, it loses money every day it runs.",
  "term.retarget": "Retarget",
  "term.retarget.text":
    "The difficulty adjustment every 2,016 blocks (about two weeks), limited to a factor of 4 either way. The estimate shows where it is heading now.",
  "term.halving": "Halving",
  "term.halving.text":
    "Every 210,000 blocks (about four years) the new bitcoin paid per block is cut in half. Hashprice drops overnight, and machines that were barely profitable stop paying.",
  "term.equity": "Equity",
  "term.equity.text":
    "What your company is worth if it sold out today: cash, bitcoin at today's price and your machines at what the used market would pay for the whole fleet (its bid, lower for a big fleet), less anything owed. No purchase or sale on the last day raises it. Unless the host chose another measure, the company with the highest equity at the end wins.",
  "term.share": "Your share",
  "term.share.text":
    "Your hashrate as a share of the whole network. On average you find this share of the blocks, and so earn this share of the subsidy and fees.",
  "tour.welcome.title": "Welcome to Hashrate Atlas",
  "tour.welcome.text":
    "You run a Bitcoin mining company: get machines, put them where power is cheap, and keep them paying as hashprice moves. The highest equity at the end wins. Days pass once the game runs: press Start (if someone else hosts, the tour goes on when they start).",
  "tour.order.title": "Get machines",
  "tour.order.text":
    "New machines come from a factory queue: the machine shop shows your place in it, the month each batch ships and the price. Bid over list to move up the queue. Or buy a used lot where it stands in a region's market (the Regions card): it is there today.",
  "tour.order.wait": "The shop sells once the game runs: press Start.",
  "tour.lease.title": "Lease power where it is cheap",
  "tour.lease.text":
    "Pick a region with cheap power and a friendly policy in the Regions card and lease enough kW for your machines. Where power costs less than a machine's breakeven, it earns money.",
  "tour.money.title": "Money costs and earns",
  "tour.money.text":
    "In Finance, cash you do not spend earns the risk-free rate, so a machine must beat it. You can borrow against your machines or BTC; if their value falls to the margin-call line, repay or they are sold for you.",
  "tour.score.title": "How you are scored",
  "tour.score.text":
    "The leaderboard ranks by equity: cash + BTC + machines at what the used market would pay − debt. Its line under the board shows how yours is made. A last-day purchase or sale cannot raise it.",
  "tour.ship.title": "Ship by landed cost",
  "tour.ship.text":
    "Press Ship beside a lot and send it to where you lease power. Compare the landed cost: freight, duty, broker and the days on the way, since machines that sit in a crate earn nothing. Air is fast and dear, sea slow and cheap.",
  "tour.ship.wait":
    "Your machines are being built: the first ones leave the factory on {date}. You will be told when they are ready.",
  "tour.install.title": "Install and mine",
  "tour.install.text":
    "When the lot has cleared customs, install it in your leased capacity: it mines from that day. If your capacity runs out, lease more in the region card.",
  "tour.install.wait": "Your machines are on their way: customs clears them on {date}.",
  "tour.finish.title": "You're mining",
  "tour.finish.text":
    "Watch difficulty, the next retarget, the halving countdown and the news: governments ban, tax and tariff. Hover any ? for a definition. You can replay this tour from the game bar.",
  "tour.waiting": "Waiting for you to do it…",
  "tour.progress": "Step {n} of {total}",
  "tour.next": "Next",
  "tour.skipStep": "Skip this step",
  "tour.skip": "Skip the tour",
  "tour.finish": "Finish",
  "tour.replay": "Tutorial",
} as const;

export const tutorialZh: Record<keyof typeof tutorialEn, string> = {
  "term.jth": "J/TH（能效）",
  "term.jth.text":
    "矿机每算出 1 TH 哈希所消耗的电能（焦耳）。越低越好：同样的工作量，20 J/TH 的矿机电费只有 40 J/TH 矿机的一半。",
  "term.hashprice": "算力收益",
  "term.hashprice.text":
    "单位算力每天的收入：区块补贴与手续费按全网算力分摊，再按当天的比特币价格折算。难度上升或减半时下降，并随币价波动。",
  "term.difficulty": "难度",
  "term.difficulty.text":
    "找到一个区块的难易程度。每 2,016 个区块，协议会进行一次难度调整，使平均每 10 分钟出一个块：开机的矿机越多，难度越高，每台矿机分到的比特币就越少。",
  "term.breakeven": "盈亏平衡电价",
  "term.breakeven.text":
    "矿机每日收入（算力收益 × 其算力）刚好抵消电费时的电价。电价低于它，矿机赚钱；高于它，矿机每运行一天都在亏钱。",
  "term.retarget": "难度调整",
  "term.retarget.text":
    "每 2,016 个区块（约两周）调整一次难度，单次最多放大或缩小 4 倍。预估值显示当前的走向。",
  "term.halving": "减半",
  "term.halving.text":
    "每 210,000 个区块（约四年），每个区块新发行的比特币减少一半。算力收益一夜之间下跌，勉强盈利的矿机就此不再赚钱。",
  "term.equity": "净资产",
  "term.equity.text":
    "公司今天全部变现能值多少：现金、按当日价格计的比特币，以及二手市场收购你整支矿机队伍的出价（矿机越多，单价越低），再减去欠款。最后一天的任何买卖都不会抬高它。除非主持人选了别的标准，游戏结束时净资产最高的公司获胜。",
  "term.share": "你的占比",
  "term.share.text":
    "你的算力占全网算力的比例。平均而言，你能找到这个比例的区块，也就赚取这个比例的补贴和手续费。",
  "tour.welcome.title": "欢迎来到矿机版图",
  "tour.welcome.text":
    "你经营一家比特币挖矿公司：获取矿机，放到电价低廉的地方，并在算力收益起伏中保持盈利。游戏结束时净资产最高者获胜。游戏开始运行后日子才会推进：请按“开始”（如果由别人主持，他们开始后教程会继续）。",
  "tour.order.title": "获取矿机",
  "tour.order.text":
    "新矿机来自工厂排队：矿机商店显示你的排队位置、每批出厂的月份和价格。出价高于标价可以排得更靠前。也可以在某地区的二手市场（地区卡片）就地购买二手矿机：今天就在那里。",
  "tour.order.wait": "游戏开始运行后商店才会出售矿机：请按“开始”。",
  "tour.lease.title": "在电价低廉处租用电力",
  "tour.lease.text":
    "在地区卡片中选择电价便宜、政策友好的地区，为你的矿机租用足够的千瓦容量。电价低于矿机的盈亏平衡电价时，矿机就赚钱。",
  "tour.money.title": "资金有成本，也有收益",
  "tour.money.text":
    "在“财务”中，没花出去的现金按无风险利率生息，所以矿机的回报要胜过它。你可以用矿机或比特币作抵押借款；抵押品价值跌到追加保证金线时，要么还款，要么被强制出售。",
  "tour.score.title": "如何计分",
  "tour.score.text":
    "排行榜按净资产排名：现金 + 比特币 + 按二手市场收购价计的矿机 − 欠款。排行榜下方的一行显示你的净资产如何构成。最后一天的买卖无法抬高它。",
  "tour.ship.title": "按到岸总成本发运",
  "tour.ship.text":
    "点击一批矿机旁的“发运”，把它运往你租用电力的地方。比较到岸总成本：运费、关税、清关代理，以及路上的天数——装在箱子里的矿机不赚钱。空运快而贵，海运慢而便宜。",
  "tour.ship.wait": "你的矿机正在生产：第一批将于 {date} 出厂。矿机备好时会通知你。",
  "tour.install.title": "安装并开始挖矿",
  "tour.install.text":
    "这批矿机清关后，把它安装到你租用的容量中，当天就开始挖矿。容量用完时，可在地区卡片中再租用。",
  "tour.install.wait": "你的矿机正在运输途中：将于 {date} 清关。",
  "tour.finish.title": "你已经开始挖矿了",
  "tour.finish.text":
    "留意难度、下一次难度调整、减半倒计时和新闻：各国政府会禁止、征税、加征关税。把鼠标移到任何 ? 上可查看解释。你可以在游戏栏重新播放本教程。",
  "tour.waiting": "等待你完成这一步…",
  "tour.progress": "第 {n} 步，共 {total} 步",
  "tour.next": "下一步",
  "tour.skipStep": "跳过这一步",
  "tour.skip": "跳过教程",
  "tour.finish": "完成",
  "tour.replay": "教程",
};
