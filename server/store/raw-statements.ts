// Issue 13: the statements every booking hold runs, written once as SQL text. Building them with
// Kysely's query builder cost a hold more CPU than the database took to run them; these go to the
// driver as they are, and are prepared once per connection (server/store/open-store.ts).
import { CompiledQuery, type QueryResult } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/** Anything that runs a compiled query: the database or a transaction. */
export interface Runs {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/** `?` placeholders, numbered `$1`, `$2`… on PostgreSQL. */
function placeholders(text: string, dialect: Dialect): string {
  if (dialect === 'sqlite') return text;
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

// PostgreSQL parses and plans an unnamed statement on every call: for a hold's statement that cost
// more of the database's CPU than running it. The texts made here are few and fixed, so each gets a
// name, and every connection prepares it once under that name (open-store.ts).
const preparedNames = new Map<string, string>();

/** The name a statement made here is prepared under on PostgreSQL; undefined for any other text. */
export const preparedName = (text: string) => preparedNames.get(text);

/** One statement: its text is made for the dialect once, its parameters are given per call. */
export function statement<Row = unknown>(dialect: Dialect, text: string) {
  const sql = placeholders(text, dialect);
  if (dialect === 'postgres' && !preparedNames.has(sql)) preparedNames.set(sql, `directbook_${preparedNames.size}`);
  return (db: Runs, parameters: readonly unknown[] = []) => db.executeQuery<Row>(CompiledQuery.raw(sql, [...parameters]));
}

/** Statements whose text depends on a count (rows inserted, dates listed): one text per count, made when first needed. */
export function statementsByCount<Row = unknown>(dialect: Dialect, text: (count: number) => string) {
  const made = new Map<number, ReturnType<typeof statement<Row>>>();
  return (count: number) => {
    let run = made.get(count);
    if (!run) made.set(count, (run = statement<Row>(dialect, text(count))));
    return run;
  };
}

/** `(?, ?), (?, ?)`: `rows` groups of `columns` placeholders. */
export const valueRows = (rows: number, columns: number) => Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');
