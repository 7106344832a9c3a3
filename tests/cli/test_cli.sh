#!/usr/bin/env bash
# End-to-end checks of the pgshape command line: output, exit codes, hazard
# refusal, error messages, and apply/inspect against the test server.
#
#   bash tests/cli/test_cli.sh path/to/pgshape
#
# The database checks use the server tests/run starts (PGHOST, PGPORT,
# PGUSER); each group gets a fresh database, dropped at the end. Prints one
# `ok - name` / `not ok - name` line per check, then `N passed, M failed`;
# exits 1 when any check failed.
set -uo pipefail

if [[ $# -ne 1 || ! -x "$1" ]]; then
    echo "usage: $0 path/to/pgshape" >&2
    exit 1
fi
pgshape=$(readlink -f -- "$1")
examples_dir=$(dirname -- "$(dirname -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")")")/schemas
psql_bin=/usr/bin/psql
pg_dump_bin=/usr/lib/postgresql/15/bin/pg_dump
[[ -x $pg_dump_bin ]] || pg_dump_bin=$(command -v pg_dump || true)

work=$(mktemp -d /tmp/pgshape-cli.XXXXXX)
databases=()
cleanup() {
    local db
    for db in "${databases[@]}"; do dropdb --if-exists "$db" >/dev/null 2>&1; done
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1

passed=0
failed=0
pass() { printf 'ok - %s\n' "$1"; passed=$((passed + 1)); }
# fail NAME WHY: WHY and the last command's output go under the line, as comments.
fail() {
    printf 'not ok - %s\n' "$1"
    printf '#   %s\n' "$2"
    printf '#   exit code: %s\n' "$rc"
    sed 's/^/#   stdout: /' "$work/out"
    sed 's/^/#   stderr: /' "$work/err"
    failed=$((failed + 1))
}
# check NAME WHY CONDITION...: runs CONDITION (a command), passes when it succeeds.
check() {
    local name=$1 why=$2
    shift 2
    if "$@"; then pass "$name"; else fail "$name" "$why"; fi
}

# Runs pgshape with the given arguments; stdout in $work/out, stderr in
# $work/err, exit code in $rc.
rc=0
run() {
    "$pgshape" "$@" >"$work/out" 2>"$work/err"
    rc=$?
}
out_has() { grep -qF -- "$1" "$work/out"; }
out_line() { grep -qxF -- "$1" "$work/out"; }
err_has() { grep -qF -- "$1" "$work/err"; }
out_empty() { [[ ! -s "$work/out" ]]; }
rc_is() { [[ $rc -eq $1 ]]; }
all() { local c; for c in "$@"; do eval "$c" || return 1; done; }

# --- offline: two schema files ------------------------------------------------
cat >base.sql <<'EOF'
CREATE TABLE w (id integer PRIMARY KEY);
EOF
cat >with_x.sql <<'EOF'
CREATE TABLE w (id integer PRIMARY KEY);
CREATE TABLE x (id integer PRIMARY KEY, name text);
EOF
cat >x_without_name.sql <<'EOF'
CREATE TABLE w (id integer PRIMARY KEY);
CREATE TABLE x (id integer PRIMARY KEY);
EOF
printf 'CREATE TABLE t (id int,, name text);\n' >bad.sql

run plan --from base.sql --to with_x.sql
check "plan between two files prints SQL" "expected exit 0 and a CREATE TABLE public.x in a transaction" \
    all 'rc_is 0' 'out_line "BEGIN;"' 'out_line "CREATE TABLE public.x ("' 'out_line "COMMIT;"' \
        '! out_has "public.w"'

run plan --from base.sql --to with_x.sql --format text
check "plan --format text names the step" "expected exit 0 and the line '+ table public.x'" \
    all 'rc_is 0' 'out_line "+ table public.x"' '! out_has "CREATE TABLE"'

run plan --from with_x.sql --to x_without_name.sql
check "plan that drops a column is refused" "expected exit 3, empty stdout, data_loss named on stderr" \
    all 'rc_is 3' 'out_empty' 'err_has "data_loss"' 'err_has "public.x.name"'

run plan --from with_x.sql --to x_without_name.sql --allow-hazards data_loss
check "plan with --allow-hazards data_loss goes ahead" "expected exit 0 and the DROP COLUMN" \
    all 'rc_is 0' 'out_line "ALTER TABLE public.x DROP COLUMN name;"'

run plan --from with_x.sql --to x_without_name.sql --allow-hazards all
check "plan with --allow-hazards all goes ahead" "expected exit 0 and the DROP COLUMN" \
    all 'rc_is 0' 'out_line "ALTER TABLE public.x DROP COLUMN name;"'

run plan --from with_x.sql --to x_without_name.sql --allow-hazards data_losss
check "plan with an unknown hazard name is an error" "expected exit 1 and the bad name on stderr" \
    all 'rc_is 1' 'out_empty' 'err_has "data_losss"'

run plan --from base.sql --to with_x.sql --direction down --allow-hazards data_loss
check "plan --direction down prints the down script" "expected exit 0, a down header and DROP TABLE public.x" \
    all 'rc_is 0' 'out_has "(down)"' 'out_line "DROP TABLE public.x;"' '! out_has "CREATE TABLE"'

run plan --from base.sql --to with_x.sql --direction down
check "plan --direction down refuses the down script's own data loss" \
    "expected exit 3 (the down script drops public.x, the up script loses nothing)" \
    all 'rc_is 3' 'out_empty' 'err_has "data_loss"' 'err_has "public.x"'

run plan --from with_x.sql --to x_without_name.sql --direction down --allow-hazards data_loss
check "plan --direction down re-adds a dropped column" "expected exit 0 and the ADD COLUMN" \
    all 'rc_is 0' 'out_line "ALTER TABLE public.x ADD COLUMN name text;"' '! out_has "DROP COLUMN"'

run diff --from with_x.sql --to x_without_name.sql --exit-code
check "diff --exit-code exits 2 when the schemas differ" "expected exit 2 and the change listed" \
    all 'rc_is 2' 'out_has "public.x.name"'

run diff --from with_x.sql --to with_x.sql --exit-code
check "diff --exit-code exits 0 when the schemas are the same" "expected exit 0" \
    all 'rc_is 0'

run diff --from with_x.sql --to x_without_name.sql
check "diff without --exit-code exits 0 on differences" "expected exit 0" \
    all 'rc_is 0' 'out_has "public.x.name"'

# Privileges count only with --privileges.
cat >granted.sql <<'EOF'
CREATE TABLE w (id integer PRIMARY KEY);
CREATE TABLE x (id integer PRIMARY KEY, name text);
GRANT SELECT ON x TO PUBLIC;
EOF
run diff --from with_x.sql --to granted.sql --exit-code
check "without --privileges a GRANT is no difference" "expected exit 0" \
    all 'rc_is 0'
run diff --from with_x.sql --to granted.sql --exit-code --privileges
check "with --privileges a GRANT is a difference" "expected exit 2 and the privileges step" \
    all 'rc_is 2' 'out_has "privileges on table public.x"'
run plan --from granted.sql --to with_x.sql --privileges
check "with --privileges the plan revokes what the files no longer grant" "expected exit 0 and the REVOKE" \
    all 'rc_is 0' 'out_line "REVOKE SELECT ON TABLE public.x FROM PUBLIC;"'

run plan --from empty --to bad.sql
check "syntax error exits 1 with file:line:col" "expected exit 1 and bad.sql:1:24 on stderr" \
    all 'rc_is 1' 'out_empty' 'err_has "bad.sql:1:24: error:"' 'err_has "CREATE TABLE t (id int,, name text);"'

run plan --from empty --to missing.sql
check "a source that does not exist exits 1" "expected exit 1 naming missing.sql" \
    all 'rc_is 1' 'out_empty' 'err_has "missing.sql"'

run plan --from empty --to 'postgresql://bob:secret@127.0.0.1:1/x'
check "unreachable database exits 1 without the password" "expected exit 1, an error, and no 'secret' on stderr" \
    all 'rc_is 1' 'out_empty' 'err_has "cannot connect"' '! err_has "secret"'

run apply --database 'postgres://bob:secret@127.0.0.1:1/x' --to with_x.sql
check "apply to an unreachable database exits 1 without the password" "expected exit 1 and no 'secret' anywhere" \
    all 'rc_is 1' 'err_has "cannot connect"' '! err_has "secret"' '! out_has "secret"'

run diff --from 'postgresql://bob@127.0.0.1:1/x?password=secret&connect_timeout=2' --to with_x.sql
check "a password given as a URL parameter is not printed either" "expected exit 1 and no 'secret' on stderr" \
    all 'rc_is 1' 'err_has "cannot connect"' '! err_has "secret"'

# A directory of files, in any order: the FK's file sorts before its target's.
mkdir -p schema_dir/sub
cat >schema_dir/a_orders.sql <<'EOF'
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id));
EOF
cat >schema_dir/sub/b_customers.sql <<'EOF'
CREATE TABLE customers (id integer PRIMARY KEY);
EOF
cat >schema_one_file.sql <<'EOF'
CREATE TABLE customers (id integer PRIMARY KEY);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id));
EOF
run diff --from schema_dir --to schema_one_file.sql --exit-code
check "a directory of schema files reads as one schema, in any order" "expected exit 0 (no differences)" \
    all 'rc_is 0'

