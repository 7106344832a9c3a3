#include "parser/transform/function_body.hpp"

#include <functional>
#include <set>

#include <fmt/format.h>

#include "engine/model/error.hpp"
#include "parser/pg_tree.hpp"

namespace pgshape::parser {
namespace {

// Calls `fn` on every message under `message` (RangeVar is not always
// wrapped in a Node: INSERT INTO t keeps it as a plain field).
void visit_messages(const ProtobufCMessage* message, const std::function<void(const ProtobufCMessage*)>& fn) {
    if (!message) return;
    fn(message);
    // The walker takes mutable messages; this visit only reads them.
    for_each_child_message(const_cast<ProtobufCMessage*>(message),
                           [&](ProtobufCMessage* child) { visit_messages(child, fn); });
}

// The schema unqualified names resolve to: the first entry of the
// function's search_path, or public.
std::string default_schema(const model::Function& fn) {
    auto it = fn.settings.find("search_path");
    if (it == fn.settings.end()) return "public";
    std::string first = it->second.substr(0, it->second.find(','));
    if (first.size() >= 2 && first.front() == '"') first = first.substr(1, first.size() - 2);
    if (first == "$user") return "public";
    return first;  // empty: only qualified names reach user schemas
}

// Relations and functions under `roots`, resolved against the function's
// search_path; names of CTEs are not relations.
void collect(model::Function& fn, const std::vector<const ProtobufCMessage*>& roots) {
    const std::string schema = default_schema(fn);
    auto resolve = [&](const std::vector<std::string>& names, std::set<model::QualifiedName>& into) {
        if (names.empty()) return;
        const std::string s = names.size() >= 2 ? names[names.size() - 2] : schema;
        if (s.empty() || s == "pg_catalog" || s == "information_schema") return;
        into.insert({s, names.back()});
    };
    std::set<std::string> ctes;
    std::set<model::QualifiedName> reads, calls;
    for (const auto* root : roots) {
        visit_messages(root, [&](const ProtobufCMessage* m) {
            if (m->descriptor == &pg_query__common_table_expr__descriptor)
                ctes.insert(reinterpret_cast<const PgQuery__CommonTableExpr*>(m)->ctename);
        });
    }
    for (const auto* root : roots) {
        visit_messages(root, [&](const ProtobufCMessage* m) {
            if (m->descriptor == &pg_query__range_var__descriptor) {
                const auto* rv = reinterpret_cast<const PgQuery__RangeVar*>(m);
                const bool qualified = rv->schemaname && *rv->schemaname;
                if (!qualified && ctes.count(rv->relname)) return;
                std::vector<std::string> names;
                if (qualified) names.emplace_back(rv->schemaname);
                names.emplace_back(rv->relname);
                resolve(names, reads);
            } else if (m->descriptor == &pg_query__func_call__descriptor) {
                const auto* call = reinterpret_cast<const PgQuery__FuncCall*>(m);
                resolve(name_list(call->funcname, call->n_funcname), calls);
            }
        });
    }
    fn.reads.assign(reads.begin(), reads.end());
    fn.calls.assign(calls.begin(), calls.end());
}

} // namespace

void collect_node_references(model::Function& fn, const Node* body) { collect(fn, {&body->base}); }

void collect_body_references(StatementContext& ctx, model::Function& fn, int body_location) {
    if (fn.body.text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    std::unique_ptr<ParseTree> tree;
    try {
        tree = std::make_unique<ParseTree>(fn.body.text);
    } catch (const ParseFailure& failure) {
        const std::size_t from = ctx.at(body_location).offset;
        const std::size_t at = ctx.file.text.find(fn.body.text, from);
        const std::string message = fmt::format("in the body of function {}: {}", model::display(fn.name), failure.message);
        if (at == std::string::npos) ctx.fail(-1, message);
        ctx.builder.fail({&ctx.file, at + failure.offset}, message, "check the SQL syntax near the caret");
    }
    std::vector<const ProtobufCMessage*> roots;
    for (std::size_t i = 0; i < tree->size(); ++i) roots.push_back(&tree->stmt(i).stmt->base);
    collect(fn, roots);
}

} // namespace pgshape::parser
