#pragma once
// The catalog queries. Each returns one DDL statement per row for one object
// kind, built server-side with format()/quote_ident so quoting is
// PostgreSQL's own; search_path is empty, so every name comes back qualified.
#include <array>
#include <string_view>

namespace pgshape::introspect {

// Empty search_path: the catalog's deparsers then qualify every name. UTC
// and ISO styles: date, time and interval constants print in the one form
// the parser's canonical form knows (parser/datetime_text.cpp), whatever
// the server's defaults.
//
// No JIT and no parallel workers, both for the server's CPU time, which is
// what a large catalog is read in (measured at 10,000 tables). The
// subqueries inflate the planner's cost estimates past jit_above_cost, and
// compiling the tables query alone took 2.1 s (EXPLAIN ANALYZE's JIT
// timing), twice what running it takes. A parallel worker is a new backend
// that builds its own catalog and relation caches for the deparsers it runs:
// every query one after the other on one connection took 7.0 s of server
// CPU with workers and 3.6 s without. The introspector runs its queries on
// several connections instead (introspect.cpp).
//
// work_mem of 64 MB: the tables' rows hash every column of every table
// (200,000 rows of pg_attribute at 10,000 tables), which PostgreSQL's
// default 4 MB split into batches written to disk and read back (0.47
// against 0.40 s of the query, run again in one session). LOCAL: for this
// read's transaction only.
inline constexpr const char* k_session_settings =
    "SET LOCAL search_path = ''; SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, MDY'; "
    "SET LOCAL IntervalStyle = 'postgres'; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; "
    "SET LOCAL work_mem = '64MB'";

// Objects pgshape manages: outside system schemas and not part of an extension.
#define PGSHAPE_USER_SCHEMA(nsp) \
    "(" nsp ".nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') " \
    "AND " nsp ".nspname NOT LIKE 'pg\\_temp\\_%' AND " nsp ".nspname NOT LIKE 'pg\\_toast\\_temp\\_%')"
// A member's dependency names its extension (refclassid pg_extension):
// said so, the planner may read the few rows of extensions' members through
// pg_depend's reference index once, where it otherwise scanned every
// dependency of the catalog's kind (at 10,000 tables, 108,000 rows of
// pg_class's, 80 ms per query), and it still may probe per object.
#define PGSHAPE_NOT_EXTENSION_MEMBER(catalog, oid) \
    "NOT EXISTS (SELECT 1 FROM pg_depend ext WHERE ext.refclassid = 'pg_extension'::regclass " \
    "AND ext.classid = '" catalog "'::regclass AND ext.objid = " oid " AND ext.deptype = 'e')"

inline constexpr std::string_view k_schemas =
    "SELECT format('CREATE SCHEMA %I;', n.nspname) FROM pg_namespace n "
    "WHERE " PGSHAPE_USER_SCHEMA("n") " AND n.nspname <> 'public' AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_namespace", "n.oid");

inline constexpr std::string_view k_extensions =
    "SELECT format('CREATE EXTENSION %I WITH SCHEMA %I VERSION %L;', e.extname, n.nspname, e.extversion) "
    "FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'";

inline constexpr std::string_view k_enums =
    "SELECT format('CREATE TYPE %I.%I AS ENUM (%s);', n.nspname, t.typname, "
    "string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)) "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid "
    "WHERE " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_type", "t.oid") " "
    "GROUP BY n.nspname, t.typname";

// Domains with their checks and comments, one row each: validated checks
// inside CREATE DOMAIN, NOT VALID ones as ALTER DOMAIN ... ADD CONSTRAINT
// (CREATE DOMAIN does not take NOT VALID). COLLATE only where the domain's
// collation is not its base type's.
inline constexpr std::string_view k_domains =
    "SELECT format('CREATE DOMAIN %I.%I AS %s%s%s%s%s;%s%s%s', n.nspname, t.typname, "
    "format_type(t.typbasetype, t.typtypmod), "
    "CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN ' COLLATE ' || quote_ident(co.collname) END, "
    "' DEFAULT ' || pg_get_expr(t.typdefaultbin, 0), CASE WHEN t.typnotnull THEN ' NOT NULL' END, "
    "(SELECT string_agg(format(' CONSTRAINT %I %s', c.conname, pg_get_constraintdef(c.oid)), '' ORDER BY c.conname) "
    "FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' AND c.convalidated), "
    "(SELECT string_agg(format(' ALTER DOMAIN %I.%I ADD CONSTRAINT %I %s;', n.nspname, t.typname, c.conname, "
    "pg_get_constraintdef(c.oid)), '' ORDER BY c.conname) "
    "FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c' AND NOT c.convalidated), "
    "CASE WHEN d.description IS NOT NULL THEN format(' COMMENT ON DOMAIN %I.%I IS %L;', n.nspname, t.typname, "
    "d.description) END, "
    "(SELECT string_agg(format(' COMMENT ON CONSTRAINT %I ON DOMAIN %I.%I IS %L;', c.conname, n.nspname, t.typname, "
    "cd.description), '' ORDER BY c.conname) FROM pg_constraint c JOIN pg_description cd "
    "ON cd.classoid = 'pg_constraint'::regclass AND cd.objoid = c.oid WHERE c.contypid = t.oid)) "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type bt ON bt.oid = t.typbasetype "
    "LEFT JOIN pg_collation co ON co.oid = t.typcollation "
    "LEFT JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid AND d.objsubid = 0 "
    "WHERE t.typtype = 'd' AND " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

