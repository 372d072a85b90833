/**
 * Command-line plumbing shared by the tools: flag parsing with clear messages, and a main wrapper that
 * turns a usage mistake into exit code 2 and any other failure into exit code 1, without a stack trace
 * (set DEBUG=1 to see one). Every tool answers --help (or -h) with its usage on standard output and exit
 * code 0, without doing its work.
 */
import { parseArgs } from "node:util";

/** A mistake in how the tool was called: the message says what to fix. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Whether the tool was asked for its usage. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

export function runMain(usage: string, main: () => void | Promise<void>): void {
  if (wantsHelp(process.argv.slice(2))) {
    console.log(usage);
    return;
  }
  const fail = (error: unknown): void => {
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  };
  try {
    const result = main();
    if (result instanceof Promise) result.catch(fail);
  } catch (error) {
    fail(error);
  }
}

type FlagSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** parseArgs in strict mode, with its errors (unknown flag, missing value) reworded as usage errors. */
export function parseFlags<T extends FlagSpec>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The flags of a tool written as a top-level script (no main for runMain to wrap): --help prints the
 * usage and exits with 0; a usage mistake prints what to fix, then the usage, and exits with 2.
 */
export function scriptFlags<T extends FlagSpec>(usage: string, options: T) {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(usage);
    process.exit(0);
  }
  return orUsage(usage, () => parseFlags(argv, options));
}

/** A usage mistake found after the flags were read, in a top-level script: what to fix, the usage, exit 2. */
export function exitWithUsage(usage: string, message: string): never {
  console.error(`error: ${message}\n\n${usage}`);
  process.exit(2);
}

/**
 * `read()` in a top-level script (a flag read with intFlag, say): a usage mistake exits as scriptFlags
 * does, anything else is thrown on.
 */
export function orUsage<T>(usage: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) return exitWithUsage(usage, error.message);
    throw error;
  }
}

/** An integer flag within [min, max]; `fallback` when the flag is absent. */
export function intFlag(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** A file path flag: present means non-empty. */
export function pathFlag(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === "") throw new UsageError(`--${name} needs a file path`);
  return value;
}
