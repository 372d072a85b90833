/**
 * db:backup: a backup of the store (DATABASE_URL) into a folder, safe while the server runs: SQLite
 * through `VACUUM INTO`, PostgreSQL through `pg_dump --format=custom` (server/store/backup.ts).
 * With --prune, ended and abandoned games older than GAME_RETENTION_DAYS are deleted first.
 *
 *   npm run db:backup [-- --dir FOLDER] [--prune]
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.ts";
import { backup, pruneDatabase } from "../server/store/backup.ts";
import { runMain, UsageError } from "./lib/cli.ts";

const USAGE = `usage: npm run db:backup [-- --dir FOLDER] [--prune]

  --dir FOLDER  where the backup goes (default BACKUP_DIR, else data/backups)
  --prune       first delete ended/abandoned games older than GAME_RETENTION_DAYS (must be set)

The database is DATABASE_URL's (default file:data/hashrate-atlas.db). Prints the backup's path.`;

runMain(USAGE, async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: { dir: { type: "string" }, prune: { type: "boolean", default: false } },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const config = loadConfig();
  const folder = values.dir ?? config.BACKUP_DIR;
  if (values.prune) {
    if (config.GAME_RETENTION_DAYS === undefined)
      throw new UsageError("--prune needs GAME_RETENTION_DAYS (games ended more than that many days ago go)");
    const pruned = await pruneDatabase(config.DATABASE_URL, config.GAME_RETENTION_DAYS);
    console.log(`pruned ${pruned.length} game(s) ended more than ${config.GAME_RETENTION_DAYS} days ago`);
  }
  const { file, bytes } = await backup(config.DATABASE_URL, folder);
  console.log(`backup: ${file} (${(bytes / 1024).toFixed(0)} KiB)`);
});