// Composite types (not the row types of tables) with their attributes and
// comments, one row each; COLLATE only where an attribute's collation is
// not its type's.
inline constexpr std::string_view k_composite_types =
    "SELECT format('CREATE TYPE %I.%I AS (%s);%s%s', n.nspname, t.typname, "
    "(SELECT string_agg(format('%I %s%s', a.attname, format_type(a.atttypid, a.atttypmod), "
    "CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN ' COLLATE ' || quote_ident(co.collname) END), "
    "', ' ORDER BY a.attnum) FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid "
    "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
    "WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), "
    "CASE WHEN d.description IS NOT NULL THEN format(' COMMENT ON TYPE %I.%I IS %L;', n.nspname, t.typname, "
    "d.description) END, "
    "(SELECT string_agg(format(' COMMENT ON COLUMN %I.%I.%I IS %L;', n.nspname, t.typname, a.attname, ad.description), "
    "'' ORDER BY a.attnum) FROM pg_attribute a JOIN pg_description ad ON ad.classoid = 'pg_class'::regclass "
    "AND ad.objoid = a.attrelid AND ad.objsubid = a.attnum WHERE a.attrelid = t.typrelid AND a.attnum > 0 "
    "AND NOT a.attisdropped)) "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' "
    "LEFT JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid AND d.objsubid = 0 "
    "WHERE t.typtype = 'c' AND " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

// Collations of the libc and ICU providers, as CREATE COLLATION takes them.
inline constexpr std::string_view k_collations =
    "SELECT format('CREATE COLLATION %I.%I (%s%s);', n.nspname, c.collname, "
    "CASE c.collprovider WHEN 'i' THEN format('provider = icu, locale = %L', c.colliculocale) "
    "ELSE format('provider = libc, lc_collate = %L, lc_ctype = %L', c.collcollate, c.collctype) END, "
    "CASE WHEN c.collisdeterministic THEN '' ELSE ', deterministic = false' END) "
    "FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace "
    "WHERE c.collprovider IN ('c', 'i') AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_collation", "c.oid");

// Sequences that back identity columns are part of the column, not objects.
inline constexpr std::string_view k_sequences =
    "SELECT format('CREATE SEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s;', "
    "n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax, s.seqstart, "
    "s.seqcache, CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END) "
    "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " "
    "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
    "AND d.deptype = 'i')";

inline constexpr std::string_view k_sequence_owners =
    "SELECT format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I;', sn.nspname, s.relname, tn.nspname, t.relname, a.attname) "
    "FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' "
    "JOIN pg_namespace sn ON sn.oid = s.relnamespace "
    "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace "
    "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
    "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' "
    "AND " PGSHAPE_USER_SCHEMA("sn") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "s.oid");

// Column defaults are deparsed with pg_get_expr(adbin, 0): a default cannot
// name a column, and with a relation the deparser opens it (a relcache
// entry built and a lock taken per table), which made this query four times
// slower at 10,000 tables. Generated columns name columns and keep theirs.
//
// A plain table (no partition, no parent, not partitioned) is read as rows,
// one per column, and its CREATE TABLE is written by pgshape
// (composed_tables.cpp): format() and string_agg over every column were most of
// this query's cost (1.1 s of the server's CPU at 10,000 tables against 0.3
// s for the rows). The other tables are written here.
#define PGSHAPE_PLAIN_TABLE(c) \
    "(" c ".relkind = 'r' AND NOT " c ".relispartition " \
    "AND NOT EXISTS (SELECT 1 FROM pg_inherits pt WHERE pt.inhrelid = " c ".oid))"

// The columns of plain tables, in the order composed_tables.cpp reads them:
// table oid, schema, name, persistence ('u' unlogged), WITH (...) text
// (NULL without options), then the column's number, name, type, COLLATE
// name where it is not its type's, whether it is generated (a STORED
// expression), its default or expression, identity kind, identity
// sequence options (text) and NOT NULL. A table without columns has one
// row with the column fields NULL.
inline constexpr std::string_view k_plain_tables =
    // The tables first, on their own: filtered per column row, the
    // anti-joins ran 20 times as often (0.7 against 0.5 s at 10,000 tables).
    "WITH c AS MATERIALIZED (SELECT c.oid, n.nspname, c.relname, c.relpersistence, c.reloptions "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE " PGSHAPE_PLAIN_TABLE("c") " AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid") ") "
    "SELECT c.oid, c.nspname, c.relname, c.relpersistence, "
    "CASE WHEN c.reloptions IS NOT NULL THEN (SELECT ' WITH (' || string_agg(format('%s=%L', split_part(o, '=', 1), "
    "substr(o, strpos(o, '=') + 1)), ', ') || ')' FROM unnest(c.reloptions) o) END, "
    "a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), "
    "CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN co.collname END, "
    "a.attgenerated = 's', "
    "CASE WHEN a.attgenerated = 's' THEN pg_get_expr(ad.adbin, ad.adrelid) ELSE pg_get_expr(ad.adbin, 0) END, "
    "a.attidentity, "
    "CASE WHEN a.attidentity <> '' THEN (SELECT format('(INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s)', "
    "sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqstart, sq.seqcache, CASE WHEN sq.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END) "
    "FROM pg_depend di JOIN pg_sequence sq ON sq.seqrelid = di.objid WHERE di.refclassid = 'pg_class'::regclass "
    "AND di.refobjid = c.oid AND di.refobjsubid = a.attnum AND di.classid = 'pg_class'::regclass AND di.deptype = 'i') END, "
    "a.attnotnull "
    "FROM c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
    "LEFT JOIN pg_type ty ON ty.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation "
    "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum";

