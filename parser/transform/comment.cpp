#include <fmt/format.h>

#include "parser/canonical_type.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// Splits a possibly qualified object name list: [schema.]name.
model::QualifiedName qualified(const std::vector<std::string>& names, std::size_t tail = 0) {
    const std::size_t n = names.size() - tail;
    return {n >= 2 ? names[n - 2] : std::string("public"), names[n - 1]};
}

} // namespace

void transform_comment(StatementContext& ctx, PgQuery__CommentStmt* stmt) {
    model::Comment text;
    if (stmt->comment && *stmt->comment) text = std::string(stmt->comment);
    auto& m = ctx.builder.model;
    auto missing = [&](const std::string& what) {
        ctx.fail(-1, fmt::format("COMMENT ON {}: it is not defined", what));
    };
    Node* object = stmt->object;
    switch (stmt->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
        // Set aside: the database is not part of the schema, and an
        // extension's comment comes from its own control file (pg_dump
        // writes COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language').
        return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        const std::string name(str_value(object));
        // The public schema is always there: only its comment is managed.
        if (name == "public") {
            m.public_comment = text;
            return;
        }
        auto it = m.schemas.find(name);
        if (it == m.schemas.end()) missing("schema " + name);
        it->second.comment = text;
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        const auto name = qualified(name_list(object->list->items, object->list->n_items));
        if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
            auto it = m.tables.find(name);
            if (it == m.tables.end()) missing("table " + model::display(name));
            it->second.comment = text;
        } else if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE) {
            auto it = m.sequences.find(name);
            if (it == m.sequences.end()) missing("sequence " + model::display(name));
            it->second.comment = text;
        } else if (auto it = m.indexes.find(name); it != m.indexes.end()) {
            it->second.comment = text;
        } else if (auto* key = ctx.builder.constraint_with_index(name)) {
            key->index_comment = text;  // the index of a key or exclusion constraint
        } else {
            missing("index " + model::display(name));
        }
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
        const bool materialized = stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
        const auto name = qualified(name_list(object->list->items, object->list->n_items));
        auto it = m.views.find(name);
        if (it == m.views.end() || it->second.materialized != materialized)
            missing((materialized ? "materialized view " : "view ") + model::display(name));
        it->second.comment = text;
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
        const auto names = name_list(object->list->items, object->list->n_items);
        if (names.size() < 2) ctx.fail(-1, "COMMENT ON COLUMN needs table.column");
        const auto table_name = qualified(names, 1);
        auto it = m.tables.find(table_name);
        if (auto type = m.composite_types.find(table_name); it == m.tables.end() && type != m.composite_types.end()) {
            for (auto& a : type->second.attributes)
                if (a.name == names.back()) { a.comment = text; return; }
            missing("attribute " + names.back() + " of type " + model::display(table_name));
        }
        if (it == m.tables.end()) {
            // A view's or materialized view's column.
            auto view = m.views.find(table_name);
            if (view == m.views.end()) missing("table " + model::display(table_name));
            for (const auto& c : view->second.columns) {
                if (c.name != names.back()) continue;
                if (text) view->second.column_comments[c.name] = *text;
                else view->second.column_comments.erase(c.name);
                return;
            }
            missing("column " + names.back() + " of view " + model::display(table_name));
        }
        for (auto& c : it->second.columns)
            if (c.name == names.back()) { c.comment = text; return; }
        missing("column " + names.back() + " of table " + model::display(table_name));
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
        const auto names = name_list(object->list->items, object->list->n_items);
        const model::ConstraintKey key{qualified(names, 1), names.back()};
        auto it = m.constraints.find(key);
        if (it == m.constraints.end())
            missing("constraint " + key.name + " on table " + model::display(key.table));
        it->second.comment = text;
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        return comment_on_routine(ctx, object->object_with_args,
                                  stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ? model::RoutineKind::procedure
                                                                                           : model::RoutineKind::function,
                                  text);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        return comment_on_trigger(ctx, name_list(object->list->items, object->list->n_items), text);
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
        return comment_on_policy(ctx, name_list(object->list->items, object->list->n_items), text);
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
        // COMMENT ON TYPE names a domain too (one pg_type row either way).
        const auto resolved = canonical_type(object->type_name).type;
        const model::QualifiedName name{resolved.schema, resolved.name};
        if (auto d = m.domains.find(name); d != m.domains.end()) {
            d->second.comment = text;
            return;
        }
        if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN) missing("domain " + model::render_type(resolved));
        if (auto e = m.enums.find(name); e != m.enums.end()) {
            e->second.comment = text;
            return;
        }
        if (auto c = m.composite_types.find(name); c != m.composite_types.end()) {
            c->second.comment = text;
            return;
        }
        missing("type " + model::render_type(resolved));
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: {
        const auto* items = object->list;
        const auto resolved = canonical_type(items->items[0]->type_name).type;
        const std::string check(str_value(items->items[1]));
        auto d = m.domains.find({resolved.schema, resolved.name});
        if (d == m.domains.end()) missing("domain " + model::render_type(resolved));
        for (auto& c : d->second.checks)
            if (c.name == check) { c.comment = text; return; }
        missing("constraint " + check + " on domain " + model::render_type(resolved));
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION: {
        const auto names = name_list(object->list->items, object->list->n_items);
        const model::QualifiedName name{names.size() > 1 ? names[names.size() - 2] : "public", names.back()};
        auto it = m.collations.find(name);
        if (it == m.collations.end()) missing("collation " + model::display(name));
        it->second.comment = text;
        return;
    }
    default:
        ctx.fail(-1, "COMMENT ON this kind of object is not supported",
                 "supported: SCHEMA, TYPE, DOMAIN, CONSTRAINT ... ON DOMAIN, COLLATION, TABLE, COLUMN, SEQUENCE, INDEX, CONSTRAINT ... ON table, FUNCTION, PROCEDURE, "
                 "TRIGGER ... ON table, POLICY ... ON table");
    }
}

} // namespace pgshape::parser
