/**
 * The map-first screen's strings: the edge rails that open the panels, the region card's actions on
 * the map and the small host bar of a game among friends. English and Chinese side by side.
 */
export const mapEn = {
  "map.rail.left": "Panels",
  "map.rail.right": "Standings and map key",
  "map.drawer.fleet": "My fleet",
  "map.drawer.console": "Console",
  "map.drawer.board": "Leaderboard",
  "map.drawer.legend": "Map key",
  "map.here.title": "Your machines and this region",
  "map.here.need": "Your {units} {model} need {kw} kW",
  "map.here.none": "You have no machines yet: buy some in the machine shop.",
  "map.here.install": "Install here",
  "map.here.ship": "Ship here",
  "map.here.at": "at {place}, {status}",
  "map.host.label": "Host controls",
  "map.host.pace": "Pace",
  "map.host.invite": "Invite",
  "map.host.invited": "Link copied: send it to your friends (code {code}).",
} as const;

export const mapZh: Record<keyof typeof mapEn, string> = {
  "map.rail.left": "面板",
  "map.rail.right": "排行与图例",
  "map.drawer.fleet": "我的矿机",
  "map.drawer.console": "控制台",
  "map.drawer.board": "排行榜",
  "map.drawer.legend": "图例",
  "map.here.title": "你的矿机与本地区",
  "map.here.need": "你的 {units} 台 {model} 需要 {kw} 千瓦",
  "map.here.none": "你还没有矿机：请在矿机商店购买。",
  "map.here.install": "在此安装",
  "map.here.ship": "运到这里",
  "map.here.at": "位于{place}，{status}",
  "map.host.label": "主持人控制",
  "map.host.pace": "速度",
  "map.host.invite": "邀请",
  "map.host.invited": "链接已复制：发给你的朋友（代码 {code}）。",
};
