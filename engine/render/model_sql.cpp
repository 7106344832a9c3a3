#include <algorithm>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_policy.hpp"
#include "engine/plan/ddl_privilege.hpp"
#include "engine/plan/ddl_routine.hpp"
#include "engine/plan/ddl_type.hpp"
#include "engine/plan/routine_order.hpp"
#include "engine/plan/view_ddl.hpp"
#include "engine/render/render.hpp"

namespace pgshape::render {

namespace {

// Domains and composite types, bases first.
std::vector<model::TypeRef> user_types_in_order(const model::SchemaModel& m) {
    std::vector<std::pair<int, model::TypeRef>> ranked;
    for (const auto& [name, d] : m.domains) ranked.push_back({0, {name.schema, name.name, "", false}});
    for (const auto& [name, c] : m.composite_types) ranked.push_back({0, {name.schema, name.name, "", false}});
    for (auto& [depth, t] : ranked) depth = model::type_depth(m, t);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<model::TypeRef> out;
    for (auto& [depth, t] : ranked) out.push_back(std::move(t));
    return out;
}

} // namespace

// Written in dependency order so that psql can also load the output as is.
std::string model_sql(const model::SchemaModel& m) {
    namespace ddl = plan::ddl;
    using model::quote_name;
    // As in pg_dump: routine bodies are checked when they run, not when the
    // file loads, so a body whose unqualified names were resolved through the
    // search_path of the session that created it still loads.
    std::string out = "-- written by pgshape inspect\nSET check_function_bodies = false;\n";
    auto emit = [&](const std::string& stmt) { out += stmt + ";\n"; };
    for (const auto& [name, s] : m.schemas) {
        emit(ddl::create_schema(s));
        if (s.comment) emit(ddl::comment_on("SCHEMA " + model::quote_ident(name), s.comment));
    }
    if (m.public_comment != model::Comment(model::k_public_schema_comment))
        emit(ddl::comment_on("SCHEMA public", m.public_comment));
    for (const auto& [name, e] : m.extensions) emit(ddl::create_extension(e));
    for (const auto& [name, t] : m.enums) {
        emit(ddl::create_enum(t));
        if (t.comment) emit(ddl::comment_on("TYPE " + quote_name(name), t.comment));
    }
    for (const auto& [name, c] : m.collations) {
        emit(ddl::create_collation(c));
        if (c.comment) emit(ddl::comment_on("COLLATION " + quote_name(name), c.comment));
    }
    // Domains and composite types, each after the types it is built on;
    // those that call functions once the functions exist.
    const auto types = user_types_in_order(m);
    for (const auto& t : types)
        if (!plan::type_needs_functions(m, t))
            for (const auto& stmt : ddl::create_type_statements(m, {t.schema, t.name})) emit(stmt);
    for (const auto& [name, s] : m.sequences) {
        emit(ddl::create_sequence(s));
        if (s.comment) emit(ddl::comment_on("SEQUENCE " + quote_name(name), s.comment));
    }
    // Functions that need no table, so that defaults and checks may call them.
    for (const auto* fn : plan::functions_in_order(m, plan::TableOrder::before_tables)) {
        out += "\n";
        for (const auto& stmt : ddl::create_function_statements(*fn)) emit(stmt);
    }
    for (const auto& t : types)
        if (plan::type_needs_functions(m, t))
            for (const auto& stmt : ddl::create_type_statements(m, {t.schema, t.name})) emit(stmt);
    // Partitions and inheritance children after their parents.
    std::vector<std::pair<int, const model::Table*>> ranked;
    for (const auto& [name, t] : m.tables) ranked.emplace_back(model::inheritance_depth(m, t), &t);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const model::Table*> tables;
    for (const auto& [depth, t] : ranked) tables.push_back(t);
    for (const auto* t : tables) {
        out += "\n";
        if (t->partition_of) {
            auto parent = m.tables.find(t->partition_of->parent);
            emit(ddl::create_partition(*t, parent == m.tables.end() ? nullptr : &parent->second));
        } else {
            emit(ddl::create_table(*t, {}));
            for (const auto& stmt : ddl::inherited_column_statements(m, *t)) emit(stmt);
        }
        for (const auto& c : ddl::table_comments(*t)) emit(c);
        for (const auto& stmt : ddl::row_security_statements(*t)) emit(stmt);
    }
    out += "\n";
    // A partition's key attached to its parent's before the parent's: the
    // parent's ADD CONSTRAINT takes it rather than make another. A
    // partition's standalone key after every parent's index and key, which
    // would otherwise take it.
    const auto is_partition = [&](const model::QualifiedName& table) {
        const auto t = m.tables.find(table);
        return t != m.tables.end() && t->second.partition_of.has_value();
    };
    const auto standalone_on_partition = [&](const model::Constraint& c) {
        return c.type != model::ConstraintType::foreign_key && c.attached_to.name.empty() && is_partition(c.table);
    };
    for (const bool attached : {true, false})
        for (const auto& [key, c] : m.constraints)
            if (c.type != model::ConstraintType::foreign_key && c.attached_to.name.empty() != attached &&
                !standalone_on_partition(c))
                emit(ddl::add_constraint(c));
    // The validated copies of NOT VALID checks (each one named).
    for (const auto& [key, c] : m.constraints)
        for (const auto& t : c.valid_copies) emit(ddl::validate_constraint(t, c.name));
    // Functions whose signature or SQL body uses a table.
    for (const auto* fn : plan::functions_in_order(m, plan::TableOrder::after_tables)) {
        out += "\n";
        for (const auto& stmt : ddl::create_function_statements(*fn)) emit(stmt);
    }
    // Partitions' attached indexes first, so that a parent's CREATE INDEX
    // takes them rather than make its own; a partition's standalone index
    // after every parent's, which would otherwise take it.
    for (int pass = 0; pass < 3; ++pass)
        for (const auto& [name, i] : m.indexes) {
            if (m.views.count(i.table)) continue;  // on a materialized view: written with it
            const int order = !i.attached_to.name.empty() ? 0 : is_partition(i.table) ? 2 : 1;
            if (order != pass) continue;
            emit(ddl::create_index(i));
            if (i.comment) emit(ddl::comment_on("INDEX " + quote_name(name), i.comment));
        }
    for (const auto& [key, c] : m.constraints)
        if (standalone_on_partition(c)) emit(ddl::add_constraint(c));
    // Partitions' indexes and keys attached to their parent's, as pg_dump writes them.
    for (const auto& [name, i] : m.indexes)
        if (!i.attached_to.name.empty()) emit(ddl::attach_index(i.attached_to, name));
    for (const auto& [key, c] : m.constraints)
        if (!c.attached_to.name.empty()) emit(ddl::attach_index(c.attached_to, {key.table.schema, key.name}));
    // Foreign keys after the indexes: a key may reference columns that only
    // a unique index (not a constraint) covers.
    for (const auto& [key, c] : m.constraints)
        if (c.type == model::ConstraintType::foreign_key) emit(ddl::add_constraint(c));
    for (const auto& [key, c] : m.constraints)
        for (const auto& s : ddl::constraint_comments(c)) emit(s);
    // A replica identity may name any of those indexes.
    for (const auto& [name, t] : m.tables)
    {
        if (t.replica_identity != model::ReplicaIdentity::default_) emit(ddl::replica_identity(t));
        if (!t.cluster_index.empty()) emit(ddl::cluster_on(t));
    }
    for (const auto& [name, s] : m.sequences)
        if (s.owned_by) emit(ddl::sequence_owned_by(s));
    // Views last, each after the views it reads, with their comments and
    // (materialized views) indexes.
    std::map<model::QualifiedName, std::vector<const model::Index*>> indexes_on;
    for (const auto& [name, i] : m.indexes) indexes_on[i.table].push_back(&i);
    for (const auto* v : ddl::views_in_dependency_order(m)) {
        out += "\n";
        for (const auto& stmt : ddl::create_view_statements(*v, indexes_on[v->name])) emit(stmt);
    }
    // SQL functions that read views.
    for (const auto* fn : plan::functions_in_order(m, plan::TableOrder::after_views)) {
        out += "\n";
        for (const auto& stmt : ddl::create_function_statements(*fn)) emit(stmt);
    }
    // Triggers last: on tables and views, after their functions.
    for (const auto& [key, t] : m.triggers)
        for (const auto& stmt : ddl::create_trigger_statements(t)) emit(stmt);
    // Policies last too: they may call any function.
    for (const auto& [key, p] : m.policies)
        for (const auto& stmt : ddl::create_policy_statements(p)) emit(stmt);
    // Owners and privileges (read with --privileges only) once every object exists.
    const auto privileges = ddl::model_privileges(m);
    if (!privileges.empty()) out += "\n";
    for (const auto& stmt : privileges) emit(stmt);
    return out;
}

} // namespace pgshape::render
