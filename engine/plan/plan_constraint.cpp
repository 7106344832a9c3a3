// Constraints: PRIMARY KEY, UNIQUE and CHECK of new tables are inline in
// CREATE TABLE; foreign keys are always separate steps after every key they
// may reference exists, so cycles between tables need no special case.
#include "engine/model/sql_text.hpp"
#include "engine/model/partition_copies.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::ConstraintType;

bool is_fk(const model::Constraint& c) { return c.type == ConstraintType::foreign_key; }

// Written inside CREATE TABLE (so created and dropped with the table).
bool is_inline(const model::Constraint& c) { return !is_fk(c) && c.valid; }

std::string summary(const model::Constraint& c) {
    const char* what = c.type == ConstraintType::primary_key ? "primary key"
                       : c.type == ConstraintType::unique    ? "unique"
                       : c.type == ConstraintType::check     ? "check"
                       : c.type == ConstraintType::exclude   ? "exclusion constraint"
                                                             : "foreign key";
    return std::string(what) + " " + model::quote_ident(c.name) + " on " + model::quote_name(c.table);
}

// A partition's key attached to a parent's index that this plan builds:
// the index's step attaches it (plan_index.cpp).
bool attached_in_index_step(const PlanContext& ctx, const model::Constraint& c) {
    return !c.attached_to.name.empty() && index_built_here(ctx, c.attached_to);
}

// `c` as `m` has it (`ctx.to` going up, `ctx.from` going down).
std::vector<std::string> add_statements(const PlanContext& ctx, const model::SchemaModel& m, const model::Constraint& c) {
    std::vector<std::string> out{ddl::add_constraint(c)};
    for (auto& s : ddl::constraint_comments(c)) out.push_back(std::move(s));
    for (auto& s : copy_validations(ctx, m, c)) out.push_back(std::move(s));
    // A partition's key that is part of its parent's index.
    if (!c.attached_to.name.empty() && !attached_in_index_step(ctx, c))
        out.push_back(ddl::attach_index(c.attached_to, {c.table.schema, c.name}));
    return out;
}

// A unique index of `from` that the new key `c` can take over as it is
// (ADD CONSTRAINT ... USING INDEX), because `to` no longer has it.
const model::Index* adoptable_index(PlanContext& ctx, const model::Constraint& c) {
    if (c.type != ConstraintType::primary_key && c.type != ConstraintType::unique) return nullptr;
    // PostgreSQL does not take USING INDEX on a partitioned table.
    if (const auto t = ctx.to.tables.find(c.table); t != ctx.to.tables.end() && t->second.partition_by) return nullptr;
    for (const auto* i : ctx.indexes_of(ctx.from, c.table)) {
        if (ctx.to.indexes.count(i->name) || ctx.adopted_indexes.count(i->name)) continue;
        if (!i->unique || i->method != "btree" || i->where || !i->options.empty() || i->include != c.include ||
            i->nulls_not_distinct != c.nulls_not_distinct || i->elems.size() != c.columns.size())
            continue;
        bool plain = true;
        for (std::size_t k = 0; k < i->elems.size() && plain; ++k) {
            const auto& e = i->elems[k];
            plain = !e.expr && e.column == c.columns[k] && e.collation.empty() && e.opclass.empty() &&
                    e.order == model::SortOrder::asc && !e.nulls_first;
        }
        if (plain) return i;
    }
    return nullptr;
}

