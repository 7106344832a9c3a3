// Columns of tables present on both sides.
#include <algorithm>

#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/model/user_type.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/ddl_policy.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/sequence_change.hpp"
#include "engine/plan/type_change.hpp"

namespace pgshape::plan {
namespace {

using diff::ChangeOp;
using model::quote_ident;
using model::quote_name;

std::string column_target(const model::QualifiedName& table, const std::string& column) {
    return "COLUMN " + quote_name(table) + "." + quote_ident(column);
}

std::string default_text(const model::Column& c) { return c.default_value ? c.default_value->sql() : "none"; }

bool type_differs(const model::Column& a, const model::Column& b) {
    return a.type != b.type || a.collation != b.collation;
}

// Statements that turn column `a` into `b` in place (the inverse is the same
// function with the arguments swapped). Order matters: defaults go before
// the type changes under them, NOT NULL before identity needs it.
// `a_side` and `b_side` are the models `a` and `b` come from: a retype
// between two domains casts by their base types.
// Where the table has children (INHERITS), defaults and NOT NULL are set
// on it alone (`Recurse::no`, ALTER TABLE ONLY): each child has its own,
// planned on its own; a type change always reaches them.
enum class Recurse { yes, no };

std::vector<std::string> alter_statements(const model::QualifiedName& table, const model::Column& a,
                                          const model::Column& b, const model::SchemaModel& a_side,
                                          const model::SchemaModel& b_side, Recurse recurse = Recurse::yes) {
    const std::string alter_all = "ALTER TABLE " + quote_name(table) + " ALTER COLUMN " + quote_ident(b.name);
    const std::string alter = recurse == Recurse::no
                                  ? "ALTER TABLE ONLY " + quote_name(table) + " ALTER COLUMN " + quote_ident(b.name)
                                  : alter_all;
    std::vector<std::string> out;
    if (a.generated && !b.generated) out.push_back(alter + " DROP EXPRESSION");
    const bool retype = type_differs(a, b);
    // A default may not cast to a different base type; it is dropped around
    // such a change and set again (a length or precision change keeps it).
    const bool rebase = a.type.schema != b.type.schema || a.type.name != b.type.name || a.type.is_array != b.type.is_array;
    const bool default_changed = !(a.default_value == b.default_value);
    if (a.default_value && (default_changed || rebase)) out.push_back(alter + " DROP DEFAULT");
    if (a.identity != model::Identity::none && b.identity == model::Identity::none) out.push_back(alter + " DROP IDENTITY");
    if (retype) {
        std::string stmt = alter_all + " TYPE " + model::render_type(b.type);
        if (!b.collation.empty() || !a.collation.empty())
            stmt += " COLLATE " + (b.collation.empty() ? std::string("\"default\"") : quote_ident(b.collation));
        if (rebase) stmt += " USING " + using_expression(quote_ident(b.name), model::underlying_type(a_side.domains, a.type),
                                                      model::underlying_type(b_side.domains, b.type), b.type);
        out.push_back(stmt);
    }
    if (b.default_value && (default_changed || rebase)) out.push_back(alter + " SET DEFAULT " + b.default_value->sql());
    if (b.not_null && !a.not_null) out.push_back(alter + " SET NOT NULL");
    if (b.identity != model::Identity::none) {
        if (a.identity == model::Identity::none) {
            out.push_back(alter + " ADD " + ddl::identity_clause(b));
        } else {
            if (b.identity != a.identity)
                out.push_back(alter + " SET GENERATED " + (b.identity == model::Identity::always ? "ALWAYS" : "BY DEFAULT"));
            if (!(a.identity_options == b.identity_options))
                out.push_back(alter + " " + ddl::sequence_options(b.identity_options, "SET ") +
                              restart_clause(a.identity_options, b.identity_options));
        }
    }
    if (!b.not_null && a.not_null) out.push_back(alter + " DROP NOT NULL");
    if (a.statistics != b.statistics) out.push_back(ddl::column_statistics(table, b));
    return out;
}

std::vector<Hazard> alter_hazards(const model::QualifiedName& table, const model::Column& a, const model::Column& b) {
    std::vector<Hazard> out;
    const std::string name = quote_name(table) + "." + quote_ident(b.name);
    if (a.type != b.type) {
        const auto cost = type_change_cost(a.type, b.type);
        if (cost.narrowing)
            out.push_back({HazardKind::data_loss, fmt::format("{}: {} → {} may fail or lose data", name,
                                                              model::render_type(a.type), model::render_type(b.type))});
        if (cost.rewrite)
            out.push_back({HazardKind::table_rewrite, fmt::format("{}: {} → {} rewrites the table", name,
                                                                  model::render_type(a.type), model::render_type(b.type))});
    } else if (a.collation != b.collation) {
        out.push_back({HazardKind::blocking_lock, name + ": collation change rebuilds the indexes on it"});
    }
    if (b.not_null && !a.not_null)
        out.push_back({HazardKind::blocking_lock,
                       name + ": SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock (fails if NULLs exist)"});
    if (b.identity != model::Identity::none && a.identity == model::Identity::none)
        out.push_back({HazardKind::blocking_lock, name + ": adding identity locks the table"});
    if (a.identity != model::Identity::none && b.identity != model::Identity::none &&
        !restart_clause(a.identity_options, b.identity_options).empty())
        out.push_back(restart_hazard("identity of " + name, b.identity_options));
    return out;
}

std::string alter_summary(const model::QualifiedName& table, const model::Column& a, const model::Column& b) {
    std::string out = "column " + quote_name(table) + "." + quote_ident(b.name) + ":";
    std::string sep = " ";
    auto part = [&](const std::string& text) { out += sep + text; sep = "; "; };
    if (a.type != b.type) part(model::render_type(a.type) + " → " + model::render_type(b.type));
    if (a.collation != b.collation) part("collation " + (a.collation.empty() ? "default" : a.collation) + " → " +
                                         (b.collation.empty() ? "default" : b.collation));
    if (!(a.default_value == b.default_value)) part("default " + default_text(a) + " → " + default_text(b));
    if (a.not_null != b.not_null) part(b.not_null ? "NOT NULL" : "nullable");
    if (a.identity == b.identity && !(a.identity_options == b.identity_options)) part("identity options");
    if (a.identity != b.identity)
        part(b.identity == model::Identity::none ? "not identity"
             : b.identity == model::Identity::always ? "GENERATED ALWAYS AS IDENTITY" : "GENERATED BY DEFAULT AS IDENTITY");
    if (!(a.generated == b.generated)) part(b.generated ? "generated as (" + b.generated->sql() + ")" : "not generated");
    if (a.statistics != b.statistics) part(fmt::format("statistics {} → {}", a.statistics, b.statistics));
    return out;
}

// A default or NOT NULL set on a partitioned table reaches every partition
// (PostgreSQL recurses): after such a statement, each partition of `m` that
// sets its own value for `parent_column` gets it back.
std::vector<std::string> partition_values(PlanContext& ctx, const model::SchemaModel& m, const model::QualifiedName& table,
                                          const model::Column& parent_column, bool default_set, bool not_null_set) {
    std::vector<std::string> out;
    const auto& other = &m == &ctx.from ? ctx.to : ctx.from;
    for (const auto* p : ctx.partitions_of(m, table)) {
        // Only partitions that exist on both sides: a new one is created with its values.
        auto there = other.tables.find(p->name);
        if (there == other.tables.end() || !(there->second.partition_of == p->partition_of)) continue;
        const auto* c = p->find_column(parent_column.name);
        if (!c) continue;
        const std::string alter = "ALTER TABLE " + quote_name(p->name) + " ALTER COLUMN " + quote_ident(c->name);
        if (default_set && !(c->default_value == parent_column.default_value))
            out.push_back(alter + (c->default_value ? " SET DEFAULT " + c->default_value->sql() : " DROP DEFAULT"));
        if (not_null_set && c->not_null && !parent_column.not_null) out.push_back(alter + " SET NOT NULL");
    }
    return out;
}

void append(std::vector<std::string>& to, std::vector<std::string> more) {
    for (auto& s : more) to.push_back(std::move(s));
}

// ADD COLUMN on a parent (INHERITS) reaches every child with the parent's
// default and NOT NULL: each child of `m` that sets its own gets it back.
std::vector<std::string> children_values(PlanContext& ctx, const model::SchemaModel& m, const model::QualifiedName& table,
                                         const model::Column& parent_column) {
    std::vector<std::string> out;
    const auto& other = &m == &ctx.from ? ctx.to : ctx.from;
    for (const auto* child : ctx.children_of(m, table)) {
        // Children on both sides of this parent, or created (dropped) with it in this plan.
        auto there = other.tables.find(child->name);
        if (there != other.tables.end() &&
            std::find(there->second.inherits.begin(), there->second.inherits.end(), table) == there->second.inherits.end())
            continue;
        const auto* c = child->find_column(parent_column.name);
        if (!c || c->local) continue;
        append(out, ddl::own_column_values(child->name, *c, ddl::inherited_values(m, *child, *c)));
    }
    return out;
}

// Whether `table` has children (INHERITS) on either side of the plan.
bool has_children(PlanContext& ctx, const model::QualifiedName& table) {
    return !ctx.children_of(ctx.from, table).empty() || !ctx.children_of(ctx.to, table).empty();
}

// A parent drops column `column` with ONLY when a child that stays its
// child keeps the column it inherited without declaring it: the column
// then becomes the child's own, with its values (PostgreSQL would
// otherwise drop it from the child too).
bool drops_only(PlanContext& ctx, const model::QualifiedName& parent, const std::string& column) {
    for (const auto* child : ctx.children_of(ctx.from, parent)) {
        auto there = ctx.to.tables.find(child->name);
        if (there == ctx.to.tables.end()) continue;
        const auto& inherits = there->second.inherits;
        if (std::find(inherits.begin(), inherits.end(), parent) == inherits.end()) continue;
        const auto* c = child->find_column(column);
        if (c && !c->local && there->second.find_column(column)) return true;
    }
    return false;
}

// Whether the parents of child `a` that give it `column` all drop it
// while staying its parents: PostgreSQL then drops it from the child.
bool dropped_with_parents(PlanContext& ctx, const model::Table& a, const model::Table& b, const std::string& column) {
    bool any = false;
    for (const auto& p : a.inherits) {
        auto parent = ctx.from.tables.find(p);
        if (parent == ctx.from.tables.end() || !parent->second.find_column(column)) continue;
        any = true;
        auto after = ctx.to.tables.find(p);
        if (std::find(b.inherits.begin(), b.inherits.end(), p) == b.inherits.end() || after == ctx.to.tables.end() ||
            after->second.find_column(column) || drops_only(ctx, p, column))
            return false;
    }
    return any;
}

// Whether both sides' `table` inherit `column` from one same parent: its
// type is then the parent's to change.
bool inherited_on_both_sides(PlanContext& ctx, const model::QualifiedName& table, const std::string& column) {
    const auto a = ctx.from.tables.find(table);
    const auto b = ctx.to.tables.find(table);
    if (a == ctx.from.tables.end() || b == ctx.to.tables.end()) return false;
    for (const auto& p : a->second.inherits) {
        if (std::find(b->second.inherits.begin(), b->second.inherits.end(), p) == b->second.inherits.end()) continue;
        auto pa = ctx.from.tables.find(p);
        auto pb = ctx.to.tables.find(p);
        if (pa != ctx.from.tables.end() && pb != ctx.to.tables.end() && pa->second.find_column(column) &&
            pb->second.find_column(column))
            return true;
    }
    return false;
}

// Adding a column whose value must be computed for every existing row.
bool add_rewrites(const model::Column& c) {
    if (c.generated || c.identity != model::Identity::none) return true;
    if (!c.default_value) return false;
    const std::string& sql = c.default_value->sql();
    return sql.find("random") != std::string::npos || sql.find("uuid") != std::string::npos ||
           sql.find("nextval") != std::string::npos || sql.find("clock_timestamp") != std::string::npos;
}

void add_column_step(PlanContext& ctx, const model::ObjectKey& key, const model::QualifiedName& table,
                     const model::Column& c, Phase phase, ChangeSymbol symbol, bool as_down) {
    const std::string add = "ALTER TABLE " + quote_name(table) + " ADD COLUMN " + ddl::column_definition(c);
    const bool only = as_down && drops_only(ctx, table, c.name);
    const std::string drop = "ALTER TABLE " + std::string(only ? "ONLY " : "") + quote_name(table) + " DROP COLUMN " +
                             quote_ident(c.name);
    const std::string name = quote_name(table) + "." + quote_ident(c.name);
    auto& step = ctx.add(phase, key, symbol, "column " + name + (as_down ? "" : ": " + model::render_type(c.type)));
    std::vector<std::string> create{add};
    if (c.statistics != -1) create.push_back(ddl::column_statistics(table, c));
    if (c.comment) create.push_back(ddl::comment_on(column_target(table, c.name), c.comment));
    const Hazard lost{HazardKind::data_loss, "dropping column " + name + " discards its values"};
    // ADD COLUMN on a partitioned table gives every partition the parent's default.
    append(create, partition_values(ctx, as_down ? ctx.from : ctx.to, table, c, true, true));
    append(create, children_values(ctx, as_down ? ctx.from : ctx.to, table, c));
    // Children after their parents: a parent's column reaches them.
    if (auto t = (as_down ? ctx.from : ctx.to).tables.find(table); t != (as_down ? ctx.from : ctx.to).tables.end())
        step.rank = model::inheritance_depth(as_down ? ctx.from : ctx.to, t->second);
    if (!as_down) {
        step.up = create;
        step.down = {drop};
        step.down_hazards.push_back(lost);
        if (add_rewrites(c)) step.hazards.push_back({HazardKind::table_rewrite, "adding " + name + " fills every row"});
    } else {
        step.up = {drop};
        step.hazards.push_back(lost);
        if (only) {
            // The children that kept the column as their own give it up
            // again, so that the parent's ADD COLUMN makes it inherited.
            std::vector<std::string> back;
            for (const auto* child : ctx.children_of(ctx.from, table)) {
                const auto* kept = child->find_column(c.name);
                auto there = ctx.to.tables.find(child->name);
                if (kept && !kept->local && there != ctx.to.tables.end() && there->second.find_column(c.name))
                    back.push_back("ALTER TABLE " + quote_name(child->name) + " DROP COLUMN " + quote_ident(c.name));
            }
            create.insert(create.begin(), back.begin(), back.end());
            step.down_hazards.push_back({HazardKind::data_loss, "the children's own " + quote_ident(c.name) +
                                                                    " columns are dropped to inherit it again"});
        }
        step.down = create;
        step.down_hazards.push_back({HazardKind::data_loss, "column " + name + " comes back without its values"});
        if (!c.local) {
            // An inherited column the parent's ONLY drop left here: the
            // parent's ADD COLUMN brings it back on the way down.
            step.down.clear();
            step.down_hazards.clear();
        }
    }
}

// A partition's own default or NOT NULL changed while its parent's stayed:
// set on the partition alone. Where the parent's changed, the parent's step
// sets the partition's value after its own (partition_values).
void plan_partition_column(PlanContext& ctx, const diff::ColumnChange& change, const model::ObjectKey& key) {
    const auto& a = *change.from;
    const auto& b = *change.to;
    const auto& partition = ctx.to.tables.at(change.table);
    const auto parent_from = ctx.from.tables.find(partition.partition_of->parent);
    const auto parent_to = ctx.to.tables.find(partition.partition_of->parent);
    if (parent_from == ctx.from.tables.end() || parent_to == ctx.to.tables.end()) return;
    const auto* pa = parent_from->second.find_column(a.name);
    const auto* pb = parent_to->second.find_column(b.name);
    if (!pa || !pb) return;
    const bool parent_default_set = !(pa->default_value == pb->default_value) || pa->type != pb->type;
    const bool parent_not_null_set = pa->not_null != pb->not_null;
    // Type, identity and generation are the parent's: only these two differ here.
    model::Column from = b, to = b;
    from.default_value = a.default_value;
    from.not_null = a.not_null;
    if (parent_default_set) from.default_value = to.default_value;
    if (parent_not_null_set) from.not_null = to.not_null;
    if (from.default_value == to.default_value && from.not_null == to.not_null) return;
    auto& step = ctx.add(Phase::alter_column, key, ChangeSymbol::alter, alter_summary(change.table, from, to));
    step.down_summary = alter_summary(change.table, to, from);
    step.rank = 1;  // after the parents' columns
    step.up = alter_statements(change.table, from, to, ctx.from, ctx.to);
    step.down = alter_statements(change.table, to, from, ctx.to, ctx.from);
    step.hazards = alter_hazards(change.table, from, to);
    step.down_hazards = alter_hazards(change.table, to, from);
}

// The column dropped and added again as `c` (with its comment): how a
// generation expression is set or put back.
std::vector<std::string> re_add(const model::QualifiedName& table, const model::Column& c) {
    const std::string alter = "ALTER TABLE " + quote_name(table);
    std::vector<std::string> out{alter + " DROP COLUMN " + quote_ident(c.name),
                                 alter + " ADD COLUMN " + ddl::column_definition(c)};
    if (c.comment) out.push_back(ddl::comment_on(column_target(table, c.name), c.comment));
    return out;
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ColumnChange& change) {
    if (ctx.rebuilt_relations.count(change.table)) return;  // the table is re-created as it should be
    const auto& c = change.to ? *change.to : *change.from;
    const model::ObjectKey key{model::Kind::column, change.table.schema, c.name, change.table.name};
    if (auto t = ctx.to.tables.find(change.table); t != ctx.to.tables.end() && t->second.partition_of)
        return plan_partition_column(ctx, change, key);
    const auto& from_table = ctx.from.tables.at(change.table);
    const auto& to_table = ctx.to.tables.at(change.table);
    // A column a child inherits without declaring it comes and goes with
    // its parents' columns.
    if (change.op == ChangeOp::create && !c.local) return;
    if (change.op == ChangeOp::drop && !c.local && dropped_with_parents(ctx, from_table, to_table, c.name)) return;
    if (change.op == ChangeOp::create) {
        add_column_step(ctx, key, change.table, c, Phase::alter_column, ChangeSymbol::create, false);
        return;
    }
    if (change.op == ChangeOp::drop) {
        add_column_step(ctx, key, change.table, c, Phase::drop_column, ChangeSymbol::drop, true);
        return;
    }
    model::Column a = *change.from;
    const auto& b = *change.to;
    // Whether a column is declared by the child or only inherited follows
    // from its parents' steps (NO INHERIT, DROP COLUMN): no statement sets it.
    a.local = b.local;
    // An inherited column's type is its parent's: the parent's change reaches it.
    if (inherited_on_both_sides(ctx, change.table, b.name)) {
        a.type = b.type;
        a.collation = b.collation;
    }
    const Recurse recurse = has_children(ctx, change.table) ? Recurse::no : Recurse::yes;
    const bool regenerate = b.generated && !(a.generated == b.generated);
    if (regenerate) {
        // A generation expression cannot be set or changed in place: the
        // column is dropped and added again, in one step so the drop comes
        // first both ways.
        const std::string name = quote_name(change.table) + "." + quote_ident(b.name);
        auto& step = ctx.add(Phase::alter_column, key, ChangeSymbol::alter, alter_summary(change.table, a, b) + " (drop and re-add)");
        step.down_summary = alter_summary(change.table, b, a) + " (drop and re-add)";
        step.up = re_add(change.table, b);
        step.down = re_add(change.table, a);
        step.hazards.push_back({HazardKind::table_rewrite, "re-adding " + name + " computes every row"});
        step.down_hazards.push_back({HazardKind::table_rewrite, "re-adding " + name + " rewrites the table"});
        if (!a.generated)
            step.hazards.push_back({HazardKind::data_loss, "the values of " + name + " are replaced by its generation expression"});
        if (!a.generated)
            step.down_hazards.push_back({HazardKind::data_loss, "column " + name + " comes back without its values"});
        return;
    }
    model::Column a_bare = a, b_bare = b;
    a_bare.comment.reset();
    b_bare.comment.reset();
    if (!(a_bare == b_bare)) {
        if (!comparable_types(a.type, b.type)) ctx.retyped_columns.insert({change.table, b.name});
        auto& step = ctx.add(Phase::alter_column, key, ChangeSymbol::alter, alter_summary(change.table, a, b));
        step.down_summary = alter_summary(change.table, b, a);
        step.up = alter_statements(change.table, a, b, ctx.from, ctx.to, recurse);
        step.hazards = alter_hazards(change.table, a, b);
        step.rank = model::inheritance_depth(ctx.to, to_table);
        if (a.generated && !b.generated) {
            // DROP EXPRESSION keeps the values; going back re-adds the
            // generated column, which recomputes them.
            step.down = re_add(change.table, a);
            step.down_hazards.push_back({HazardKind::table_rewrite, "re-adding generated column " + a.name + " rewrites the table"});
        } else {
            step.down = alter_statements(change.table, b, a, ctx.to, ctx.from, recurse);
            step.down_hazards = alter_hazards(change.table, b, a);
        }
        const bool default_set = !(a.default_value == b.default_value) || a.type != b.type;
        const bool not_null_set = a.not_null != b.not_null;
        append(step.up, partition_values(ctx, ctx.to, change.table, b, default_set, not_null_set));
        append(step.down, partition_values(ctx, ctx.from, change.table, a, default_set, not_null_set));
    }
    plan_comment(ctx, key, column_target(change.table, c.name), a.comment, b.comment);
}

} // namespace pgshape::plan
