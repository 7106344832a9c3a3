#pragma once
// Functions, procedures and triggers: values like the rest of the model.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/expr.hpp"
#include "engine/model/names.hpp"
#include "engine/model/type_ref.hpp"
#include "engine/model/view.hpp"

namespace pgshape::model {

enum class RoutineKind { function, procedure };

// How a parameter is passed. `table` marks the output columns of
// RETURNS TABLE (...), which PostgreSQL keeps among the parameters too.
enum class ArgMode { in, out, inout, variadic, table };

struct FunctionArg {
    std::string name;  // empty when unnamed
    ArgMode mode = ArgMode::in;
    // Canonical, without modifiers: PostgreSQL drops a parameter's length
    // or precision (varchar(10) is stored as character varying).
    TypeRef type;
    std::optional<Expr> default_value;
    bool operator==(const FunctionArg&) const = default;
};

// The arguments that take part in a call: IN, INOUT and VARIADIC (what
// pg_proc.proargtypes holds).
bool is_input(ArgMode mode);

// Identity: overloads share a name and differ by their input types.
struct FunctionKey {
    QualifiedName name;
    std::vector<TypeRef> arguments;
    auto operator<=>(const FunctionKey&) const = default;
};

// "public.f(integer, text)"
std::string display(const FunctionKey& key);
// "f(integer, text)": the name and input types, unquoted (plan step keys
// and privilege targets name routines so).
std::string signature(const FunctionKey& key);

// The body as PostgreSQL keeps it (pg_proc.prosrc: exactly what was written
// between the quotes). Plans write it back unchanged; it is compared without
// the whitespace around it. A SQL-standard body (`RETURN expr`, or
// `BEGIN ATOMIC ... END` when `atomic`) is parsed instead: `text` is its
// SQL, `canon` its canonical form (for BEGIN ATOMIC, each statement's, as
// for a view's query).
struct FunctionBody {
    std::string text;
    bool sql_standard = false;
    bool atomic = false;
    std::string canon;
    bool operator==(const FunctionBody& other) const;
};

enum class Volatility { immutable, stable, volatile_ };
enum class ParallelSafety { unsafe, restricted, safe };

struct Function {
    QualifiedName name;
    RoutineKind kind = RoutineKind::function;
    std::vector<FunctionArg> args;  // in declaration order, RETURNS TABLE columns last
    // The return type (for RETURNS TABLE and several OUT parameters:
    // `record`); none for procedures.
    std::optional<TypeRef> returns;
    bool returns_set = false;  // SETOF / RETURNS TABLE
    std::string language;      // lower case: sql, plpgsql, c, ...
    FunctionBody body;
    std::string object_file;  // LANGUAGE c: the library (pg_proc.probin)
    Volatility volatility = Volatility::volatile_;
    bool strict = false;
    bool security_definer = false;
    bool leakproof = false;
    ParallelSafety parallel = ParallelSafety::unsafe;
    double cost = 100;  // PostgreSQL's defaults are filled in by the parser
    double rows = 0;    // set-returning functions only
    // SET name = value, as pg_proc.proconfig keeps it (list settings such as
    // search_path: identifiers quoted where needed, joined with ", ").
    std::map<std::string, std::string> settings;
    std::optional<std::string> comment;
    // Read from the body of a LANGUAGE sql function (PostgreSQL checks those
    // references when the function is created): the relations it reads and
    // the functions it calls, resolved against its search_path. Derived from
    // `body`, so they never make two functions differ on their own.
    std::vector<QualifiedName> reads;
    std::vector<QualifiedName> calls;
    // The columns a BEGIN ATOMIC body reads and the types it names in casts:
    // PostgreSQL records them in pg_depend, so they cannot be dropped or
    // retyped while the function exists.
    std::vector<ViewRead> column_reads;
    std::vector<TypeRef> types;

    FunctionKey key() const;
    bool operator==(const Function&) const = default;
};

enum class TriggerTiming { before, after, instead_of };
enum class TriggerLevel { statement, row };
// ALTER TABLE ... ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER.
enum class TriggerFiring { enabled, disabled, replica, always };

struct TriggerKey {
    QualifiedName table;
    std::string name;
    auto operator<=>(const TriggerKey&) const = default;
};

struct Trigger {
    QualifiedName table;
    std::string name;
    TriggerTiming timing = TriggerTiming::after;
    bool on_insert = false;
    bool on_update = false;
    bool on_delete = false;
    bool on_truncate = false;
    std::vector<std::string> update_columns;  // UPDATE OF, sorted
    TriggerLevel level = TriggerLevel::statement;
    std::string old_table;  // REFERENCING OLD TABLE AS
    std::string new_table;  // REFERENCING NEW TABLE AS
    std::optional<Expr> when;
    QualifiedName function;  // a trigger function takes no SQL arguments ...
    std::vector<std::string> arguments;  // ... but these strings (TG_ARGV)
    // CREATE CONSTRAINT TRIGGER
    bool constraint = false;
    std::optional<QualifiedName> from_table;
    bool deferrable = false;
    bool initially_deferred = false;
    TriggerFiring firing = TriggerFiring::enabled;
    std::optional<std::string> comment;

    TriggerKey key() const { return {table, name}; }
    bool operator==(const Trigger&) const = default;
};

} // namespace pgshape::model
