// `npm run backup`: the environment the server runs with says where the database is.
import { join } from 'node:path';
import { backupSqlite } from './backup.ts';
import { configOrExit } from './config.ts';
import { sqliteFile } from './store/open-store.ts';

const config = configOrExit(process.env);
if (config.DATABASE_URL) {
  console.error('DATABASE_URL is set: back PostgreSQL up with pg_dump (README: Backup and restore).');
  process.exit(2);
}
const dir = process.argv[2] ?? join(config.DATA_DIR, 'backups');
console.log(await backupSqlite(sqliteFile(config.DATA_DIR), dir, new Date()));
