/** The repository's YAML data, reduced by client/vite.config.ts to what the client shows. */
declare module "virtual:atlas-catalog" {
  interface Text {
    en: string;
    zh: string;
  }
  export interface ScenarioInfo {
    id: string;
    name: Text;
    description: Text;
    period: { start: string; end: string };
  }
  export interface RegionInfo {
    id: string;
    name: Text;
    country: string;
    lon: number;
    lat: number;
    /** Grid carbon intensity, g CO2 per kWh (shared/world/regions.yaml). */
    carbonGPerKwh: number;
  }
  export interface HubInfo {
    id: string;
    kind: string;
    name: Text;
    lon: number;
    lat: number;
  }
  const catalog: { scenarios: ScenarioInfo[]; regions: RegionInfo[]; hubs: HubInfo[] };
  export default catalog;
}
