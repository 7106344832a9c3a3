// CREATE [OR REPLACE] VIEW and CREATE MATERIALIZED VIEW. A view is built
// once every table and column is known, after the views it reads, whatever
// the order of the files: the transforms register it, resolve_views builds.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "parser/transform/transforms.hpp"
#include "parser/view_query.hpp"

namespace pgshape::parser {
namespace {

struct ViewDefinition {
    model::QualifiedName name;
    bool materialized = false;
    Node* query = nullptr;
    std::vector<std::string> column_names;
    std::vector<std::pair<std::string, std::string>> options;
    bool with_data = true;
};

model::ViewColumn table_column(const model::Column& c) { return {c.name, c.type, "type:" + model::render_type(c.type)}; }

void build(StatementContext ctx, ViewDefinition def) {
    auto& builder = ctx.builder;
    const RelationLookup lookup = relation_lookup(ctx);
    const QueryFailure fail = [&](int location, const std::string& message, const std::string& help) {
        ctx.fail(location, message, help);
    };
    auto analyzed = analyze_view_query(ctx.tree, def.query, def.column_names, lookup, fail, &ctx.builder.model.domains);
    model::View view;
    view.name = def.name;
    view.materialized = def.materialized;
    view.query = std::move(analyzed.query);
    std::sort(def.options.begin(), def.options.end());
    view.options = std::move(def.options);
    view.with_data = def.with_data;
    view.columns = std::move(analyzed.columns);
    view.relations = std::move(analyzed.relations);
    view.reads = std::move(analyzed.reads);
    view.types = std::move(analyzed.types);
    view.functions = std::move(analyzed.functions);
    view.grouped = analyzed.grouped;
    builder.model.views.emplace(view.name, std::move(view));
}

// `replace`: CREATE OR REPLACE VIEW, which replaces a view an earlier
// statement defined (pg_dump breaks a view's dependency loop, on a primary
// key its GROUP BY relies on, by creating it first with NULL columns and
// replacing it once the key exists).
void register_view(StatementContext& ctx, const PgQuery__RangeVar* relation, ViewDefinition def, bool replace = false) {
    auto& builder = ctx.builder;
    def.name = builder.name_of(relation);
    if (const auto earlier = builder.pending_views.find(def.name); replace && earlier != builder.pending_views.end()) {
        earlier->second = [ctx, def] { build(ctx, def); };
        return;
    }
    builder.claim_relation_name(def.name.schema, def.name.name, ctx.at(relation->location));
    builder.require_schema(def.name.schema, ctx.at(relation->location));
    builder.pending_views[def.name] = [ctx, def] { build(ctx, def); };
}

} // namespace

RelationLookup relation_lookup(const StatementContext& ctx) {
    return [ctx](const model::QualifiedName& relation, int location,
                 Missing missing) -> std::optional<std::vector<model::ViewColumn>> {
        auto& builder = ctx.builder;
        std::vector<model::ViewColumn> out;
        if (auto it = builder.model.tables.find(relation); it != builder.model.tables.end()) {
            for (const auto& c : it->second.columns) out.push_back(table_column(c));
            return out;
        }
        resolve_view(builder, relation, ctx.at(location));
        if (auto it = builder.model.views.find(relation); it != builder.model.views.end()) return it->second.columns;
        if (builder.model.sequences.count(relation)) {  // SELECT last_value FROM seq
            const model::TypeRef bigint{"", "bigint", "", false}, boolean{"", "boolean", "", false};
            return std::vector<model::ViewColumn>{{"last_value", bigint, "type:bigint"},
                                                  {"log_cnt", bigint, "type:bigint"},
                                                  {"is_called", boolean, "type:boolean"}};
        }
        if (missing == Missing::allow) return std::nullopt;
        ctx.fail(location, fmt::format("relation {} is not defined", model::display(relation)),
                 "define it with CREATE TABLE or CREATE VIEW in one of the schema files");
    };
}

void transform_create_view(StatementContext& ctx, PgQuery__ViewStmt* stmt) {
    if (stmt->view->relpersistence && std::string_view(stmt->view->relpersistence) != "p")
        ctx.fail(stmt->view->location, "TEMPORARY views are not supported in schema files");
    ViewDefinition def;
    def.query = stmt->query;
    def.column_names = name_list(stmt->aliases, stmt->n_aliases);
    def.options = read_storage_options(ctx, stmt->options, stmt->n_options, OptionNamespaces::allow);
    if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION)
        def.options.emplace_back("check_option", "local");
    else if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION)
        def.options.emplace_back("check_option", "cascaded");
    register_view(ctx, stmt->view, std::move(def), stmt->replace);
}

void transform_create_materialized_view(StatementContext& ctx, PgQuery__CreateTableAsStmt* stmt) {
    auto* into = stmt->into;
    if (into->table_space_name && *into->table_space_name)
        ctx.fail(-1, "tablespaces are not managed by pgshape: leave out TABLESPACE");
    if (into->access_method && *into->access_method && std::string_view(into->access_method) != "heap")
        ctx.fail(-1, "table access methods other than heap are not supported");
    ViewDefinition def;
    def.materialized = true;
    def.query = stmt->query;
    def.column_names = name_list(into->col_names, into->n_col_names);
    def.options = read_storage_options(ctx, into->options, into->n_options, OptionNamespaces::allow);
    def.with_data = !into->skip_data;
    register_view(ctx, into->rel, std::move(def));
}

void resolve_view(Builder& builder, const model::QualifiedName& wanted, Location where) {
    const model::QualifiedName name = wanted;  // `wanted` may be the key erased below
    auto it = builder.pending_views.find(name);
    if (it == builder.pending_views.end()) {
        if (builder.views_in_progress.count(name))
            builder.fail(where, fmt::format("view {} reads itself", model::display(name)),
                         "a view cannot read itself, directly or through other views");
        return;
    }
    auto fn = std::move(it->second);
    builder.pending_views.erase(it);
    builder.views_in_progress.insert(name);
    fn();
    builder.views_in_progress.erase(name);
}

void resolve_views(Builder& builder) {
    while (!builder.pending_views.empty()) resolve_view(builder, builder.pending_views.begin()->first, {});
}

const model::Table& indexed_relation(StatementContext& ctx, const PgQuery__RangeVar* relation, model::Table& scratch) {
    const auto name = ctx.builder.name_of(relation);
    auto it = ctx.builder.model.views.find(name);
    if (it == ctx.builder.model.views.end()) return ctx.builder.table(name, ctx.at(relation->location));
    if (!it->second.materialized)
        ctx.fail(relation->location, fmt::format("{} is a view: only tables and materialized views have indexes",
                                                 model::display(name)));
    scratch.name = name;
    scratch.columns.clear();
    for (const auto& c : it->second.columns) {
        model::Column column;
        column.name = c.name;
        if (c.type) column.type = *c.type;
        scratch.columns.push_back(std::move(column));
    }
    return scratch;
}

} // namespace pgshape::parser
