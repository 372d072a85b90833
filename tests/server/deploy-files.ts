/**
 * Reads the deployment files the way Docker would, for the tests that check them without a Docker
 * engine: the Dockerfile's stages and instructions (line continuations joined, comments dropped).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../node/scenarios.ts";

export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  from: string;
  name: string | null;
  instructions: Instruction[];
}

export function dockerfileInstructions(text = readFileSync(join(ROOT, "Dockerfile"), "utf8")): Instruction[] {
  const logical = text
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n")
    .replace(/\\\n/g, " ");
  return logical
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [op = "", ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
}

export function dockerfileStages(instructions = dockerfileInstructions()): Stage[] {
  const stages: Stage[] = [];
  for (const i of instructions) {
    if (i.op === "FROM") {
      const [from = "", as, name] = i.args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === "AS" ? (name ?? null) : null, instructions: [] });
    } else stages.at(-1)?.instructions.push(i);
  }
  return stages;
}

/** The RUN commands of one stage, in order. */
export function runsOf(stage: Stage | undefined): string[] {
  return (stage?.instructions ?? []).filter((i) => i.op === "RUN").map((i) => i.args.replace(/\s+/g, " "));
}

/** An npm command line of the Dockerfile as argv for spawn (no shell features are used in them). */
export function npmArgs(command: string): string[] {
  const [npm, ...args] = command.split(" ");
  if (npm !== "npm") throw new Error(`not an npm command: ${command}`);
  return args;
}
