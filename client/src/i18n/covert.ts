/**
 * Covert mining's strings (issue #16; shared/engine/covert.ts): the region card's line for a banned region
 * where the rest of the world still mines, and the glossary's "covert mining". English and Chinese side by
 * side; covert mining is 隐蔽挖矿 (the world's), not the players' 灰色挖矿 (grey mining).
 */
export const covertEn = {
  "panels.region.covertLabel": "Covert mining",
  "panels.region.covert": "{share} of the network still runs here in hiding; no lease here is legal.",
  "term.covert": "Covert mining",
  "term.covert.text":
    "After a ban part of a region's machines lie low, then restart in hiding on unregistered power: the network counts them, the law does not, and no company can lease there. Cambridge's map showed China at 0% in July and August 2021, then about 20% until January 2022.",
};

export const covertZh: Record<keyof typeof covertEn, string> = {
  "panels.region.covertLabel": "隐蔽挖矿",
  "panels.region.covert": "全网 {share} 的算力仍在此地暗中运行；在此租用均不合法。",
  "term.covert": "隐蔽挖矿",
  "term.covert.text":
    "禁令之后，一个地区的部分矿机先停机观望，再借未登记的电力暗中重启：全网算力计入它们，法律却看不见，任何公司都不能在此合法租用。剑桥的地图显示，2021 年 7、8 月中国为 0%，之后直到 2022 年 1 月约为 20%。",
};