// The index becomes the key's (PostgreSQL renames it to the key's name):
// no new index is built. Going down, the key goes and the index comes back.
void adopt_step(PlanContext& ctx, const model::Constraint& c, const model::Index& index) {
    ctx.adopted_indexes.insert(index.name);
    auto& step = ctx.add(Phase::add_constraint, key_of(c), ChangeSymbol::create,
                         summary(c) + " using index " + model::quote_name(index.name));
    std::string add = "ALTER TABLE " + model::quote_name(c.table) + " ADD CONSTRAINT " + model::quote_ident(c.name) +
                      (c.type == ConstraintType::primary_key ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " +
                      model::quote_ident(index.name.name);
    if (c.deferrable) add += " DEFERRABLE";
    if (c.initially_deferred) add += " INITIALLY DEFERRED";
    // The index keeps its comment under the key's name: set it as the key's index has it.
    step.up.push_back(add);
    if (!c.attached_to.name.empty() && !attached_in_index_step(ctx, c))
        step.up.push_back(ddl::attach_index(c.attached_to, {c.table.schema, c.name}));
    if (c.comment) step.up.push_back(ddl::comment_on(ddl::constraint_target(c), c.comment));
    if (index.comment != c.index_comment) step.up.push_back(ddl::comment_on(ddl::constraint_index_target(c), c.index_comment));
    step.down = {ddl::drop_constraint(c), ddl::create_index(index)};
    if (attached_in_index_step(ctx, c)) step.down.erase(step.down.begin());  // the index's CASCADE takes it
    if (index.comment) step.down.push_back(ddl::comment_on("INDEX " + model::quote_name(index.name), index.comment));
    step.down_hazards.push_back({HazardKind::blocking_lock, "re-creating index " + model::quote_name(index.name) +
                                                                 " blocks writes to " + model::quote_name(c.table)});
}

void add_step(PlanContext& ctx, const model::Constraint& c) {
    if (is_inline(c) && ctx.table_created(c.table)) return;
    if (ctx.kept_keys.count(c.key())) {  // a detached partition kept it
        plan_comment(ctx, key_of(c), ddl::constraint_target(c), std::nullopt, c.comment);
        plan_comment(ctx, key_of(c), ddl::constraint_index_target(c), std::nullopt, c.index_comment);
        return;
    }
    if (const auto* index = adoptable_index(ctx, c); index && !ctx.table_created(c.table)) return adopt_step(ctx, c, *index);
    auto& step = ctx.add(is_fk(c) ? Phase::add_foreign_key : Phase::add_constraint, key_of(c), ChangeSymbol::create,
                         summary(c));
    step.up = add_statements(ctx, ctx.to, c);
    // Attached to a parent's index built here: going down, that index's
    // DROP INDEX ... CASCADE takes it.
    if (!attached_in_index_step(ctx, c)) step.down = {ddl::drop_constraint(c)};
    if (!c.attached_to.name.empty()) step.rank = 1;  // after its parent's key
    if (!ctx.table_created(c.table) && c.valid) {
        const char* why = c.type == ConstraintType::check         ? "validating the check scans the table under lock"
                          : c.type == ConstraintType::foreign_key ? "validating the foreign key scans the table under lock"
                          : c.type == ConstraintType::exclude     ? "building the exclusion constraint's index blocks writes to the table"
                                                                  : "building the key's index blocks writes to the table";
        step.hazards.push_back({HazardKind::blocking_lock, model::quote_name(c.table) + ": " + why});
    }
}

void drop_step(PlanContext& ctx, const model::Constraint& c) {
    if (is_inline(c) && ctx.table_dropped(c.table)) return;  // goes with DROP TABLE, returns with its down
    // A table's check that its ATTACH PARTITION here makes its parent's
    // copy; the way back, DETACH leaves it.
    if (c.type == ConstraintType::check && ctx.kept_keys_down.count(c.key())) return;
    // Attached to a parent's index that goes: DROP INDEX ... CASCADE takes it.
    if (!c.attached_to.name.empty() && index_dropped_here(ctx, c.attached_to)) return;
    auto& step = ctx.add(is_fk(c) ? Phase::drop_foreign_key : Phase::drop_constraint, key_of(c), ChangeSymbol::drop,
                         summary(c));
    step.up = {ddl::drop_constraint(c)};
    // Kept by the partition the way back detaches: there already.
    if (!ctx.kept_keys_down.count(c.key())) step.down = add_statements(ctx, ctx.from, c);
    else step.down_summary = summary(c) + ": kept by the partition's detach";
    if (!ctx.table_dropped(c.table) && c.valid) {  // NOT VALID: added without a scan
        step.down_hazards.push_back({HazardKind::blocking_lock, model::quote_name(c.table) + ": re-adding " +
                                                                     model::quote_ident(c.name) + " scans the table"});
    }
}

// ALTER TABLE ONLY's key that now covers every partition: the partitions
// that have no key attached to it (in files, the ones the parent's key
// would make under PostgreSQL's names) get theirs, attached. No DETACH:
// undone by dropping the parent's key (the attached keys go with it) and
// adding it again as `from` has it.
void cover_partitions(PlanContext& ctx, const model::Constraint& b) {
    std::vector<std::string> up;
    for (const auto* p : ctx.partitions_of(ctx.to, b.table)) {
        // A partition created or attached here gets PostgreSQL's own.
        const auto was = ctx.from.tables.find(p->name);
        if (was == ctx.from.tables.end() || !(was->second.partition_of == p->partition_of)) continue;
        for (const auto& c : model::partition_copies(ctx.to, p->name).keys)
            if (c.attached_to.name == b.name) {
                up.push_back(ddl::add_constraint(c));
                up.push_back(ddl::attach_index(c.attached_to, {c.table.schema, c.name}));
            }
    }
    if (up.empty()) return;
    auto& step = ctx.add(Phase::add_constraint, key_of(b), ChangeSymbol::alter, summary(b) + ": cover every partition");
    step.rank = 1;  // after the partitions' own keys are added
    step.up = std::move(up);
    const auto& a = ctx.from.constraints.at(b.key());
    step.down = {ddl::drop_constraint(a)};
    for (auto& s : add_statements(ctx, ctx.from, a)) step.down.push_back(std::move(s));
    for (const auto& [key, c] : ctx.from.constraints)
        if (c.attached_to == model::QualifiedName{b.table.schema, b.name})
            for (auto& s : add_statements(ctx, ctx.from, c)) step.down.push_back(std::move(s));
    step.hazards.push_back({HazardKind::blocking_lock, "adding the partitions' keys scans them"});
    step.down_hazards.push_back({HazardKind::blocking_lock, model::quote_name(b.table) + ": re-adding " +
                                                                 model::quote_ident(b.name) + " (a key cannot be detached) scans its partitions"});
}

bool same_except_comment(model::Constraint a, model::Constraint b) {
    a.only = b.only;  // follows from the partitions' keys attached to it
    a.comment.reset();
    b.comment.reset();
    a.index_comment.reset();
    b.index_comment.reset();
    return a == b;
}

// The same check but for which of its copies are validated (and comments).
bool same_but_copies(model::Constraint a, model::Constraint b) {
    a.valid_copies.clear();
    b.valid_copies.clear();
    return same_except_comment(std::move(a), std::move(b));
}

} // namespace

