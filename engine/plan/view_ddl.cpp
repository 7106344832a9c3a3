#include "engine/plan/view_ddl.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <tuple>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"

namespace pgshape::plan::ddl {
namespace {

using model::quote_name;

// An option value as SQL: bare when it is a word or a number, else quoted.
std::string option_value(const std::string& value) {
    const bool bare = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    });
    return bare ? value : model::quote_literal(value);
}

} // namespace

std::string create_view(const model::View& view, ViewReplace replace) {
    std::string out = replace == ViewReplace::or_replace ? "CREATE OR REPLACE " : "CREATE ";
    out += view.materialized ? "MATERIALIZED VIEW " : "VIEW ";
    out += quote_name(view.name);
    if (!view.options.empty()) {
        out += " WITH (";
        for (std::size_t i = 0; i < view.options.size(); ++i) {
            if (i) out += ", ";
            out += view.options[i].first + "=" + option_value(view.options[i].second);
        }
        out += ")";
    }
    out += " AS\n" + view.query.sql();
    if (view.materialized && !view.with_data) out += "\nWITH NO DATA";
    return out;
}

std::string drop_view(const model::View& view) { return "DROP " + view_target(view); }

std::string view_target(const model::View& view) {
    return (view.materialized ? "MATERIALIZED VIEW " : "VIEW ") + quote_name(view.name);
}

std::string view_column_target(const model::View& view, const std::string& column) {
    return "COLUMN " + quote_name(view.name) + "." + model::quote_ident(column);
}

std::vector<std::string> view_comments(const model::View& view) {
    std::vector<std::string> out;
    if (view.comment) out.push_back(comment_on(view_target(view), view.comment));
    // In the view's column order, as they are written.
    for (const auto& c : view.columns)
        if (auto it = view.column_comments.find(c.name); it != view.column_comments.end())
            out.push_back(comment_on(view_column_target(view, c.name), it->second));
    return out;
}

std::string view_column_default(const model::View& view, const std::string& column, const model::Expr* value) {
    return "ALTER VIEW " + quote_name(view.name) + " ALTER COLUMN " + model::quote_ident(column) +
           (value ? " SET DEFAULT " + value->sql() : std::string(" DROP DEFAULT"));
}

std::vector<std::string> view_defaults(const model::View& view) {
    std::vector<std::string> out;
    for (const auto& c : view.columns)
        if (auto it = view.column_defaults.find(c.name); it != view.column_defaults.end())
            out.push_back(view_column_default(view, c.name, &it->second));
    return out;
}

std::vector<std::string> create_view_statements(const model::View& view, const std::vector<const model::Index*>& indexes) {
    std::vector<std::string> out{create_view(view)};
    for (auto& d : view_defaults(view)) out.push_back(std::move(d));
    for (auto& c : view_comments(view)) out.push_back(std::move(c));
    if (!view.materialized) return out;
    for (const auto* index : indexes) {
        out.push_back(create_index(*index));
        if (index->comment) out.push_back(comment_on("INDEX " + quote_name(index->name), index->comment));
    }
    return out;
}

std::map<model::QualifiedName, int> view_depths(const model::SchemaModel& m) {
    std::map<model::QualifiedName, int> depth;
    std::function<int(const model::View&)> visit = [&](const model::View& v) {
        if (auto it = depth.find(v.name); it != depth.end()) return it->second;
        depth[v.name] = 0;  // a cycle (never in a model PostgreSQL accepted) stops here
        int d = 0;
        for (const auto& r : v.relations)
            if (auto it = m.views.find(r); it != m.views.end() && r != v.name) d = std::max(d, visit(it->second) + 1);
        depth[v.name] = d;
        return d;
    };
    for (const auto& [name, view] : m.views) visit(view);
    return depth;
}

std::vector<const model::View*> views_in_dependency_order(const model::SchemaModel& m) {
    const auto depth = view_depths(m);
    std::vector<const model::View*> out;
    for (const auto& [name, view] : m.views) out.push_back(&view);
    std::stable_sort(out.begin(), out.end(), [&](const model::View* a, const model::View* b) {
        return depth.at(a->name) < depth.at(b->name);
    });
    return out;
}

} // namespace pgshape::plan::ddl