// The other tables: partitions, inheritance children and partitioned tables.
inline constexpr std::string_view k_tables =
    // A partition is written as PARTITION OF its parent: its columns are the parent's.
    "SELECT CASE WHEN c.relispartition THEN format('CREATE %sTABLE %I.%I PARTITION OF %s%s %s%s;', "
    "CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED ' ELSE '' END, n.nspname, c.relname, "
    "(SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.relname) FROM pg_inherits i "
    "JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid), "
    // The partition's own defaults and NOT NULL, where they differ from its parent's.
    "(SELECT ' (' || string_agg(format('%I WITH OPTIONS%s%s', pa.attname, "
    "CASE WHEN pg_get_expr(pd.adbin, 0) IS DISTINCT FROM pg_get_expr(qd.adbin, 0) "
    "THEN ' DEFAULT ' || coalesce(pg_get_expr(pd.adbin, 0), 'NULL') ELSE '' END, "
    "CASE WHEN pa.attnotnull AND NOT qa.attnotnull THEN ' NOT NULL' ELSE '' END), ', ' ORDER BY pa.attnum) || ')' "
    "FROM pg_inherits pi JOIN pg_attribute pa ON pa.attrelid = c.oid AND pa.attnum > 0 AND NOT pa.attisdropped "
    "AND pa.attgenerated = '' "
    "JOIN pg_attribute qa ON qa.attrelid = pi.inhparent AND qa.attname = pa.attname "
    "LEFT JOIN pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum "
    "LEFT JOIN pg_attrdef qd ON qd.adrelid = qa.attrelid AND qd.adnum = qa.attnum "
    "WHERE pi.inhrelid = c.oid AND (pg_get_expr(pd.adbin, 0) IS DISTINCT FROM pg_get_expr(qd.adbin, 0) "
    "OR (pa.attnotnull AND NOT qa.attnotnull))), "
    "pg_get_expr(c.relpartbound, c.oid), "
    "(SELECT ' WITH (' || string_agg(format('%s=%L', split_part(o, '=', 1), substr(o, strpos(o, '=') + 1)), ', ') "
    "|| ')' FROM unnest(c.reloptions) o)) ELSE "
    "format('CREATE %sTABLE %I.%I (%s)%s%s%s;%s', CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED ' ELSE '' END, "
    "n.nspname, c.relname, coalesce(string_agg(format('%I %s%s%s%s%s', a.attname, "
    "format_type(a.atttypid, a.atttypmod), "
    "CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END, "
    "CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED' "
    "WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, 0) ELSE '' END, "
    "CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END "
    "|| CASE WHEN sq.seqrelid IS NOT NULL THEN format(' (INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s)', "
    "sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqstart, sq.seqcache, CASE WHEN sq.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END) "
    "ELSE '' END, "
    "CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END), ', ' ORDER BY a.attnum) "
    // An inheritance child declares its local columns only (attislocal).
    "FILTER (WHERE a.attname IS NOT NULL AND a.attislocal), ''), "
    "(SELECT ' INHERITS (' || string_agg(quote_ident(pn.nspname) || '.' || quote_ident(p.relname), ', ' "
    "ORDER BY i.inhseqno) || ')' "
    "FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace "
    "WHERE i.inhrelid = c.oid), "
    "CASE WHEN c.relkind = 'p' THEN ' PARTITION BY ' || pg_get_partkeydef(c.oid) ELSE '' END, "
    "(SELECT ' WITH (' || string_agg(format('%s=%L', split_part(o, '=', 1), substr(o, strpos(o, '=') + 1)), ', ') "
    "|| ')' FROM unnest(c.reloptions) o), "
    // A child's own default and NOT NULL on an inherited column, where they
    // differ from what it inherits (the first parent's default, NOT NULL
    // from any parent), as pg_dump writes them.
    "(SELECT string_agg(CASE WHEN pg_get_expr(ca.adbin, ca.adrelid) IS DISTINCT FROM inh.def "
    "THEN format(' ALTER TABLE ONLY %I.%I ALTER COLUMN %I %s;', n.nspname, c.relname, ch.attname, "
    "CASE WHEN ca.adbin IS NULL THEN 'DROP DEFAULT' ELSE 'SET DEFAULT ' || pg_get_expr(ca.adbin, ca.adrelid) END) "
    "ELSE '' END || CASE WHEN ch.attnotnull <> inh.notnull "
    "THEN format(' ALTER TABLE ONLY %I.%I ALTER COLUMN %I %s NOT NULL;', n.nspname, c.relname, ch.attname, "
    "CASE WHEN ch.attnotnull THEN 'SET' ELSE 'DROP' END) ELSE '' END, '' ORDER BY ch.attnum) "
    "FROM pg_attribute ch LEFT JOIN pg_attrdef ca ON ca.adrelid = ch.attrelid AND ca.adnum = ch.attnum "
    "CROSS JOIN LATERAL (SELECT (SELECT pg_get_expr(pd.adbin, pd.adrelid) FROM pg_inherits pi "
    "JOIN pg_attribute pa ON pa.attrelid = pi.inhparent AND pa.attname = ch.attname AND NOT pa.attisdropped "
    "JOIN pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum "
    "WHERE pi.inhrelid = c.oid ORDER BY pi.inhseqno LIMIT 1) AS def, "
    "(SELECT coalesce(bool_or(pa.attnotnull), false) FROM pg_inherits pi "
    "JOIN pg_attribute pa ON pa.attrelid = pi.inhparent AND pa.attname = ch.attname AND NOT pa.attisdropped "
    "WHERE pi.inhrelid = c.oid) AS notnull) inh "
    "WHERE ch.attrelid = c.oid AND ch.attnum > 0 AND NOT ch.attisdropped AND ch.attinhcount > 0 "
    "AND ch.attgenerated = '')) END "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
    "LEFT JOIN pg_type ty ON ty.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation "
    "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
    "LEFT JOIN pg_depend di ON a.attidentity <> '' AND di.refclassid = 'pg_class'::regclass AND di.refobjid = c.oid "
    "AND di.refobjsubid = a.attnum AND di.classid = 'pg_class'::regclass AND di.deptype = 'i' "
    "LEFT JOIN pg_sequence sq ON sq.seqrelid = di.objid "
    "WHERE c.relkind IN ('r', 'p') AND NOT " PGSHAPE_PLAIN_TABLE("c") " AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " "
    "GROUP BY c.oid, c.relpersistence, c.relispartition, c.relpartbound, c.relkind, c.reloptions, n.nspname, c.relname";