run plan --from base.sql --to with_x.sql --format yaml
check "an unknown --format is an error" "expected exit 1 and nothing on stdout" all 'rc_is 1' 'out_empty'

# --- against the test server --------------------------------------------------
if [[ -z "${PGHOST:-}" || -z "${PGPORT:-}" ]]; then
    rc=-
    : >"$work/out"
    echo "PGHOST/PGPORT are not set: run through tests/run (it starts a server)" >"$work/err"
    fail "database checks" "no test server"
    printf '%d passed, %d failed\n' "$passed" "$failed"
    exit 1
fi
export PGUSER=${PGUSER:-postgres}

db_url() { printf 'postgresql:///%s?host=%s&port=%s&user=%s' "$1" "$PGHOST" "$PGPORT" "$PGUSER"; }
# A fresh database for one group of checks: sets $db and $url. Exits the
# script when the server cannot create one (every later check would fail).
fresh_db() {
    db="pgshape_cli_$$_$1"
    url=$(db_url "$db")
    dropdb --if-exists "$db" >/dev/null 2>&1
    databases+=("$db")
    if ! createdb "$db" >"$work/err" 2>&1; then
        rc=-
        : >"$work/out"
        fail "create database $db" "createdb failed"
        printf '%d passed, %d failed\n' "$passed" "$failed"
        exit 1
    fi
}
sql() { "$psql_bin" -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
table_exists() { [[ $(sql "$1" "SELECT to_regclass('$2') IS NOT NULL") == t ]]; }

# apply: dry run, then for real, then nothing left to do.
fresh_db apply
run apply --database "$url" --to with_x.sql --dry-run
check "apply --dry-run prints the plan" "expected exit 0 and both new tables listed" \
    all 'rc_is 0' 'out_line "+ table public.w"' 'out_line "+ table public.x"'
check "apply --dry-run changes nothing" "public.x exists after a dry run" \
    all '! table_exists "$db" public.x' '! table_exists "$db" public.w'

run apply --database "$url" --to with_x.sql
check "apply creates the tables" "expected exit 0 and public.w, public.x in the database" \
    all 'rc_is 0' 'table_exists "$db" public.x' 'table_exists "$db" public.w'

run plan --from "$url" --to with_x.sql
check "plan after apply is empty" "expected exactly '-- pgshape: no changes'" \
    all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'

run diff --from "$url" --to with_x.sql --exit-code
check "diff --exit-code after apply exits 0" "expected exit 0" all 'rc_is 0'

sql "$db" "INSERT INTO x VALUES (1, 'kept')"
run apply --database "$url" --to x_without_name.sql
check "apply refuses a data-loss plan" "expected exit 3 and the column still there" \
    all 'rc_is 3' 'err_has "data_loss"' \
        '[[ $(sql "$db" "SELECT name FROM x") == kept ]]'

# apply is all or nothing: the new table is created by statement 1, statement
# 2 fails (NOT NULL column without default on a table with rows).
fresh_db atomic
sql "$db" "CREATE TABLE items (id integer PRIMARY KEY); INSERT INTO items VALUES (1), (2)"
cat >items_qty.sql <<'EOF'
CREATE TABLE audit (id integer PRIMARY KEY);
CREATE TABLE items (id integer PRIMARY KEY, qty integer NOT NULL);
EOF
# Schema and data; pg_dump's per-run \restrict key is not part of either.
dump() { "$pg_dump_bin" -d "$db" 2>&1 | grep -v '^\\\(un\)\?restrict '; }
dump >before.dump
run apply --database "$url" --to items_qty.sql
dump >after.dump
check "apply with a failing statement exits 1 naming it" "expected exit 1 and the ADD COLUMN on stderr" \
    all 'rc_is 1' 'err_has "ALTER TABLE public.items ADD COLUMN qty integer NOT NULL"'
check "apply with a failing statement leaves the database as it was" \
    "public.audit exists, the rows changed, or the schema dump differs" \
    all '! table_exists "$db" public.audit' '[[ $(sql "$db" "SELECT count(*) FROM items") == 2 ]]' \
        'grep -q "CREATE TABLE public.items" before.dump' 'cmp -s before.dump after.dump'

# Every spelling of a type is created as written and reads back the same.
fresh_db types
cat >types.sql <<'EOF'
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE TABLE typed (
    id int4 PRIMARY KEY,
    a interval day,
    b interval(3),
    c interval hour to minute,
    d interval day to second(2),
    e char,
    f "char",
    g timestamp(3),
    h timestamptz,
    i time(2) with time zone,
    j bit varying(5),
    k float(24),
    l numeric(10),
    m varchar(20)[],
    n mood[],
    o decimal(8,3)
);
EOF
run apply --database "$url" --to types.sql
check "apply creates columns of every type spelling" "expected exit 0" all 'rc_is 0'
run plan --from "$url" --to types.sql
check "columns of every type spelling read back unchanged" "expected exactly '-- pgshape: no changes'" \
    all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'

# An enum value added and used (as a default) by the same apply: PostgreSQL
# refuses a new enum value before the ALTER TYPE ... ADD VALUE commits.
fresh_db enum
cat >mood_a.sql <<'EOF'
CREATE TYPE mood AS ENUM ('a');
CREATE TABLE people (id integer PRIMARY KEY, m mood NOT NULL DEFAULT 'a');
EOF
cat >mood_ab.sql <<'EOF'
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE TABLE people (id integer PRIMARY KEY, m mood NOT NULL DEFAULT 'b');
EOF
default_of_m() { sql "$db" "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'people'::regclass"; }
run apply --database "$url" --to mood_a.sql
check "apply creates an enum and a table using it" "expected exit 0" all 'rc_is 0'
run apply --database "$url" --to mood_ab.sql
check "apply adds an enum value and uses it as a default" "expected exit 0 and the new default in place" \
    all 'rc_is 0' '[[ $(default_of_m) == "'"'b'"'::mood" ]]'
run plan --from "$url" --to mood_ab.sql
check "plan after adding an enum value and using it is empty" "expected exactly '-- pgshape: no changes'" \
    all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'

# inspect writes a schema that pgshape reads back as the same schema, and
# that PostgreSQL accepts.
fresh_db inspect
"$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'EOF'
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'the shop';
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE shop.customers (
    id bigserial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    name text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE shop.orders (
    id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    status shop.status NOT NULL DEFAULT 'new',
    total numeric(10,2) CHECK (total >= 0),
    note varchar(20) DEFAULT 'x',
    kind text CHECK (kind IN ('a', 'b'))
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id, status DESC);
CREATE UNIQUE INDEX orders_note_idx ON shop.orders (lower(note)) WHERE note IS NOT NULL;
CREATE SEQUENCE shop.ticket_seq START 100 INCREMENT 5;
COMMENT ON TABLE shop.orders IS 'orders';
COMMENT ON COLUMN shop.orders.total IS 'in euros';
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql
    AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;
CREATE TRIGGER customers_touch BEFORE UPDATE ON shop.customers FOR EACH ROW
    WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION shop.touch();
ALTER TABLE shop.customers DISABLE TRIGGER customers_touch;
CREATE FUNCTION shop.order_count(c bigint) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM shop.orders WHERE customer_id = c $$;
CREATE FUNCTION shop.next_nick() RETURNS text LANGUAGE sql SET search_path = shop, pg_temp
    AS $$ SELECT 'n' || floor(random() * 10)::text $$;
ALTER TABLE shop.customers ADD COLUMN nick text DEFAULT shop.next_nick();
COMMENT ON FUNCTION shop.touch() IS 'stamps the row';
CREATE COLLATION numeric_order (provider = icu, locale = 'en-u-kn-true');
COMMENT ON COLLATION numeric_order IS 'numbers by value';
CREATE UNLOGGED TABLE shop.sessions (token text COLLATE numeric_order PRIMARY KEY, area circle,
    EXCLUDE USING gist (area WITH &&) WHERE (token <> '')) WITH (fillfactor = 70);
CREATE INDEX sessions_token_idx ON shop.sessions (token) WITH (fillfactor = 50);
CREATE TABLE shop.events (id bigint NOT NULL, kind text NOT NULL, note text DEFAULT 'n') PARTITION BY LIST (kind);
CREATE TABLE shop.events_a PARTITION OF shop.events (note WITH OPTIONS DEFAULT 'a' NOT NULL,
    CONSTRAINT events_a_id_check CHECK (id > 0)) FOR VALUES IN ('a') WITH (autovacuum_enabled = off);
EOF
run inspect "$url" --out inspected.sql
check "inspect --out writes the schema" "expected exit 0, empty stdout and CREATE TABLE shop.orders in the file" \
    all 'rc_is 0' 'out_empty' 'grep -q "CREATE TABLE shop.orders" inspected.sql'

run plan --from inspected.sql --to "$url"
check "plan from the inspected file to the database is empty" "expected exactly '-- pgshape: no changes'" \
    all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'

original_url=$url
fresh_db inspect_copy
"$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$db" -f inspected.sql >"$work/out" 2>"$work/err"
rc=$?
check "the inspected file loads into PostgreSQL" "psql -f inspected.sql failed" all 'rc_is 0'
run diff --from "$url" --to "$original_url" --exit-code
check "a database loaded from the inspected file equals the original" "expected exit 0" all 'rc_is 0'

# inspect of one database holding every example schema (schemas/NAME, its
# last version, each in a PostgreSQL schema of that name so their tables do
# not collide) reads back as that database, and loads into PostgreSQL as an
# equal database.
fresh_db examples
examples_loaded=1
for schema_dir in "$examples_dir"/*/; do
    name=$(basename -- "$schema_dir")
    last=$(find "$schema_dir" -mindepth 1 -maxdepth 1 -type d -name 'v*' | sort -V | tail -n 1)
    {
        printf 'CREATE SCHEMA %s;\nSET search_path = %s, public;\n' "$name" "$name"
        cat "$last"/*.sql
    } >"example_$name.sql"
    if ! "$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$db" -f "example_$name.sql" >"$work/out" 2>"$work/err"; then
        rc=1
        fail "example schema $name loads into one database with the others" "psql -f failed"
        examples_loaded=0
    fi
done
if ((examples_loaded)); then
    run inspect "$url" --out examples.sql
    check "inspect of every example schema in one database" "expected exit 0 and the schemas' tables in the file" \
        all 'rc_is 0' 'grep -q "CREATE TABLE rcmd.audit_logs" examples.sql' 'grep -q "CREATE TABLE style_license.likes" examples.sql' \
        'grep -q "CREATE TABLE tableorder.orders" examples.sql'
    run plan --from examples.sql --to "$url"
    check "plan from the inspected examples to their database is empty" "expected exactly '-- pgshape: no changes'" \
        all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'
    examples_url=$url
    fresh_db examples_copy
    "$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$db" -f examples.sql >"$work/out" 2>"$work/err"
    rc=$?
    check "the inspected examples load into PostgreSQL" "psql -f examples.sql failed" all 'rc_is 0'
    run diff --from "$url" --to "$examples_url" --exit-code
    check "a database loaded from the inspected examples equals the original" "expected exit 0" all 'rc_is 0'
fi

# A database of 2,000 relations or more is read over two connections that
# share one snapshot: the model must be the same whole model.
fresh_db many_relations
"$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$db" >"$work/out" 2>"$work/err" <<'EOF'
DO $$
BEGIN
    FOR i IN 1..1000 LOOP
        EXECUTE format('CREATE TABLE t%s (id integer PRIMARY KEY, ref integer CHECK (ref > %s))', i, i);
        EXECUTE format('COMMENT ON TABLE t%s IS %L', i, 'table ' || i);
    END LOOP;
END $$;
EOF
rc=$?
check "a database of 2,000 relations loads" "psql failed" all 'rc_is 0'
run inspect "$url" --out many.sql
check "inspect of a database read over two connections" "expected exit 0 and every table, key, check and comment" \
    all 'rc_is 0' '[[ $(grep -c "^CREATE TABLE" many.sql) -eq 1000 ]]' '[[ $(grep -c "PRIMARY KEY" many.sql) -eq 1000 ]]' \
    '[[ $(grep -c "CHECK (ref >" many.sql) -eq 1000 ]]' '[[ $(grep -c "^COMMENT ON TABLE" many.sql) -eq 1000 ]]'
run plan --from many.sql --to "$url"
check "plan from that inspect output to the database is empty" "expected exactly '-- pgshape: no changes'" \
    all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'
# The catalog cache over two connections: kept on the first read (its
# digest read beside the queries), used on the second, and a change seen.
PGSHAPE_CACHE_DIR="$work/many-cache" run inspect "$url" --out many-kept.sql
PGSHAPE_CACHE_DIR="$work/many-cache" run inspect "$url" --out many-cached.sql
check "a catalog read over two connections is kept, then read from the cache" "expected the same output and a file" \
    all 'rc_is 0' 'cmp -s many.sql many-kept.sql' 'cmp -s many.sql many-cached.sql' 'ls "$work"/many-cache/catalog-* >/dev/null'
sql "$db" "COMMENT ON TABLE t500 IS 'changed'"
PGSHAPE_CACHE_DIR="$work/many-cache" run inspect "$url" --out many-changed.sql
check "a change after that is read from the server" "expected the new comment" \
    all 'rc_is 0' 'grep -qF "IS '"'changed'"';" many-changed.sql' '[[ $(diff many.sql many-changed.sql | grep -c "^[<>]") -eq 2 ]]'

# Loads the SQL on stdin into a fresh database `name`, then plans that
# database against its own pg_dump -s, which must read back the same.
dump_round_trip() {
    local name=$1 what=$2
    fresh_db "$name"
    "$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$db" >"$work/out" 2>"$work/err"
    rc=$?
    check "$what: the schema loads" "psql failed" all 'rc_is 0'
    "$pg_dump_bin" -s -d "$db" 2>&1 | grep -v '^\\\(un\)\?restrict ' >"$name.sql"
    run plan --from "$url" --to "$name.sql"
    check "$what read as pg_dump writes them" "expected exactly '-- pgshape: no changes'" \
        all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'
}

# Indexes of every kind read back as pg_dump writes them (pg_get_indexdef):
# plain ones are written by pgshape from their catalog rows
# (engine/introspect/composed_indexes.cpp), the others deparsed, and both
# must mean the same.
dump_round_trip index_kinds "indexes of every kind" <<'EOF'
CREATE SCHEMA "My Schema";
CREATE TYPE "My Schema".mood AS ENUM ('a', 'b');
CREATE DOMAIN "My Schema".dtext AS text;
CREATE TABLE "My Schema"."Weird Table" (
    id int, "select" text, v varchar(20), c text COLLATE "C", b bpchar(3), nm name, u uuid, ts timestamptz,
    num numeric, bo bool, ip inet, cd cidr, j jsonb, arr int[], r int4range, m "My Schema".mood, dt "My Schema".dtext);
SET search_path = "My Schema";
CREATE INDEX ON "Weird Table" (id); CREATE INDEX ON "Weird Table" ("select"); CREATE INDEX ON "Weird Table" (v DESC);
CREATE INDEX ON "Weird Table" (c); CREATE INDEX ON "Weird Table" (c COLLATE "POSIX"); CREATE INDEX ON "Weird Table" (b);
CREATE INDEX ON "Weird Table" (nm); CREATE INDEX ON "Weird Table" (ts DESC NULLS LAST); CREATE INDEX ON "Weird Table" (num NULLS FIRST);
CREATE INDEX ON "Weird Table" (bo DESC NULLS FIRST); CREATE INDEX ON "Weird Table" (ip); CREATE INDEX ON "Weird Table" (cd);
CREATE INDEX ON "Weird Table" USING gin (j); CREATE INDEX ON "Weird Table" USING gin (arr); CREATE INDEX ON "Weird Table" USING gist (r);
CREATE INDEX ON "Weird Table" (m); CREATE INDEX ON "Weird Table" (dt); CREATE INDEX ON "Weird Table" USING hash (v);
CREATE INDEX ON "Weird Table" USING brin (ts); CREATE INDEX ON "Weird Table" (v varchar_pattern_ops);
CREATE INDEX ON "Weird Table" ("select" text_pattern_ops); CREATE UNIQUE INDEX ON "Weird Table" (id, "select");
CREATE UNIQUE INDEX ON "Weird Table" (id) INCLUDE (v); CREATE INDEX ON "Weird Table" (id) WHERE id > 0;
CREATE INDEX ON "Weird Table" (lower("select")); CREATE UNIQUE INDEX ON "Weird Table" (u) NULLS NOT DISTINCT;
CREATE INDEX ON "Weird Table" (id) WITH (fillfactor = 70); CREATE INDEX ON "Weird Table" USING gist (ip inet_ops);
CREATE TABLE p (a int, b text) PARTITION BY RANGE (a);
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
CREATE INDEX ON p (b);
EOF

# Keys of every form read back as pg_dump writes them (pg_get_constraintdef):
# primary, unique and foreign keys are written by pgshape from their rows
# (engine/introspect/composed_keys.cpp), exclusion constraints deparsed.
dump_round_trip key_kinds "keys of every form" <<'EOF'
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE SCHEMA "Other Schema";
CREATE TABLE "Other Schema"."Parent Table" ("Id" int, "select" text, code varchar(10), region int,
    PRIMARY KEY ("Id") INCLUDE (code), UNIQUE ("select", region), UNIQUE NULLS NOT DISTINCT (code),
    CONSTRAINT "Deferred Key" UNIQUE (region, code) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE public.child (id int PRIMARY KEY, parent int, "select" text, region int, code varchar(10),
    FOREIGN KEY (parent) REFERENCES "Other Schema"."Parent Table" ("Id") ON DELETE CASCADE ON UPDATE RESTRICT,
    FOREIGN KEY ("select", region) REFERENCES "Other Schema"."Parent Table" ("select", region) MATCH FULL
        ON DELETE SET NULL DEFERRABLE,
    FOREIGN KEY (code) REFERENCES "Other Schema"."Parent Table" (code) ON DELETE SET DEFAULT,
    CONSTRAINT no_overlap EXCLUDE USING gist (region WITH =, id WITH <>));
CREATE TABLE public.self (id int PRIMARY KEY, up int REFERENCES public.self ON UPDATE SET NULL);
ALTER TABLE public.self ADD CONSTRAINT later FOREIGN KEY (up) REFERENCES public.child NOT VALID;
ALTER TABLE public.child ADD CONSTRAINT "user" UNIQUE (code, id);
EOF

# Plain tables read back as pg_dump writes them: their CREATE TABLE is
# written by pgshape from one row per column (composed_tables.cpp).
dump_round_trip table_forms "plain tables of every form" <<'EOF'
CREATE SCHEMA "My Schema";
CREATE TABLE "My Schema"."Weird Table" ("select" text COLLATE "C" DEFAULT 'x' NOT NULL, "Mixed" varchar(20),
    n numeric(10, 2) DEFAULT 0.5, total numeric GENERATED ALWAYS AS (n * 2) STORED,
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5 CACHE 3 CYCLE),
    id2 int GENERATED BY DEFAULT AS IDENTITY, ts timestamptz DEFAULT now(), arr int[] DEFAULT '{1,2}',
    "quote""d" int) WITH (fillfactor = 70, autovacuum_enabled = false);
CREATE UNLOGGED TABLE public.scratch (a int, b text DEFAULT 'it''s');
CREATE TABLE public.nothing ();
CREATE TABLE public.dropped (a int, b int, c text);
ALTER TABLE public.dropped DROP COLUMN b;
EOF

# Partitions' copies of their parent's checks read back as pg_dump writes
# them: each partition standalone with the checks, then attached.
dump_round_trip partition_checks "partitions' copies of their parent's checks" <<'EOF'
CREATE TABLE p (a int, b int, CONSTRAINT b_positive CHECK (b > 0)) PARTITION BY LIST (a);
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
ALTER TABLE p ADD CONSTRAINT b_small CHECK (b < 100) NOT VALID;
CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);
CREATE TABLE p3 (a int, b int, CONSTRAINT b_positive CHECK (b > 0), CONSTRAINT b_small CHECK (b < 100), CONSTRAINT own CHECK (a = 3));
ALTER TABLE p ATTACH PARTITION p3 FOR VALUES IN (3);
EOF

# Checks and indexes that are not plain share the deparser's text between
# objects of one shape (append_tree_shape in
# engine/introspect/catalog_rows.cpp): the same expressions on tables whose
# columns of those names have other numbers, types or collations, under
# quoted names, NOT VALID, NO INHERIT, partial, unique, INCLUDE, with
# operator classes and on partitioned tables (ON ONLY).
dump_round_trip shared_shapes "checks and indexes of one shape on several tables" <<'EOF'
CREATE SCHEMA "Sch";
CREATE TABLE a (qty int, price numeric, status varchar(5), email varchar(40), active bool, "Odd Name" text);
CREATE TABLE "Sch"."B" (pad int, "Odd Name" text, active bool, email text, status varchar(5), price numeric, qty int);
CREATE TABLE c (qty bigint, price int, status text COLLATE "C", email varchar(40) COLLATE "C", active bool, extra int);
ALTER TABLE c DROP COLUMN extra;
CREATE TABLE d (amount int, qty int, "Odd Name" text, email varchar(40), active bool) PARTITION BY RANGE (qty);
CREATE TABLE d1 PARTITION OF d FOR VALUES FROM (0) TO (10);
ALTER TABLE a ADD CONSTRAINT q CHECK (qty >= 0), ADD CONSTRAINT p CHECK (price > 0 OR qty = 0),
    ADD CONSTRAINT s CHECK (status IN ('a', 'b')), ADD CONSTRAINT "Odd" CHECK ("Odd Name" <> '');
ALTER TABLE "Sch"."B" ADD CONSTRAINT q CHECK (qty >= 0), ADD CONSTRAINT p CHECK (price > 0 OR qty = 0),
    ADD CONSTRAINT s CHECK (status IN ('a', 'b')) NOT VALID, ADD CONSTRAINT "Odd" CHECK ("Odd Name" <> '') NO INHERIT;
ALTER TABLE c ADD CONSTRAINT q CHECK (qty >= 0), ADD CONSTRAINT p CHECK (price > 0 OR qty = 0),
    ADD CONSTRAINT s CHECK (status IN ('a', 'b'));
ALTER TABLE d ADD CONSTRAINT q CHECK (qty >= 0), ADD CONSTRAINT "Odd" CHECK ("Odd Name" <> '');
CREATE TABLE e (qty int CHECK (qty >= 0), amount int CHECK (amount >= 0));
CREATE INDEX a_lower ON a (lower(email)) WHERE active;
CREATE INDEX b_lower ON "Sch"."B" (lower(email)) WHERE active;
CREATE INDEX c_lower ON c (lower(email)) WHERE active;
CREATE INDEX d_lower ON d (lower(email)) WHERE active;
CREATE INDEX "A Pattern" ON a (email varchar_pattern_ops, lower("Odd Name")) INCLUDE (qty);
CREATE INDEX b_pattern ON "Sch"."B" (email text_pattern_ops, lower("Odd Name")) INCLUDE (qty);
CREATE INDEX c_pattern ON c (email varchar_pattern_ops, lower(status)) INCLUDE (qty);
CREATE UNIQUE INDEX a_u ON a ((qty + 1), status) WHERE qty > 0;
CREATE UNIQUE INDEX b_u ON "Sch"."B" ((qty + 1), status) WHERE qty > 0;
CREATE UNIQUE INDEX c_u ON c ((qty + 1), status) WHERE qty > 0;
CREATE INDEX a_active ON a (qty) WHERE active;
CREATE INDEX b_active ON "Sch"."B" (qty) WHERE active;
CREATE INDEX d_active ON ONLY d (qty) WHERE active;
EOF

# Which partitions' copies of a NOT VALID check are validated: pg_dump
# writes a validated copy into the partition's own CREATE TABLE.
dump_round_trip check_copies "validated copies of a NOT VALID check" <<'EOF'
CREATE TABLE p (a int, b int) PARTITION BY LIST (a);
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);
ALTER TABLE p ADD CONSTRAINT b_positive CHECK (b > 0) NOT VALID;
ALTER TABLE p2 VALIDATE CONSTRAINT b_positive;
CREATE TABLE p3 PARTITION OF p FOR VALUES IN (3);
EOF

# Materialized views, populated or not, read back as pg_dump -s writes
# them: every one WITH NO DATA (whether one holds data is not compared).
dump_round_trip matviews "materialized views, populated or not" <<'EOF'
CREATE TABLE t (id int PRIMARY KEY, v text);
CREATE MATERIALIZED VIEW filled AS SELECT id, upper(v) AS u FROM t;
CREATE UNIQUE INDEX ON filled (id);
CREATE MATERIALIZED VIEW empty AS SELECT id FROM t WITH NO DATA;
EOF

# A view's column default, which pg_dump writes as ALTER TABLE ONLY v ...
dump_round_trip view_defaults "a view's column defaults" <<'EOF'
CREATE TABLE t (id int PRIMARY KEY, status text);
CREATE VIEW v AS SELECT id, status FROM t;
ALTER VIEW v ALTER COLUMN status SET DEFAULT 'new';
EOF

# A view whose GROUP BY relies on a primary key, which pg_dump creates with
# NULL columns first and replaces once the key exists.
dump_round_trip view_on_key "a view that relies on a primary key" <<'EOF'
CREATE TABLE c (id int PRIMARY KEY, name text);
CREATE VIEW v AS SELECT c.id, c.name FROM c GROUP BY c.id;
EOF

# With --privileges, inspect writes grants and owners that read back the same.
fresh_db privileges
sql "$db" "CREATE TABLE p (id integer PRIMARY KEY); GRANT SELECT, INSERT ON p TO PUBLIC;
           CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'; REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC"
run inspect "$url" --out without.sql
check "inspect without --privileges writes no GRANT" "expected exit 0 and no GRANT, REVOKE or OWNER TO" \
    all 'rc_is 0' '! grep -qE "GRANT|REVOKE|OWNER TO" without.sql'
run inspect "$url" --privileges --out with.sql
check "inspect --privileges writes the grants, revokes and owners" "expected the GRANT, the REVOKE and the owners" \
    all 'rc_is 0' 'grep -qxF "GRANT INSERT, SELECT ON TABLE public.p TO PUBLIC;" with.sql' \
    'grep -qxF "REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC;" with.sql' 'grep -q "^ALTER TABLE public.p OWNER TO " with.sql'
run diff --from with.sql --to "$url" --privileges --exit-code
check "inspect --privileges output equals the database" "expected exit 0" all 'rc_is 0'

# --dev-database: each file side is created in a throwaway database on the
# given server, read back and dropped, so PostgreSQL writes it its own way.
dev_url=$(db_url postgres)
dev_count() { sql postgres "SELECT count(*) FROM pg_database WHERE datname LIKE 'pgshape\_dev\_%'"; }
dev_before=$(dev_count)
fresh_db devdb
cat >dev_schema.sql <<'EOF'
CREATE TABLE items (id serial PRIMARY KEY, price numeric(10,2) CHECK (price > 0),
    status varchar(10) DEFAULT 'new' CHECK (status IN ('new', 'paid')));
CREATE VIEW cheap AS SELECT id, price * 2 AS doubled FROM items WHERE status = 'new';
EOF
sed 's/price > 0/price > 5/' dev_schema.sql >dev_changed.sql
sql "$db" "$(cat dev_schema.sql)"
run plan --from "$url" --to dev_schema.sql --dev-database "$dev_url"
check "plan --dev-database from a database to its own files is empty" "expected exactly '-- pgshape: no changes'" \
    all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'
run plan --from empty --to dev_schema.sql --dev-database "$dev_url"
check "plan --dev-database writes the schema as the server reads it" "expected the casts PostgreSQL adds" \
    all 'rc_is 0' 'out_has "CHECK (price > 0::numeric)"' 'out_has "WHERE items.status::text = '"'new'"'::text"'
run plan --from empty --to dev_schema.sql
check "without --dev-database the same plan keeps the text as written" "expected CHECK (price > 0)" \
    all 'rc_is 0' 'out_has "CHECK (price > 0)"'
run diff --from "$url" --to dev_changed.sql --dev-database "$dev_url" --exit-code
check "diff --dev-database finds a changed check" "expected exit 2 and the check" \
    all 'rc_is 2' 'out_has "items_price_check"'
run apply --database "$url" --to dev_changed.sql --dev-database "$dev_url"
check "apply --dev-database changes the check" "expected exit 0 and the new check in place" \
    all 'rc_is 0' '[[ $(sql "$db" "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '"'items_price_check'"'") == "CHECK ((price > (5)::numeric))" ]]'
run plan --from "$url" --to dev_changed.sql --dev-database "$dev_url"
check "plan --dev-database after that apply is empty" "expected exactly '-- pgshape: no changes'" \
    all 'rc_is 0' '[[ $(cat "$work/out") == "-- pgshape: no changes" ]]'
printf 'CREATE TABLE t (id int,, name text);\n' >dev_bad.sql
run plan --from empty --to dev_bad.sql --dev-database "$dev_url"
check "--dev-database still reports bad input at its place" "expected exit 1 and dev_bad.sql:1:24" \
    all 'rc_is 1' 'out_empty' 'err_has "dev_bad.sql:1:24: error: syntax error"'
printf 'CREATE EXTENSION pgshape_no_such_extension;\nCREATE TABLE t (id int);\n' >dev_ext.sql
run plan --from empty --to dev_ext.sql --dev-database "$dev_url"
check "--dev-database names an extension the server lacks" "expected exit 1, the server's message and what the server must have" \
    all 'rc_is 1' 'out_empty' 'err_has "extension \"pgshape_no_such_extension\" is not available"' \
    'err_has "that server must have what the schema uses"'
sql postgres "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pgshape_cli_nocreatedb') THEN
              CREATE ROLE pgshape_cli_nocreatedb LOGIN; END IF; END \$\$"
run plan --from empty --to dev_schema.sql --dev-database "$(printf 'postgresql:///postgres?host=%s&port=%s&user=pgshape_cli_nocreatedb' "$PGHOST" "$PGPORT")"
check "--dev-database says how to give a role CREATEDB" "expected exit 1 and ALTER ROLE ... CREATEDB" \
    all 'rc_is 1' 'out_empty' 'err_has "role pgshape_cli_nocreatedb may not create databases"' \
    'err_has "ALTER ROLE pgshape_cli_nocreatedb CREATEDB"'
check "every throwaway database is dropped" "expected no pgshape_dev_* database left" all '[[ $(dev_count) == "$dev_before" ]]'

# catalog cache: a second read of an unchanged catalog comes from the cache
# (the file is not rewritten), and after each kind of change the cached
# read says what a read without the cache says.
fresh_db cache
export PGSHAPE_CACHE_DIR="$work/cache" PGSHAPE_CACHE_MIN_RELATIONS=0
sql postgres "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pgshape_cli_cache_owner') THEN
              CREATE ROLE pgshape_cli_cache_owner; END IF; END \$\$"
sql "$db" "CREATE TYPE mood AS ENUM ('ok'); CREATE SEQUENCE counter;
           CREATE TABLE t (id int PRIMARY KEY, m mood, note text DEFAULT 'x');
           CREATE INDEX t_note ON t (note); ALTER TABLE t OWNER TO pgshape_cli_cache_owner;
           CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'"
cache_file() { ls "$PGSHAPE_CACHE_DIR"/catalog-* 2>/dev/null | head -1; }
# inspects through the cache into $work/out, and without it into $work/uncached
inspect_both() {
    PGSHAPE_CACHE_DIR=off "$pgshape" inspect --privileges "$url" >"$work/uncached" 2>&1
    run inspect --privileges "$url"
}
inspect_both
check "inspect keeps the catalog's text in PGSHAPE_CACHE_DIR" "expected exit 0 and a catalog-* file" \
    all 'rc_is 0' '[[ -n $(cache_file) ]]' 'cmp -s "$work/out" "$work/uncached"'
kept_inode=$(stat -c %i "$(cache_file)")
cp "$work/out" "$work/before"
sql "$db" "ANALYZE"; sql "$db" "VACUUM t"
inspect_both
check "an unchanged catalog is read from the cache (ANALYZE and VACUUM change nothing)" \
    "expected the same output and the cache file not rewritten" \
    all 'rc_is 0' 'cmp -s "$work/out" "$work/before"' '[[ $(stat -c %i "$(cache_file)") == "$kept_inode" ]]'
for change in "ALTER TABLE t ADD COLUMN c int" "COMMENT ON COLUMN t.c IS 'counted'" \
        "ALTER SEQUENCE counter INCREMENT BY 5" "ALTER TABLE t SET (fillfactor = 70)" \
        "ALTER TYPE mood ADD VALUE 'fine'" "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2'" \
        "CREATE INDEX CONCURRENTLY t_c ON t (c)" "ALTER TABLE t RENAME COLUMN c TO d" \
        "GRANT SELECT ON t TO PUBLIC" "ALTER ROLE pgshape_cli_cache_owner RENAME TO pgshape_cli_cache_owner2"; do
    cp "$work/out" "$work/before"
    sql "$db" "$change"
    inspect_both
    check "after $change the cached read is the server's" "expected a changed output, equal to the uncached one" \
        all 'rc_is 0' '! cmp -s "$work/out" "$work/before"' 'cmp -s "$work/out" "$work/uncached"'
done
sql postgres "ALTER ROLE pgshape_cli_cache_owner2 RENAME TO pgshape_cli_cache_owner"
printf 'pgshape catalog cache 1\nqueries:0;garbage\n3\n' >"$(cache_file)"
inspect_both
check "a cache file that does not match is ignored and replaced" "expected the uncached output" \
    all 'rc_is 0' 'cmp -s "$work/out" "$work/uncached"' '[[ $(head -c 23 "$(cache_file)") == "pgshape catalog cache 1" ]]' \
    '[[ $(stat -c %s "$(cache_file)") -gt 100 ]]'
HOME="$work/home" XDG_CACHE_HOME= PGSHAPE_CACHE_DIR= run inspect "$url"
check "without PGSHAPE_CACHE_DIR the cache is in ~/.cache/pgshape" "expected a catalog-* file there" \
    all 'rc_is 0' 'ls "$work"/home/.cache/pgshape/catalog-* >/dev/null 2>&1'
HOME="$work/home2" XDG_CACHE_HOME= PGSHAPE_CACHE_DIR=off run inspect "$url"
check "PGSHAPE_CACHE_DIR=off keeps nothing" "expected no cache directory" all 'rc_is 0' '[[ ! -e "$work/home2/.cache" ]]'
sql postgres "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pgshape_cli_cache_reader') THEN
              CREATE ROLE pgshape_cli_cache_reader LOGIN; END IF; END \$\$"
sql "$db" "REVOKE EXECUTE ON FUNCTION pg_catalog.hashtidextended(tid, bigint) FROM PUBLIC"
reader_url=$(printf 'postgresql:///%s?host=%s&port=%s&user=pgshape_cli_cache_reader' "$db" "$PGHOST" "$PGPORT")
PGSHAPE_CACHE_DIR=off "$pgshape" inspect "$reader_url" >"$work/uncached" 2>&1
PGSHAPE_CACHE_DIR="$work/denied" run inspect "$reader_url"
check "a server that cannot digest its catalog is read without the cache" \
    "expected exit 0, the uncached output and no file kept" \
    all 'rc_is 0' 'cmp -s "$work/out" "$work/uncached"' '! ls "$work"/denied/catalog-* >/dev/null 2>&1'
sql "$db" "GRANT EXECUTE ON FUNCTION pg_catalog.hashtidextended(tid, bigint) TO PUBLIC"
PGSHAPE_CACHE_DIR="$work/reader" run inspect "$reader_url"
check "a role that is no superuser has its catalog cached" "expected exit 0, the uncached output and a file kept" \
    all 'rc_is 0' 'cmp -s "$work/out" "$work/uncached"' 'ls "$work"/reader/catalog-* >/dev/null 2>&1'
PGSHAPE_CACHE_DIR="$work/small" PGSHAPE_CACHE_MIN_RELATIONS= run inspect "$url"
check "a catalog under 2,000 relations is not cached by default" "expected no cache directory" \
    all 'rc_is 0' '[[ ! -e "$work/small" ]]'
export PGSHAPE_CACHE_DIR=off
unset PGSHAPE_CACHE_MIN_RELATIONS

printf '%d passed, %d failed\n' "$passed" "$failed"
[[ $failed -eq 0 ]]
