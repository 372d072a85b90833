/**
 * Every environment variable the server reads, parsed once at start-up with zod, so that a typo stops
 * the server with the variable's name, the bad value and what was expected, instead of falling back to
 * a default nobody notices (a rate limit quietly off, a database in the wrong place). `.env.example`
 * lists the same variables with a comment each; tests/server/config.test.ts keeps the two in step.
 *
 * Some modules read their variables themselves when they need them (http/limits.ts, rooms/lifecycle.ts,
 * store/settings.ts): each parses them with its part of this schema (`configSchema.pick`), so a default
 * and a rule are written once, here.
 */
import { z } from "zod";

/** Unset and empty mean the same: not configured (compose files and .env write `NAME=`). */
const unsetIfEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const text = () => z.preprocess(unsetIfEmpty, z.string().trim().optional());

function positiveNumber(what: string, fallback: number) {
  return z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: `expected ${what}` })
      .positive(`expected ${what}`)
      .default(fallback),
  );
}

function url(schemes: string[], example: string) {
  const expected = `expected a ${schemes.join(" or ")} URL such as ${example}`;
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((v) => URL.canParse(v) && schemes.includes(new URL(v).protocol.replace(/:$/, "")), expected)
      .optional(),
  );
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const configSchema = z.object({
  PORT: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "expected a port number (1–65535)" })
      .int("expected a port number (1–65535)")
      .min(1, "expected a port number (1–65535)")
      .max(65535, "expected a port number (1–65535)")
      .default(2567),
  ),
  HOST: z.preprocess(unsetIfEmpty, z.string().trim().default("0.0.0.0")),
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:|postgres(ql)?:)/, {
        error: "expected file:path/to.db (embedded SQLite), libsql://… or postgres://user:pass@host/db",
      })
      .default("file:data/hashrate-atlas.db"),
  ),
  REDIS_URL: url(["redis", "rediss"], "redis://127.0.0.1:6379"),
  ADMIN_SECRET: text().refine((v) => v === undefined || v.length >= 12, {
    error: "expected at least 12 characters (it guards the monitor and the debug routes)",
  }),
  PUBLIC_ADDRESS: text().refine((v) => v === undefined || !v.includes("://"), {
    error: "expected host:port (or host/path behind a proxy) without a scheme, such as game1.internal:2567",
  }),
  PUBLIC_URL: url(["http", "https"], "https://atlas.school.example"),
  METRICS_TOKEN: text().refine((v) => v === undefined || v.length >= 12, {
    error: "expected at least 12 characters (scrapers send it as a bearer token to /metrics)",
  }),
  LOG_LEVEL: z.preprocess(
    unsetIfEmpty,
    z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  TRUST_PROXY: z.preprocess(
    unsetIfEmpty,
    z.enum(["0", "1"], { error: "expected 1 (behind a reverse proxy) or 0" }).default("0"),
  ),
  ROOM_CREATE_BURST: positiveNumber("a positive number of games", 10),
  ROOM_CREATE_PER_MINUTE: positiveNumber("a positive number of games per minute", 4),
  HTTP_LIMIT_PER_MINUTE: positiveNumber("a positive number of requests per minute", 120),
  HTTP_LIMIT_WINDOW_SECONDS: positiveNumber("a positive number of seconds", 60),
  MAX_ROOMS: positiveNumber("a positive number of rooms", 200),
  MAX_ROOMS_PER_ADDRESS: positiveNumber("a positive number of games", 20),
  LOBBY_IDLE_MINUTES: positiveNumber("a positive number of minutes", 30),
  ROOM_IDLE_HOURS: positiveNumber("a positive number of hours", 14 * 24),
  DATABASE_MAX_MB: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "expected megabytes" })
      .positive("expected a positive number of megabytes")
      .optional(),
  ),
  // Read by the store (server/store/settings.ts, default there: DEFAULTS.leaseMs); checked here with the
  // rest, so a bad value stops start-up.
  GAME_LEASE_MS: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "expected milliseconds" })
      .int("expected a whole number of milliseconds")
      .min(1000, "expected 1000 milliseconds or more")
      .optional(),
  ),
  // Read by the store (server/store/settings.ts; swept by retention.ts): ended games older than this many
  // days are deleted.
  GAME_RETENTION_DAYS: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "expected a number of days" })
      .positive("expected a positive number of days")
      .optional(),
  ),
  // Where `npm run db:backup` puts its backups.
  BACKUP_DIR: z.preprocess(unsetIfEmpty, z.string().trim().default("data/backups")),
  // Read by db:backup/db:restore (server/store/backup.ts) to find pg_dump and pg_restore.
  PG_BIN: text(),
});

export type Config = z.infer<typeof configSchema>;

/** What is wrong with the environment: one line per variable, each naming it and its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration (see .env.example):\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Several processes on one Redis (issue #15 §4): a client matched through one process is sent to the
 * process holding its room at that process's PUBLIC_ADDRESS; without it the client is sent to an
 * address that is not there and its seat reservation expires. Refuse to start rather than fail later.
 */
function multiProcessProblems(config: Config): string[] {
  if (!config.REDIS_URL || config.PUBLIC_ADDRESS) return [];
  return [
    "PUBLIC_ADDRESS is unset but REDIS_URL is set: with several processes on one Redis, a player " +
      "matched through another process is sent to this one at its PUBLIC_ADDRESS (host:port, reachable " +
      "from the clients or the reverse proxy), and without it the seat reservation expires. Set " +
      "PUBLIC_ADDRESS, or unset REDIS_URL to run one process.",
  ];
}

/** Each problem of a failed parse as a line naming the variable and its value (secrets by length only). */
export function configErrorOf(error: z.ZodError, env: NodeJS.ProcessEnv): ConfigError {
  return new ConfigError(
    error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "?");
      const raw = env[name];
      // Secrets are named, never printed.
      const shown =
        name === "ADMIN_SECRET" || name === "METRICS_TOKEN"
          ? `${raw?.length ?? 0} characters`
          : JSON.stringify(raw);
      return `${name}=${shown}: ${issue.message}`;
    }),
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) throw configErrorOf(parsed.error, env);
  const problems = multiProcessProblems(parsed.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}