#undef PGSHAPE_PLAIN_TABLE

// A partitioned table's key added with ALTER TABLE ONLY that does not cover
// every partition yet (its index is not valid) is written so; a
// partition's key attached to its parent's index is followed by the ALTER
// INDEX ... ATTACH PARTITION that made it part of it (also the keys the
// parent's own key made: the parser leaves those under PostgreSQL's names
// to the parent).
//
// Primary keys, unique keys and foreign keys as rows (composed_keys.cpp
// writes them in pg_get_constraintdef's text: its lookups of every column's
// name were 0.6 s of the server's CPU at 10,000 tables); exclusion
// constraints deparsed. The fields: oid, schema, table, name, whether the key is
// added ONLY, the kind, the table's oid, conkey, the referenced
// table (schema and name) and its oid, confkey, the match type, the update
// and delete actions, the delete action's columns, DEFERRABLE, INITIALLY
// DEFERRED, validated, the key's index's NULLS NOT DISTINCT, indkey and
// number of key columns (the others are INCLUDE), pg_get_constraintdef's
// text for an exclusion constraint, and the ATTACH PARTITION that follows.
inline constexpr std::string_view k_key_constraints =
    "SELECT con.oid, n.nspname, c.relname, con.conname, "
    "c.relkind = 'p' AND con.contype IN ('p', 'u') AND NOT coalesce(ix.indisvalid, true), "
    "con.contype, con.conrelid, con.conkey, fn.nspname, fc.relname, con.confrelid, con.confkey, con.confmatchtype, "
    "con.confupdtype, con.confdeltype, con.confdelsetcols, con.condeferrable, con.condeferred, con.convalidated, "
    "ix.indnullsnotdistinct, ix.indkey, ix.indnkeyatts, "
    "CASE WHEN con.contype = 'x' THEN pg_get_constraintdef(con.oid) END, "
    "coalesce((SELECT format(' ALTER INDEX %I.%I ATTACH PARTITION %I.%I;', pn.nspname, p.relname, n.nspname, ci.relname) "
    "FROM pg_inherits ih JOIN pg_class p ON p.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace "
    "JOIN pg_class ci ON ci.oid = ih.inhrelid WHERE con.contype IN ('p', 'u') AND ih.inhrelid = con.conindid), '') "
    "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u') "
    "LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
    "WHERE con.contype IN ('p', 'u', 'f', 'x') AND c.relkind IN ('r', 'p') "
    "AND ((con.conislocal AND con.conparentid = 0) OR (con.contype IN ('p', 'u') AND con.conparentid <> 0)) "
    "AND " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid");
// Checks as rows (composed_checks.cpp writes their statements): oid,
// schema, table, name, the table's oid, the expression (conbin), whether
// validated and NO INHERIT. A check PostgreSQL copied from a parent is the
// parent's (not local).
inline constexpr std::string_view k_check_constraints =
    "SELECT con.oid, n.nspname, c.relname, con.conname, con.conrelid, con.conbin, con.convalidated, con.connoinherit "
    "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE con.contype = 'c' AND c.relkind IN ('r', 'p') AND con.conislocal AND con.conparentid = 0 "
    "AND " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid");
// The validated copies of a NOT VALID check on the tables under its table
// (those PostgreSQL keeps as inherited: a child's own check of that name
// is read above), as VALIDATE CONSTRAINT: a copy is validated where the
// copy of a parent (a direct one) is not. Read from pg_inherits, which is
// small where pg_constraint is large.
inline constexpr std::string_view k_check_validations =
    "SELECT DISTINCT format('ALTER TABLE %I.%I VALIDATE CONSTRAINT %I;', n.nspname, c.relname, con.conname) "
    "FROM pg_inherits i JOIN pg_constraint con ON con.conrelid = i.inhrelid AND con.contype = 'c' "
    "AND NOT con.conislocal AND con.convalidated "
    "JOIN pg_constraint pc ON pc.conrelid = i.inhparent AND pc.conname = con.conname AND pc.contype = 'c' "
    "AND NOT pc.convalidated "
    "JOIN pg_class c ON c.oid = i.inhrelid AND c.relkind IN ('r', 'p') JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

