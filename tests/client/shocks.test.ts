import { describe, expect, it } from "vitest";
import { SHOCKS, defaultParams, paramProblem, targetOptions } from "../../client/src/ui/shocks.ts";
import { en } from "../../client/src/i18n/en.ts";
import { TEMPLATES } from "../../shared/engine/shocks/templates.ts";

describe("the client's shock table", () => {
  it("lists the engine's templates, in order, with the same targets", () => {
    expect(SHOCKS.map((s) => [s.id, s.target])).toEqual(TEMPLATES.map((t) => [t.id, t.target]));
  });

  it("has the engine's parameter names and defaults", () => {
    for (const t of TEMPLATES) {
      const mine = SHOCKS.find((s) => s.id === t.id);
      expect(mine && defaultParams(mine), t.id).toEqual(t.params.parse({}));
    }
  });

  it("has the engine's bounds", () => {
    for (const s of SHOCKS) {
      const engine = TEMPLATES.find((t) => t.id === s.id);
      for (const p of s.params) {
        const ok = (v: number | string) => engine?.params.safeParse({ [p.name]: v }).success;
        if (p.kind === "string") {
          expect(ok(p.def), `${s.id}.${p.name}`).toBe(true);
          expect(ok("CN"), `${s.id}.${p.name}`).toBe(paramProblem(p, "CN") === null);
          expect(ok("china"), `${s.id}.${p.name}`).toBe(paramProblem(p, "china") === null);
          continue;
        }
        expect([ok(p.min), ok(p.max)], `${s.id}.${p.name}`).toEqual([true, true]);
        expect([ok(p.min - 1), ok(p.max + 1)], `${s.id}.${p.name}`).toEqual([false, false]);
        expect(paramProblem(p, p.max + 1)).not.toBeNull();
        expect(paramProblem(p, p.def)).toBeNull();
      }
    }
  });

  it("names every template, target kind and parameter in the dictionary", () => {
    const keys = new Set(Object.keys(en));
    for (const s of SHOCKS) {
      expect(keys.has(`shock.${s.id}`), s.id).toBe(true);
      expect(keys.has(`target.${s.target}`), s.target).toBe(true);
      for (const p of s.params) expect(keys.has(`param.${p.name}`), p.name).toBe(true);
    }
  });

  it("offers targets by kind", () => {
    const catalog = {
      regions: [
        { id: "us-tx", name: { en: "Texas", zh: "得州" }, country: "US" },
        { id: "cn-sc", name: { en: "Sichuan", zh: "四川" }, country: "CN" },
      ],
      hubs: [
        { id: "shenzhen", kind: "factory", name: { en: "Shenzhen", zh: "深圳" } },
        { id: "la", kind: "port", name: { en: "Los Angeles", zh: "洛杉矶" } },
      ],
    };
    expect(targetOptions("region", null, catalog).map((o) => o.id)).toEqual(["us-tx", "cn-sc"]);
    expect(targetOptions("country", null, catalog).map((o) => o.id)).toEqual(["CN", "US"]);
    expect(targetOptions("factory", null, catalog).map((o) => o.id)).toEqual(["shenzhen"]);
    expect(targetOptions("world", null, catalog).map((o) => o.id)).toEqual(["world"]);
  });
});
