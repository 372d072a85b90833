/**
 * Where ships and trains actually go, for drawing only: a small graph of sea-lane waypoints (straits,
 * canals, capes and ocean crossings) and one of rail-corridor junctions. The engine prices a shipment
 * from great-circle distances and hands the map only its end points and ports ([from, port, port, to]);
 * these graphs let the map draw the leg between them the way freight goes (Shenzhen → Los Angeles across
 * the Pacific, Shenzhen → Rotterdam through Malacca and Suez) instead of a straight line over land.
 *
 * Source and accuracy: estimates, read by hand (to about a degree) off the main container routes as
 * drawn on public shipping-lane maps (the NOAA/US DOT "shipping lanes" layer, Wikipedia's "Sea lane"
 * and "Strait of Malacca" / "Suez Canal" / "Panama Canal" articles) and, for rail, the China–Europe
 * Railway Express corridor through Khorgos (Xi'an, Lanzhou, Ürümqi, Almaty, Astana, Yekaterinburg,
 * Moscow, Minsk, Warsaw, Duisburg). Nothing the engine computes depends on them.
 */

/** A waypoint: [lon, lat] in degrees. */
export type LonLat = readonly [number, number];

export interface LaneGraph {
  nodes: Readonly<Record<string, LonLat>>;
  /** Undirected edges between node names; the path between is drawn as a straight line on the map. */
  edges: readonly (readonly [string, string])[];
}

export const SEA_LANES: LaneGraph = {
  nodes: {
    southChinaSea: [113, 16],
    luzonStrait: [121, 20.5],
    eastChinaSea: [125, 28],
    pacificWest: [142, 32],
    pacificDateline: [180, 38],
    pacificEast: [-140, 36],
    californiaOff: [-121, 33],
    bajaOff: [-112, 21],
    centralAmericaOff: [-95, 12],
    panamaPacific: [-79.6, 8.3],
    panamaCaribbean: [-79.9, 9.8],
    caribbeanWest: [-82.5, 15.5],
    yucatanChannel: [-86, 21.8],
    gulfOfMexico: [-90.5, 26],
    floridaStrait: [-81.5, 24.2],
    atlanticBahamas: [-77, 27.5],
    atlanticMid: [-45, 38],
    azores: [-27, 38.5],
    offPortugal: [-11, 40],
    biscay: [-7, 46.5],
    englishChannel: [-1.5, 50],
    northSea: [3, 52.8],
    gibraltar: [-6, 35.9],
    medCentral: [15, 37],
    medEast: [28, 33.6],
    suez: [32.4, 30.5],
    redSea: [38.5, 20],
    babElMandeb: [43.4, 12.6],
    gulfOfAden: [49, 12.8],
    arabianSea: [62, 15],
    hormuz: [56.6, 26.3],
    sriLankaSouth: [80.5, 5.3],
    malaccaNorth: [97, 6.2],
    malaccaMid: [100.5, 3.2],
    singaporeStrait: [104, 1.2],
  },
  edges: [
    ["southChinaSea", "luzonStrait"],
    ["southChinaSea", "singaporeStrait"],
    ["luzonStrait", "eastChinaSea"],
    ["luzonStrait", "pacificWest"],
    ["eastChinaSea", "pacificWest"],
    ["pacificWest", "pacificDateline"],
    ["pacificDateline", "pacificEast"],
    ["pacificEast", "californiaOff"],
    ["californiaOff", "bajaOff"],
    ["bajaOff", "centralAmericaOff"],
    ["centralAmericaOff", "panamaPacific"],
    ["panamaPacific", "panamaCaribbean"],
    ["panamaCaribbean", "caribbeanWest"],
    ["caribbeanWest", "yucatanChannel"],
    ["yucatanChannel", "gulfOfMexico"],
    ["gulfOfMexico", "floridaStrait"],
    ["floridaStrait", "atlanticBahamas"],
    ["atlanticBahamas", "atlanticMid"],
    ["atlanticMid", "azores"],
    ["azores", "offPortugal"],
    ["azores", "biscay"],
    ["offPortugal", "gibraltar"],
    ["offPortugal", "biscay"],
    ["biscay", "englishChannel"],
    ["englishChannel", "northSea"],
    ["gibraltar", "medCentral"],
    ["medCentral", "medEast"],
    ["medEast", "suez"],
    ["suez", "redSea"],
    ["redSea", "babElMandeb"],
    ["babElMandeb", "gulfOfAden"],
    ["gulfOfAden", "arabianSea"],
    ["arabianSea", "hormuz"],
    ["arabianSea", "sriLankaSouth"],
    ["sriLankaSouth", "malaccaNorth"],
    ["malaccaNorth", "malaccaMid"],
    ["malaccaMid", "singaporeStrait"],
  ],
};

export const RAIL_CORRIDORS: LaneGraph = {
  nodes: {
    shenzhen: [114.1, 22.6],
    wuhan: [114.3, 30.6],
    xian: [108.9, 34.3],
    lanzhou: [103.8, 36.1],
    urumqi: [87.6, 43.8],
    khorgos: [80.25, 44.2],
    almaty: [76.9, 43.25],
    astana: [71.4, 51.1],
    yekaterinburg: [60.6, 56.8],
    moscow: [37.6, 55.75],
    minsk: [27.55, 53.9],
    warsaw: [21, 52.2],
    duisburg: [6.76, 51.43],
    irkutsk: [104.3, 52.3],
    novosibirsk: [82.9, 55],
    erenhot: [111.98, 43.65],
    beijing: [116.4, 39.9],
  },
  edges: [
    ["shenzhen", "wuhan"],
    ["wuhan", "xian"],
    ["wuhan", "beijing"],
    ["xian", "lanzhou"],
    ["lanzhou", "urumqi"],
    ["urumqi", "khorgos"],
    ["khorgos", "almaty"],
    ["almaty", "astana"],
    ["astana", "yekaterinburg"],
    ["yekaterinburg", "moscow"],
    ["moscow", "minsk"],
    ["minsk", "warsaw"],
    ["warsaw", "duisburg"],
    ["beijing", "erenhot"],
    ["erenhot", "irkutsk"],
    ["irkutsk", "novosibirsk"],
    ["novosibirsk", "yekaterinburg"],
    ["novosibirsk", "astana"],
  ],
};
