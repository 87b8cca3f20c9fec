// Kysely's migrator finds its bookkeeping tables by introspecting every schema of the database, and
// that query fails ("schema … does not exist") when another schema is dropped while it runs
// (kysely#1419): on a database shared with other applications, or under tests that drop their
// schemas in parallel. This dialect's introspector looks in the connection's current schema alone,
// the one the store uses and migrates. Nothing else in the app introspects.
import { type DatabaseIntrospector, type DatabaseMetadata, type Kysely, PostgresDialect, PostgresIntrospector, type SchemaMetadata, sql, type TableMetadata } from 'kysely';

class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  // pg_namespace alone, read without looking any schema up by name: safe while others are dropped.
  getSchemas(): Promise<SchemaMetadata[]> {
    return new PostgresIntrospector(this.#db).getSchemas();
  }

  /** The migrator asks only whether its tables exist: names, without columns. */
  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(this.#db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
