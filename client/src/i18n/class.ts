/**
 * A class joining a game: the join page a link or QR code opens ("your name → join"), the names the
 * projector shows as students arrive, and a leaderboard too long for its panel. English and Chinese.
 */
export const classEn = {
  "class.boardRest": "+ {n} more companies",
  "class.joinTitle": "Join the game",
  "class.joinName": "Your name",
  "class.joinNamePlaceholder": "The name your class will see",
  "class.joinButton": "Join",
  "class.joinCode": "Code {code}",
  "class.joinSeats": "{taken} of {seats} companies taken",
  "class.joinNotFound": "No game has the code {code}. Check it with your teacher.",
  "class.joinChecking": "Looking for game {code}…",
  "class.joinBack": "Taking your seat back…",
  "class.joinOther": "Other games",
  "class.joined": "Joined: {n} of {seats}",
  "class.joinedNone": "Scan the code to join: your names appear here.",
  "class.unreachable":
    "Students cannot open this address. Connect this computer to the class network, or set PUBLIC_URL.",
};

export const classZh: typeof classEn = {
  "class.boardRest": "另有 {n} 家公司",
  "class.joinTitle": "加入游戏",
  "class.joinName": "你的名字",
  "class.joinNamePlaceholder": "全班同学看到的名字",
  "class.joinButton": "加入",
  "class.joinCode": "代码 {code}",
  "class.joinSeats": "{seats} 家公司中已有 {taken} 家有人",
  "class.joinNotFound": "没有代码为 {code} 的游戏。请向老师核对代码。",
  "class.joinChecking": "正在查找游戏 {code}…",
  "class.joinBack": "正在回到你的座位…",
  "class.joinOther": "其他游戏",
  "class.joined": "已加入：{n} / {seats}",
  "class.joinedNone": "扫码加入：你们的名字会显示在这里。",
  "class.unreachable": "学生无法打开这个地址。请把这台电脑连到班级网络，或设置 PUBLIC_URL。",
};
