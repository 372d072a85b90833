/**
 * What a scenario file's parse says of a key left out. zod's own message ("Invalid input: expected number,
 * received undefined") names neither the key nor that it is missing; this one does, with what the key
 * holds. Given as the `error` option of a parse: a schema's own messages (refinements, citations) still
 * win, and anything else keeps zod's message.
 */

/** The parts of a zod issue the message reads (zod hands the error option the raw issue). */
interface RawIssue {
  readonly code?: string;
  readonly input?: unknown;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly path?: readonly PropertyKey[];
}

export function missingKeyError(issue: RawIssue): string | undefined {
  if (issue.input !== undefined) return undefined;
  const key = issue.path?.at(-1);
  const name = typeof key === "string" ? `"${key}"` : "a value";
  if (issue.code === "invalid_type" && typeof issue.expected === "string")
    return `${name} is missing: it is required (${issue.expected})`;
  if (issue.code === "invalid_value" && issue.values)
    return `${name} is missing: it is required (one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")})`;
  return undefined;
}
