#pragma once
// Views and materialized views: their defining query, options and what the
// query reads (derived from its parse tree, for dependency order).
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/expr.hpp"
#include "engine/model/names.hpp"
#include "engine/model/type_ref.hpp"

namespace pgshape::model {

// One output column of a view, in order.
struct ViewColumn {
    std::string name;
    // Known when the column is a plain column of a table or view, or an
    // explicit cast; otherwise unknown offline.
    std::optional<TypeRef> type;
    // Equal keys mean equal types: "type:<type>" when the type is known,
    // else the canonical expression and the FROM clause it is evaluated in.
    std::string type_key;
};

// A column some view reads: (relation, column). A whole-row reference or an
// unresolved name reads every column of the relation: column "*".
struct ViewRead {
    QualifiedName relation;
    std::string column;
    auto operator<=>(const ViewRead&) const = default;
};

struct View {
    QualifiedName name;
    bool materialized = false;
    // The SELECT; `sql` is written into plans, `canon` is compared.
    Expr query;
    // WITH (...) options as PostgreSQL stores them in reloptions, sorted by
    // name: security_barrier=true, check_option=local, fillfactor=70, ...
    std::vector<std::pair<std::string, std::string>> options;
    // Materialized views: WITH NO DATA leaves them unpopulated. Whether one
    // holds data is its rows' state, not its definition (pg_dump -s writes
    // every one WITH NO DATA): used when it is created, never compared.
    bool with_data = true;
    std::optional<std::string> comment;
    // COMMENT ON COLUMN v.c, by column name.
    std::map<std::string, std::string> column_comments;
    // ALTER VIEW v ALTER COLUMN c SET DEFAULT ...: what an INSERT or UPDATE
    // through the view puts in a column it leaves out, by column name
    // (views only; a materialized view takes no defaults).
    std::map<std::string, Expr> column_defaults;

    // Derived from `query` (and the model it was read with); not compared,
    // since equal queries read the same things.
    std::vector<ViewColumn> columns;
    std::vector<QualifiedName> relations;  // tables and views it reads, sorted
    std::vector<ViewRead> reads;           // their columns it uses, sorted
    std::vector<TypeRef> types;            // user-defined types it names in casts
    // Functions it calls, as written: schema empty when unqualified (then
    // public or pg_catalog, by search_path). Not pg_catalog-qualified ones.
    std::vector<QualifiedName> functions;
    // Has a GROUP BY: may rely on a primary key of what it reads (SELECT
    // t.name ... GROUP BY t.id), which PostgreSQL records as a dependency.
    bool grouped = false;

    bool operator==(const View& o) const {
        return name == o.name && materialized == o.materialized && query == o.query && options == o.options &&
               comment == o.comment && column_comments == o.column_comments &&
               column_defaults == o.column_defaults;
    }
};

} // namespace pgshape::model
