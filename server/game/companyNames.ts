/**
 * Names for the companies of a game, so that nobody reads "Seat 4": a bot's company keeps its name, a
 * person's company shows the person's name (the engine's notices are renamed to match, see
 * renameCompanies). Proper names, in English with their Chinese form (the Chinese side of the list is
 * for screens that show bots in Chinese; the engine keeps one name per company).
 */
export const COMPANY_NAMES: readonly { en: string; zh: string }[] = [
  { en: "Aurora Hash", zh: "极光算力" },
  { en: "Granite Mining", zh: "磐石矿业" },
  { en: "Blue River", zh: "蓝河" },
  { en: "Kestrel Digital", zh: "隼鹰数字" },
  { en: "Summit Power", zh: "峰顶电力" },
  { en: "Jade Harbor", zh: "玉港" },
  { en: "Northwind", zh: "北风" },
  { en: "Red Cliff", zh: "赤壁" },
  { en: "Silver Pine", zh: "银松" },
  { en: "Golden Bay", zh: "金湾" },
  { en: "Iron Ridge", zh: "铁岭" },
  { en: "Lotus Grid", zh: "莲花电网" },
  { en: "Pioneer Hash", zh: "先锋算力" },
  { en: "Cedar Works", zh: "雪松工坊" },
  { en: "Tidewater", zh: "潮水" },
  { en: "Phoenix Rigs", zh: "凤凰矿机" },
  { en: "Stone Bridge", zh: "石桥" },
  { en: "Maple Leaf", zh: "枫叶" },
  { en: "Crescent", zh: "新月" },
  { en: "Highland", zh: "高地" },
  { en: "Copper Kettle", zh: "铜壶" },
  { en: "Falcon Ridge", zh: "猎鹰岭" },
  { en: "Willow Creek", zh: "柳溪" },
  { en: "Orchid Labs", zh: "兰花实验室" },
  { en: "Thunder Bay", zh: "雷湾" },
  { en: "Bamboo Grove", zh: "竹林" },
  { en: "Polaris", zh: "北极星" },
  { en: "Sandstone", zh: "砂岩" },
  { en: "Harbor Lights", zh: "港灯" },
  { en: "Evergreen", zh: "长青" },
  { en: "Glacier Point", zh: "冰川角" },
  { en: "Amber Fields", zh: "琥珀田" },
  { en: "Riverbend", zh: "河湾" },
  { en: "Skyline", zh: "天际线" },
  { en: "Lighthouse", zh: "灯塔" },
  { en: "Hilltop", zh: "山顶" },
  { en: "Meadowlark", zh: "草地鹨" },
  { en: "Quartz Peak", zh: "石英峰" },
  { en: "Seabreeze", zh: "海风" },
  { en: "Windmill", zh: "风车" },
];

/** The name of the company at seat index `i` (0-based); past the list, a name and a number. */
export function companyName(i: number): string {
  const n = COMPANY_NAMES.length;
  const base = COMPANY_NAMES[i % n]?.en ?? "Company";
  return i < n ? base : `${base} ${Math.floor(i / n) + 1}`;
}

/**
 * Text the engine wrote with its company names ("Aurora Hash offers you…"), with the names people see
 * instead (a person's seat shows the person). `names` maps each engine name to the shown one.
 */
export function renameCompanies(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [engine, shown] of names) if (engine !== shown) out = out.split(engine).join(shown);
  return out;
}