// Indexes that back a constraint are the constraint's, not separate objects.
// A partitioned index that does not cover every partition yet (not valid)
// keeps pg_get_indexdef's ON ONLY, a valid one loses it; a partition's
// index attached to its parent's is followed by its ALTER INDEX ... ATTACH
// PARTITION (the parser leaves those the parent's index made under
// PostgreSQL's names to the parent).
//
// A plain index (columns only, each with its type's default operator class
// and its column's collation; no INCLUDE, WHERE, WITH or NULLS NOT
// DISTINCT) is written by pgshape (composed_indexes.cpp) from its row, as
// pg_get_indexdef writes it: the deparser looks the default operator class
// up by scanning pg_opclass for every column of every index (1.7 s of the
// server's CPU at 10,000 tables), and the same test written in SQL, a join
// per key column, still cost 0.7 s against 0.3 s for the rows. The text is
// the same (checked for every index of the benchmark's 10,000 tables and
// for each kind in tests/cli/test_cli.sh); any other index is deparsed,
// once for each shape (composed_indexes.cpp).
#define PGSHAPE_INDEXDEF(i, ic) \
    "CASE WHEN " ic ".relkind = 'I' AND " i ".indisvalid THEN regexp_replace(pg_get_indexdef(" i ".indexrelid), ' ON ONLY ', ' ON ') " \
    "ELSE pg_get_indexdef(" i ".indexrelid) END"

// One row per index: its oid, name, schema, table, access method, whether
// unique, whether it may be plain (the tests that need no column's type:
// composed_indexes.cpp tests the rest), its table's oid, indkey, indclass,
// indoption and indcollation (as their text: numbers with spaces between);
// for an index that is not plain, what pg_get_indexdef's text is made of
// besides the names (composed_indexes.cpp deparses one index of each
// shape): whether a column has options (attoptions: such an index is
// deparsed on its own), the expressions, the predicate, the index's and the
// table's kind, whether valid, the storage parameters, NULLS NOT DISTINCT
// and the number of key columns; then the ATTACH PARTITION that follows it.
inline constexpr std::string_view k_indexes =
    "SELECT i.indexrelid, ic.relname, n.nspname, c.relname, am.amname, i.indisunique, "
    "ic.relkind = 'i' AND i.indexprs IS NULL AND i.indpred IS NULL AND i.indnatts = i.indnkeyatts "
    "AND ic.reloptions IS NULL AND NOT i.indnullsnotdistinct AND NOT o.options, "
    "i.indrelid, i.indkey, i.indclass, i.indoption, i.indcollation, o.options, i.indexprs, i.indpred, "
    "ic.relkind, i.indisvalid, c.relkind, ic.reloptions, i.indnullsnotdistinct, i.indnkeyatts, "
    "coalesce((SELECT format(' ALTER INDEX %I.%I ATTACH PARTITION %I.%I;', pn.nspname, p.relname, n.nspname, ic.relname) "
    "FROM pg_inherits ih JOIN pg_class p ON p.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace "
    "WHERE ih.inhrelid = i.indexrelid), '') "
    "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam "
    // OFFSET 0: the test runs once per index (inlined, the planner wrote it
    // twice, each a scan of the whole of pg_attribute).
    "CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM pg_attribute ia WHERE ia.attrelid = i.indexrelid "
    "AND ia.attoptions IS NOT NULL) AS options OFFSET 0) o "
    "WHERE c.relkind IN ('r', 'p', 'm') AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " "
    "AND i.indexrelid NOT IN (SELECT con.conindid FROM pg_constraint con WHERE con.contype IN ('p', 'u', 'x'))";

// The tables' columns (table oid, number, name, the type or a domain's base
// type, collation), by which composed_indexes.cpp and composed_keys.cpp
// name a key's columns; and the operator classes (oid, whether default,
// input type), against which composed_indexes.cpp tests an index's.
inline constexpr std::string_view k_table_columns =
    "SELECT a.attrelid, a.attnum, a.attname, coalesce(nullif(t.typbasetype, 0), a.atttypid), a.attcollation "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "JOIN pg_type t ON t.oid = a.atttypid "
    "WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND " PGSHAPE_USER_SCHEMA("n");
inline constexpr std::string_view k_operator_classes = "SELECT opc.oid, opc.opcdefault, opc.opcintype FROM pg_opclass opc";
// pg_get_constraintdef's text of constraints composed_keys.cpp could not
// write, and pg_get_indexdef's of the indexes whose columns are not plain,
// by oid ($1: an array of oids).
inline constexpr std::string_view k_constraint_definitions =
    "SELECT con.oid, pg_get_constraintdef(con.oid) FROM pg_constraint con WHERE con.oid = ANY($1::pg_catalog.oid[])";
inline constexpr std::string_view k_index_definitions =
    "SELECT i.indexrelid, " PGSHAPE_INDEXDEF("i", "ic") " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
    "WHERE i.indexrelid = ANY($1::pg_catalog.oid[])";
#undef PGSHAPE_INDEXDEF

// Views and materialized views, their options, whether a materialized
// view holds data and a view's column defaults; pg_get_viewdef writes the
// query with every name qualified. A default cannot name a column: it is
// deparsed without its view (see k_tables).
inline constexpr std::string_view k_views =
    "SELECT format('CREATE %sVIEW %I.%I%s AS %s%s;%s', CASE WHEN c.relkind = 'm' THEN 'MATERIALIZED ' ELSE '' END, "
    "n.nspname, c.relname, "
    "(SELECT ' WITH (' || string_agg(format('%s=%L', split_part(o, '=', 1), substr(o, strpos(o, '=') + 1)), ', ') "
    "|| ')' FROM unnest(c.reloptions) o), "
    "regexp_replace(pg_get_viewdef(c.oid), ';\\s*$', ''), "
    "CASE WHEN c.relkind = 'm' AND NOT c.relispopulated THEN ' WITH NO DATA' ELSE '' END, "
    "(SELECT string_agg(format(' ALTER VIEW %I.%I ALTER COLUMN %I SET DEFAULT %s;', n.nspname, c.relname, a.attname, "
    "pg_get_expr(d.adbin, 0)), '' ORDER BY a.attnum) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid "
    "AND a.attnum = d.adnum WHERE d.adrelid = c.oid)) "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('v', 'm') AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

