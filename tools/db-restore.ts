/**
 * db:restore: puts a backup made by db:backup back as the store (DATABASE_URL). SQLite: only while no
 * server runs on the file (its lock); the file that was there is kept beside it. PostgreSQL: into an
 * empty database (server/store/backup.ts says why).
 *
 *   npm run db:restore -- FILE
 */
import { loadConfig } from "../server/config.ts";
import { restore } from "../server/store/backup.ts";
import { runMain, UsageError } from "./lib/cli.ts";

const USAGE = `usage: npm run db:restore -- FILE

  FILE  a backup from npm run db:backup (.db for SQLite, .dump for PostgreSQL)

Restores into DATABASE_URL: a SQLite file with its server stopped, or a new, empty PostgreSQL database.`;

runMain(USAGE, async () => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0 || file.startsWith("-")) throw new UsageError("one backup file, please");
  const config = loadConfig();
  const where = await restore(config.DATABASE_URL, file);
  console.log(`restored ${file} into ${where}: start the server on it`);
});
