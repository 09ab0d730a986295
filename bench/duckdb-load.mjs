// duckdb-load.mjs DB TABLE FILE - DuckDB read_csv into a table: the peer row of
// scripts/bench, which copies this next to its node_modules (npm @duckdb/node-api)
import { DuckDBInstance } from '@duckdb/node-api';
const [db, table, file] = process.argv.slice(2);
const inst = await DuckDBInstance.create(db);
const con = await inst.connect();
await con.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
const r = await con.runAndReadAll(`SELECT count(*) FROM ${table}`);
console.log(String(r.getRows()[0][0]));