// Comments on every kind pgshape manages, in one pass over pg_description.
inline constexpr std::string_view k_comments =
    "SELECT format('COMMENT ON %s IS %L;', CASE "
    "WHEN d.classoid = 'pg_namespace'::regclass THEN 'SCHEMA ' || quote_ident(ns.nspname) "
    "WHEN d.classoid = 'pg_type'::regclass THEN 'TYPE ' || quote_ident(tn.nspname) || '.' || quote_ident(t.typname) "
    "WHEN d.classoid = 'pg_collation'::regclass THEN 'COLLATION ' || quote_ident(lnsp.nspname) || '.' || quote_ident(coll.collname) "
    "WHEN d.classoid = 'pg_constraint'::regclass THEN 'CONSTRAINT ' || quote_ident(con.conname) || ' ON ' "
    "|| quote_ident(cn.nspname) || '.' || quote_ident(cc.relname) "
    "WHEN d.objsubid > 0 THEN 'COLUMN ' || quote_ident(rn.nspname) || '.' || quote_ident(r.relname) || '.' "
    "|| quote_ident(a.attname) "
    "WHEN r.relkind = 'S' THEN 'SEQUENCE ' || quote_ident(rn.nspname) || '.' || quote_ident(r.relname) "
    "WHEN r.relkind IN ('i', 'I') THEN 'INDEX ' || quote_ident(rn.nspname) || '.' || quote_ident(r.relname) "
    "WHEN r.relkind = 'v' THEN 'VIEW ' || quote_ident(rn.nspname) || '.' || quote_ident(r.relname) "
    "WHEN r.relkind = 'm' THEN 'MATERIALIZED VIEW ' || quote_ident(rn.nspname) || '.' || quote_ident(r.relname) "
    "ELSE 'TABLE ' || quote_ident(rn.nspname) || '.' || quote_ident(r.relname) END, d.description) "
    "FROM pg_description d "
    "LEFT JOIN pg_namespace ns ON d.classoid = 'pg_namespace'::regclass AND ns.oid = d.objoid "
    "LEFT JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND t.oid = d.objoid "
    "LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace "
    "LEFT JOIN pg_collation coll ON d.classoid = 'pg_collation'::regclass AND coll.oid = d.objoid "
    "LEFT JOIN pg_namespace lnsp ON lnsp.oid = coll.collnamespace "
    "LEFT JOIN pg_constraint con ON d.classoid = 'pg_constraint'::regclass AND con.oid = d.objoid "
    "LEFT JOIN pg_class cc ON cc.oid = con.conrelid LEFT JOIN pg_namespace cn ON cn.oid = cc.relnamespace "
    "LEFT JOIN pg_class r ON d.classoid = 'pg_class'::regclass AND r.oid = d.objoid "
    "LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace "
    "LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.objsubid AND d.objsubid > 0 "
    "WHERE ((ns.oid IS NOT NULL AND " PGSHAPE_USER_SCHEMA("ns") " AND ns.nspname <> 'public' AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_namespace", "ns.oid") ") "
    "OR (t.oid IS NOT NULL AND t.typtype = 'e' AND " PGSHAPE_USER_SCHEMA("tn") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_type", "t.oid") ") "
    "OR (coll.oid IS NOT NULL AND coll.collprovider IN ('c', 'i') AND " PGSHAPE_USER_SCHEMA("lnsp") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_collation", "coll.oid") ") "
    "OR (con.oid IS NOT NULL AND cc.relkind IN ('r', 'p') AND " PGSHAPE_USER_SCHEMA("cn") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "cc.oid") ") "
    "OR (r.oid IS NOT NULL AND r.relkind IN ('r', 'p', 'S', 'i', 'I', 'v', 'm') AND " PGSHAPE_USER_SCHEMA("rn") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "r.oid") " AND (d.objsubid = 0 OR a.attname IS NOT NULL) "
    "AND NOT (r.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend di WHERE di.classid = 'pg_class'::regclass "
    "AND di.objid = r.oid AND di.deptype = 'i'))))";

// The comment on the public schema where it is not PostgreSQL's own (NULL
// when it was removed).
inline constexpr std::string_view k_public_schema_comment =
    "SELECT format('COMMENT ON SCHEMA public IS %s;', coalesce(quote_literal(d.description), 'NULL')) "
    "FROM pg_namespace n LEFT JOIN pg_description d ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid "
    "AND d.objsubid = 0 WHERE n.nspname = 'public' AND d.description IS DISTINCT FROM 'standard public schema'";

// Functions and procedures as pg_get_functiondef() writes them (aggregates
// and window functions are not read).
inline constexpr std::string_view k_functions =
    "SELECT pg_get_functiondef(p.oid) || ';' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE p.prokind IN ('f', 'p') AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_proc", "p.oid");

