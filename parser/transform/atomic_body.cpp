// BEGIN ATOMIC ... END: a SQL-standard routine body of several statements.
// PostgreSQL parses and analyzes it when the routine is created, stores the
// analyzed statements, and writes them back (pg_get_functiondef) as it
// writes a view's query: relations qualified, columns qualified with their
// relation, `*` expanded, output columns named, parameters written
// routine.param, casts added. So each statement is analyzed like a view's
// query (parser/view_query.cpp), with the parameters in an outer scope, and
// compared in the same canonical form. That needs every table and view, so
// the analysis waits until the views are built.
#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

std::vector<Node*> body_statements(Node* sql_body) {
    std::vector<Node*> out;
    if (!sql_body || sql_body->node_case != PG_QUERY__NODE__NODE_LIST || sql_body->list->n_items == 0) return out;
    const Node* inner = sql_body->list->items[0];
    if (!inner || inner->node_case != PG_QUERY__NODE__NODE_LIST) return out;
    for (std::size_t i = 0; i < inner->list->n_items; ++i)
        if (inner->list->items[i] && inner->list->items[i]->node_case != PG_QUERY__NODE__NODE__NOT_SET)
            out.push_back(inner->list->items[i]);
    return out;
}

template <class T> void add_sorted(std::vector<T>& into, const std::vector<T>& more) {
    std::set<T> all(into.begin(), into.end());
    all.insert(more.begin(), more.end());
    into.assign(all.begin(), all.end());
}

void analyze(StatementContext ctx, model::FunctionKey key, Node* sql_body) {
    auto& fn = ctx.builder.model.functions.at(key);
    std::vector<model::ViewColumn> parameters;
    for (const auto& a : fn.args)
        if (!a.name.empty() && a.mode != model::ArgMode::out && a.mode != model::ArgMode::table)
            parameters.push_back({a.name, a.type, "type:" + model::render_type(a.type)});
    const RelationLookup lookup = relation_lookup(ctx);
    const QueryFailure fail = [&](int location, const std::string& message, const std::string& help) {
        ctx.fail(location, fmt::format("in the body of {} {}: {}",
                                       fn.kind == model::RoutineKind::procedure ? "procedure" : "function",
                                       model::display(fn.name), message),
                 help);
    };
    std::string text = "BEGIN ATOMIC\n", canon = "atomic";
    std::set<model::QualifiedName> calls;
    for (Node* stmt : body_statements(sql_body)) {
        auto analyzed = analyze_routine_statement(ctx.tree, stmt, fn.name.name, parameters, lookup, fail);
        text += "    " + analyzed.query.sql() + ";\n";
        canon += "|" + analyzed.query.canon;
        add_sorted(fn.reads, analyzed.relations);
        add_sorted(fn.column_reads, analyzed.reads);
        add_sorted(fn.types, analyzed.types);
        // A call without a schema finds public's function (pg_catalog's are
        // not recorded): what the planner orders functions by.
        for (auto name : analyzed.functions) {
            if (name.schema.empty()) name.schema = "public";
            calls.insert(std::move(name));
        }
    }
    add_sorted(fn.calls, std::vector<model::QualifiedName>(calls.begin(), calls.end()));
    fn.body.text = text + "END";
    fn.body.canon = std::move(canon);
}

} // namespace

void register_atomic_body(StatementContext& ctx, const model::FunctionKey& key, Node* statements) {
    auto& fn = ctx.builder.model.functions.at(key);
    fn.body.sql_standard = true;
    fn.body.atomic = true;
    ctx.builder.pending_bodies.push_back([ctx, key, statements] { analyze(ctx, key, statements); });
}

void resolve_atomic_bodies(Builder& builder) {
    auto pending = std::move(builder.pending_bodies);
    builder.pending_bodies.clear();
    for (auto& body : pending) body();
}

} // namespace pgshape::parser