std::vector<std::string> add_again(const PlanContext& ctx, const model::Constraint& now, const model::Constraint& before) {
    auto out = add_statements(ctx, ctx.from, before);
    out.insert(out.begin(), ddl::drop_constraint(now));
    return out;
}

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Constraint>& change) {
    // Keys and checks of a re-created table come and go with it (its foreign
    // keys are separate steps, as always).
    const auto& any = change.to ? *change.to : *change.from;
    if (!is_fk(any) && ctx.rebuilt_relations.count(any.table)) return;
    if (change.op == ChangeOp::create) return add_step(ctx, *change.to);
    if (change.op == ChangeOp::drop) return drop_step(ctx, *change.from);
    const auto& a = *change.from;
    const auto& b = *change.to;
    if (same_except_comment(a, b)) {
        if (a.only && !b.only) cover_partitions(ctx, b);
        plan_comment(ctx, key_of(b), ddl::constraint_target(b), a.comment, b.comment);
        plan_comment(ctx, key_of(b), ddl::constraint_index_target(b), a.index_comment, b.index_comment);
        return;
    }
    if (a.attached_to != b.attached_to && same_but_attachment(a, b)) {
        // Standing, and taken by a parent's index built here: that index's
        // step attaches it (and undoes it).
        if (a.attached_to.name.empty() && index_built_here(ctx, b.attached_to)) {
            plan_comment(ctx, key_of(b), ddl::constraint_target(b), a.comment, b.comment);
            plan_comment(ctx, key_of(b), ddl::constraint_index_target(b), a.index_comment, b.index_comment);
            return;
        }
        // Attached to a parent's index that goes: DROP INDEX ... CASCADE
        // takes it, and that step adds it back (with its comments).
        if (!a.attached_to.name.empty() && index_dropped_here(ctx, a.attached_to)) return;
    }
    if (same_but_copies(a, b) && plan_copy_validity(ctx, a, b)) {
        plan_comment(ctx, key_of(b), ddl::constraint_target(b), a.comment, b.comment);
        return;
    }
    model::Constraint validated = a;
    validated.valid = true;
    validated.valid_copies.clear();
    validated.comment = b.comment;
    validated.index_comment = b.index_comment;
    if (!a.valid && b.valid && validated == b) {
        // NOT VALID → valid: validate in place (no write-blocking lock).
        auto& step = ctx.add(is_fk(b) ? Phase::add_foreign_key : Phase::add_constraint, key_of(b), ChangeSymbol::alter,
                             summary(b) + ": validate");
        step.down_summary = summary(b) + ": NOT VALID";
        step.up = {ddl::validate_constraint(b.table, b.name)};
        step.down = add_again(ctx, b, a);
        plan_comment(ctx, key_of(b), ddl::constraint_target(b), a.comment, b.comment);
        plan_comment(ctx, key_of(b), ddl::constraint_index_target(b), a.index_comment, b.index_comment);
        return;
    }
    drop_step(ctx, a);
    add_step(ctx, b);
    // A foreign key that did not change but references this key must let go
    // of it while it is rebuilt.
    if (a.is_key()) {
        for (const auto& [key, fk] : ctx.from.constraints) {
            if (!is_fk(fk) || fk.ref_table != a.table || fk.ref_columns != a.columns) continue;
            auto it = ctx.to.constraints.find(key);
            if (it != ctx.to.constraints.end() && it->second == fk) ctx.rebuilt_foreign_keys.insert(key);
        }
    }
}