// Triggers as pg_get_triggerdef() writes them, with their firing state;
// not those PostgreSQL makes for foreign keys (internal) or clones onto
// partitions (tgparentid).
inline constexpr std::string_view k_triggers =
    "SELECT pg_get_triggerdef(t.oid) || ';' || CASE t.tgenabled "
    "WHEN 'D' THEN format(' ALTER TABLE %I.%I DISABLE TRIGGER %I;', n.nspname, c.relname, t.tgname) "
    "WHEN 'R' THEN format(' ALTER TABLE %I.%I ENABLE REPLICA TRIGGER %I;', n.nspname, c.relname, t.tgname) "
    "WHEN 'A' THEN format(' ALTER TABLE %I.%I ENABLE ALWAYS TRIGGER %I;', n.nspname, c.relname, t.tgname) "
    "ELSE '' END "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v') AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

// Comments on functions, procedures and triggers.
inline constexpr std::string_view k_routine_comments =
    "SELECT format('COMMENT ON %s %I.%I(%s) IS %L;', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, "
    "n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), d.description) "
    "FROM pg_description d JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid "
    "JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE p.prokind IN ('f', 'p') AND " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_proc", "p.oid") " "
    "UNION ALL "
    "SELECT format('COMMENT ON TRIGGER %I ON %I.%I IS %L;', t.tgname, n.nspname, c.relname, d.description) "
    "FROM pg_description d JOIN pg_trigger t ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid "
    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v') AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

// Row-level security flags, replica identity, CLUSTER ON and column
// statistics targets: one row per table that has any of them set (DEFAULT,
// off and -1 are what CREATE TABLE gives). A partition's statistics are its
// parent's business and not read.
inline constexpr std::string_view k_table_properties =
    "SELECT s FROM (SELECT concat_ws(' ', "
    "CASE WHEN c.relrowsecurity THEN format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY;', n.nspname, c.relname) END, "
    "CASE WHEN c.relforcerowsecurity THEN format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY;', n.nspname, c.relname) END, "
    "CASE c.relreplident WHEN 'f' THEN format('ALTER TABLE %I.%I REPLICA IDENTITY FULL;', n.nspname, c.relname) "
    "WHEN 'n' THEN format('ALTER TABLE %I.%I REPLICA IDENTITY NOTHING;', n.nspname, c.relname) "
    // An identity index that was dropped leaves 'i' with no index: it then
    // behaves as NOTHING, and is read so.
    "WHEN 'i' THEN coalesce((SELECT format('ALTER TABLE %I.%I REPLICA IDENTITY USING INDEX %I;', n.nspname, c.relname, "
    "ic.relname) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisreplident), "
    "format('ALTER TABLE %I.%I REPLICA IDENTITY NOTHING;', n.nspname, c.relname)) END, "
    "(SELECT format('ALTER TABLE %I.%I CLUSTER ON %I;', n.nspname, c.relname, ic.relname) FROM pg_index i "
    "JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisclustered), "
    "(SELECT string_agg(format('ALTER TABLE %I.%I ALTER COLUMN %I SET STATISTICS %s;', n.nspname, c.relname, a.attname, "
    "a.attstattarget), ' ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
    "AND NOT a.attisdropped AND a.attstattarget >= 0 AND NOT c.relispartition)) AS s "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p') AND " PGSHAPE_USER_SCHEMA("n") " AND "
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid") ") t WHERE s <> ''";

// Policies with their comments; pg_get_expr writes USING and WITH CHECK
// with every name qualified. polroles {0} is PUBLIC.
inline constexpr std::string_view k_policies =
    "SELECT format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s%s%s;%s', p.polname, n.nspname, c.relname, "
    "CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END, "
    "CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' "
    "ELSE 'ALL' END, "
    "CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname) "
    "FROM pg_roles r WHERE r.oid = ANY (p.polroles)) END, "
    "' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', "
    "' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', "
    "CASE WHEN d.description IS NOT NULL THEN "
    "format(' COMMENT ON POLICY %I ON %I.%I IS %L;', p.polname, n.nspname, c.relname, d.description) END) "
    "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_description d ON d.classoid = 'pg_policy'::regclass AND d.objoid = p.oid AND d.objsubid = 0 "
    "WHERE " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

// Privileges, owners and default privileges: read only with --privileges.
// The objects that have them: kind (as GRANT names it), target, column
// list (column privileges), ACL, owner, and whether the object is a
// sequence a column owns (its owner is its table's). Relations, their
// columns, routines, schemas (public included) and enum types; not the
// sequences behind identity columns.
#define PGSHAPE_ACL_OBJECTS \
    "SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, " \
    "format('%I.%I', n.nspname, c.relname) AS target, '' AS cols, c.relacl AS acl, c.relowner AS owner, " \
    "CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END " \
    "AS alter_kind, EXISTS (SELECT 1 FROM pg_depend da WHERE c.relkind = 'S' AND da.classid = 'pg_class'::regclass " \
    "AND da.objid = c.oid AND da.deptype = 'a') AS linked " \
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " \
    "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND " PGSHAPE_USER_SCHEMA("n") " AND " \
    PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " " \
    "AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend di WHERE di.classid = 'pg_class'::regclass " \
    "AND di.objid = c.oid AND di.deptype = 'i')) " \
    "UNION ALL " \
    "SELECT 'TABLE', format('%I.%I', n.nspname, c.relname), format(' (%I)', t.attname), t.attacl, c.relowner, '', false " \
    "FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " \
    "WHERE t.attacl IS NOT NULL AND t.attnum > 0 AND NOT t.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND " \
    PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " " \
    "UNION ALL " \
    "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, " \
    "format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), '', p.proacl, p.proowner, " \
    "CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, false " \
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace " \
    "WHERE p.prokind IN ('f', 'p') AND " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_proc", "p.oid") " " \
    "UNION ALL " \
    "SELECT 'SCHEMA', quote_ident(n.nspname), '', n.nspacl, n.nspowner, 'SCHEMA', false FROM pg_namespace n " \
    "WHERE " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_namespace", "n.oid") " " \
    "UNION ALL " \
    "SELECT 'TYPE', format('%I.%I', n.nspname, t.typname), '', t.typacl, t.typowner, 'TYPE', false " \
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace " \
    "WHERE t.typtype = 'e' AND " PGSHAPE_USER_SCHEMA("n") " AND " PGSHAPE_NOT_EXTENSION_MEMBER("pg_type", "t.oid")

