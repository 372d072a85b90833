/** The synced form of shared/view/hostingView.ts (issue #13 §3): one schema for every hosting deal. */
import { Schema, type } from "@colyseus/schema";
import type { HostingDealKind } from "../../shared/view/hostingView.ts";

export class HostingDealSchema extends Schema {
  @type("string") id = "";
  @type("string") kind: HostingDealKind = "queue";
  @type("string") region = "";
  @type("float64") kw = 0;
  @type("string") from = "";
  @type("string") to = "";
  @type("float64") centsPerKwMonth = 0;
  @type("number") months = 0;
  @type("number") day = 0;
  @type("boolean") built = false;
}