void plan_unchanged_check_copies(PlanContext& ctx) {
    for (const auto& [key, b] : ctx.to.constraints) {
        if (b.type != ConstraintType::check || b.valid || b.no_inherit || ctx.rebuilt_relations.count(b.table)) continue;
        const auto a = ctx.from.constraints.find(key);
        if (a == ctx.from.constraints.end() || !(a->second == b)) continue;  // its change plans its copies
        if (plan_copy_validity(ctx, a->second, b)) continue;
        drop_step(ctx, a->second);
        add_step(ctx, b);
    }
}

void plan_rebuilt_foreign_keys(PlanContext& ctx) {
    if (!ctx.retyped_columns.empty()) {
        auto retyped = [&](const model::QualifiedName& table, const std::vector<std::string>& columns) {
            for (const auto& c : columns)
                if (ctx.retyped_columns.count({table, c})) return true;
            return false;
        };
        for (const auto& [key, fk] : ctx.from.constraints) {
            if (!is_fk(fk) || !(retyped(fk.table, fk.columns) || retyped(fk.ref_table, fk.ref_columns))) continue;
            auto it = ctx.to.constraints.find(key);
            if (it != ctx.to.constraints.end() && it->second == fk) ctx.rebuilt_foreign_keys.insert(key);
        }
    }
    // A partition's key that a parent's index takes along (DROP INDEX ...
    // CASCADE) takes the foreign keys that reference it too: they are
    // dropped before and added again after.
    for (const auto& [key, k] : ctx.from.constraints) {
        if (k.attached_to.name.empty() || !index_dropped_here(ctx, k.attached_to)) continue;
        for (const auto& [fk_key, fk] : ctx.from.constraints) {
            if (!is_fk(fk) || fk.ref_table != k.table || fk.ref_columns != k.columns) continue;
            auto it = ctx.to.constraints.find(fk_key);
            if (it != ctx.to.constraints.end() && it->second == fk) ctx.rebuilt_foreign_keys.insert(fk_key);
        }
    }
    for (const auto& key : ctx.rebuilt_foreign_keys) {
        drop_step(ctx, ctx.from.constraints.at(key));
        add_step(ctx, ctx.to.constraints.at(key));
    }
}

} // namespace pgshape::plan