// Each object whose ACL is not NULL (NULL is PostgreSQL's default) comes
// back as the GRANT statements that give it that ACL, starting, for the
// kinds PUBLIC has privileges on by default, with REVOKE ALL ... FROM
// PUBLIC; the owner's own privileges are implied and left out, as is the
// grantor.
inline constexpr std::string_view k_privileges =
    "SELECT concat_ws(' ', CASE WHEN k.kind IN ('FUNCTION', 'PROCEDURE', 'TYPE') OR k.target = 'public' "
    "THEN format('REVOKE ALL ON %s %s FROM PUBLIC;', k.kind, k.target) END, "
    "(SELECT string_agg(format('GRANT %s%s ON %s %s TO %s%s;', a.privilege_type, k.cols, k.kind, k.target, "
    "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END, "
    "CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END), ' ' ORDER BY a.privilege_type, r.rolname) "
    "FROM aclexplode(k.acl) a LEFT JOIN pg_roles r ON r.oid = a.grantee WHERE a.grantee <> k.owner)) "
    "FROM (" PGSHAPE_ACL_OBJECTS ") k WHERE k.acl IS NOT NULL";

// The owner of every object the other queries read (schema public's is not
// managed: PostgreSQL gives it to pg_database_owner; a sequence owned by a
// column has its table's).
inline constexpr std::string_view k_owners =
    "SELECT format('ALTER %s %s OWNER TO %I;', k.alter_kind, k.target, r.rolname) "
    "FROM (" PGSHAPE_ACL_OBJECTS ") k JOIN pg_roles r ON r.oid = k.owner "
    "WHERE k.cols = '' AND NOT k.linked AND NOT (k.kind = 'SCHEMA' AND k.target = 'public')";

// Default privileges: the entries of pg_default_acl, as the statements
// that set them. A role's own entries are implied (it owns what it
// creates); the defaults without IN SCHEMA replace PostgreSQL's built-in
// ones, which give PUBLIC EXECUTE on functions and USAGE on types.
inline constexpr std::string_view k_default_privileges =
    "SELECT concat_ws(' ', CASE WHEN d.defaclnamespace = 0 AND d.defaclobjtype IN ('f', 'T') "
    "THEN format('ALTER DEFAULT PRIVILEGES FOR ROLE %I REVOKE ALL ON %s FROM PUBLIC;', o.rolname, w.word) END, "
    "(SELECT string_agg(format('ALTER DEFAULT PRIVILEGES FOR ROLE %I%s GRANT %s ON %s TO %s%s;', o.rolname, "
    "CASE WHEN d.defaclnamespace <> 0 THEN format(' IN SCHEMA %I', n.nspname) ELSE '' END, a.privilege_type, w.word, "
    "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END, "
    "CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END), ' ' ORDER BY a.privilege_type, r.rolname) "
    "FROM aclexplode(d.defaclacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee WHERE a.grantee <> d.defaclrole)) "
    "FROM pg_default_acl d JOIN pg_roles o ON o.oid = d.defaclrole "
    "LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace "
    "CROSS JOIN LATERAL (SELECT CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' "
    "WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END AS word) w";

#undef PGSHAPE_ACL_OBJECTS
#undef PGSHAPE_USER_SCHEMA
#undef PGSHAPE_NOT_EXTENSION_MEMBER

inline constexpr std::array<std::string_view, 21> k_all_queries = {
    k_schemas, k_extensions, k_enums, k_domains, k_composite_types, k_collations, k_sequences, k_sequence_owners, k_plain_tables, k_tables, k_key_constraints, k_check_constraints, k_indexes, k_views,
    k_comments, k_public_schema_comment,
    k_functions, k_triggers, k_routine_comments, k_table_properties, k_policies,
};
// The queries whose answers create types and relations: the model's first
// passes read only these (parser::StagedBuild), and run as soon as they are
// in. A statement of those passes in another answer is no error, only
// slower: the model is then built again from the start.
inline constexpr std::array<std::string_view, 9> k_declaring_queries = {
    k_schemas, k_extensions, k_enums, k_domains, k_composite_types, k_collations, k_sequences, k_plain_tables, k_tables,
};
// The queries the answers pgshape writes itself run besides theirs
// (composed_answers.hpp); the catalog cache's key covers them too.
inline constexpr std::array<std::string_view, 5> k_composing_queries = {
    k_table_columns, k_operator_classes, k_constraint_definitions, k_index_definitions, k_check_validations,
};
// With --privileges, these three more.
inline constexpr std::array<std::string_view, 3> k_privilege_queries = {k_privileges, k_owners, k_default_privileges};

} // namespace pgshape::introspect
