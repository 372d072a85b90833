import { describe, expect, it } from "vitest";
import {
  formatBtc,
  formatDate,
  formatDifficulty,
  formatEfficiency,
  formatHashprice,
  formatHashrate,
  formatMonth,
  formatPct,
  formatPowerPrice,
  formatUsd,
} from "../../client/src/ui/format.ts";

describe("format", () => {
  it("USD in full, and compact by million or by 万/亿", () => {
    expect(formatUsd(44884.2, "en")).toBe("$44,884");
    expect(formatUsd(12.5, "en")).toBe("$12.50");
    expect(formatUsd(-1500, "en")).toBe("-$1,500");
    expect(formatUsd(23_200_000, "en", true)).toBe("$23.2M");
    expect(formatUsd(4_500_000_000, "en", true)).toBe("$4.5B");
    expect(formatUsd(23_200_000, "zh", true)).toBe("$2,320万");
    expect(formatUsd(150_000_000, "zh", true)).toBe("$1.5亿");
    expect(formatUsd(9_000, "zh", true)).toBe("$9,000");
  });

  it("BTC with four decimals, eight when small", () => {
    expect(formatBtc(12.345678, "en")).toBe("12.3457 BTC");
    expect(formatBtc(0.00012345, "zh")).toBe("0.00012345 BTC");
    expect(formatBtc(0, "en")).toBe("0.0000 BTC");
  });

  it("hashrate in PH/s, EH/s or ZH/s", () => {
    expect(formatHashrate(144.2, "en")).toBe("144 EH/s");
    expect(formatHashrate(12.34, "en")).toBe("12.3 EH/s");
    expect(formatHashrate(0.5, "zh")).toBe("500 PH/s");
    expect(formatHashrate(1200, "en")).toBe("1.2 ZH/s");
  });

  it("efficiency, hashprice, power price and percentages", () => {
    expect(formatEfficiency(29.5, "en")).toBe("29.5 J/TH");
    expect(formatEfficiency(98.04, "zh")).toBe("98.0 J/TH");
    expect(formatHashprice(0.0855, "en")).toBe("$85.50");
    expect(formatPowerPrice(0.045, "en")).toBe("4.5 ¢/kWh");
    expect(formatPowerPrice(0.045, "zh")).toBe("4.5 美分/千瓦时");
    expect(formatPct(5.27, "en", true)).toBe("+5.3%");
    expect(formatPct(-27.9, "zh", true)).toBe("-28%");
  });

  it("difficulty by trillion or 万亿", () => {
    expect(formatDifficulty(19.2e12, "en")).toBe("19.2 T");
    expect(formatDifficulty(29.6e12, "zh")).toBe("29.6 万亿");
  });

  it("dates and months in both languages, without time zones", () => {
    expect(formatDate("2021-09-11", "en")).toBe("11 Sep 2021");
    expect(formatDate("2021-09-11", "zh")).toBe("2021年9月11日");
    expect(formatMonth("2020-01-01", "en")).toBe("Jan 2020");
    expect(formatMonth("2022-06-30", "zh")).toBe("2022年6月");
    expect(formatDate("soon", "en")).toBe("soon");
  });
});
