// Functions and procedures with a SQL-standard body (BEGIN ATOMIC ... END,
// RETURN expr). PostgreSQL analyzes such a body when it creates the
// routine and records what it reads in pg_depend: a table or view it reads
// cannot be dropped, nor a column it reads dropped or retyped, while the
// routine exists. So a routine whose body reads something that changes
// under it is dropped first (Phase::drop_function_before_views, callers
// before callees) and created again once everything it reads is in place
// (its usual create phase: after the tables, or after the views) — in its
// new version if it changes too. The down script reverses both steps.
#include <algorithm>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl_routine.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/routine_order.hpp"

namespace pgshape::plan {
namespace {

using model::QualifiedName;
using model::quote_name;

class BodyPlanner {
public:
    explicit BodyPlanner(PlanContext& ctx) : m_ctx(ctx) {}

    void run() {
        collect_changes();
        // A routine calling one that goes out of the way must go first:
        // found in rounds until nothing more is affected.
        std::map<model::FunctionKey, std::string> affected;
        for (bool more = true; more;) {
            more = false;
            for (const auto& [key, fn] : m_ctx.from.functions) {
                if (!fn.body.sql_standard || affected.count(key)) continue;
                std::string why = reads_changed(fn);
                for (const auto& call : fn.calls)
                    for (const auto& [other, reason] : affected)
                        if (why.empty() && other.name == call) why = "it calls " + routine_label(m_ctx.from.functions.at(other)) + ", which goes out of the way";
                if (why.empty()) continue;
                affected[key] = why;
                more = true;
            }
        }
        for (const auto& [key, why] : affected) rebuild(m_ctx.from.functions.at(key), why);
    }

private:
    PlanContext& m_ctx;
    std::map<QualifiedName, std::string> m_gone;               // relations dropped or re-created → why
    std::map<model::ViewRead, std::string> m_changed_columns;  // (table, column) dropped or retyped → how
    std::set<QualifiedName> m_changed_types;                   // enum types rebuilt or dropped

    void collect_changes() {
        for (const auto& [name, a] : m_ctx.from.enums) {
            auto it = m_ctx.to.enums.find(name);
            if (it == m_ctx.to.enums.end() || it->second.labels != a.labels) m_changed_types.insert(name);
        }
        for (const auto& [name, a] : m_ctx.from.tables) {
            auto it = m_ctx.to.tables.find(name);
            if (it == m_ctx.to.tables.end()) {
                m_gone[name] = "table " + quote_name(name) + ", which is dropped";
                continue;
            }
            if (!(a.partition_by == it->second.partition_by))
                m_gone[name] = "table " + quote_name(name) + ", which is re-created";
            for (const auto& c : a.columns) {
                const auto* b = it->second.find_column(c.name);
                if (!b) m_changed_columns[{name, c.name}] = "which is dropped";
                else if (blocks_readers(c, *b) || m_changed_types.count({c.type.schema, c.type.name}))
                    m_changed_columns[{name, c.name}] = "which changes";
            }
        }
        for (const auto& [name, v] : m_ctx.from.views)
            if (!m_ctx.to.views.count(name)) m_gone[name] = "view " + quote_name(name) + ", which is dropped";
        for (const auto& [name, why] : m_ctx.rebuilt_views)
            m_gone[name] = "view " + quote_name(name) + ", which is re-created";
        for (const auto& [name, s] : m_ctx.from.sequences)
            if (!m_ctx.to.sequences.count(name)) m_gone[name] = "sequence " + quote_name(name) + ", which is dropped";
    }

    // Why `fn` cannot stay while the plan runs, or "" when it can.
    std::string reads_changed(const model::Function& fn) const {
        for (const auto& r : fn.reads)
            if (auto it = m_gone.find(r); it != m_gone.end()) return "it reads " + it->second;
        for (const auto& r : fn.column_reads) {
            auto it = m_changed_columns.lower_bound({r.relation, r.column == "*" ? "" : r.column});
            if (it != m_changed_columns.end() && it->first.relation == r.relation &&
                (r.column == "*" || it->first.column == r.column))
                return "it reads " + quote_name(it->first.relation) + "." + model::quote_ident(it->first.column) + ", " +
                       it->second;
        }
        for (const auto& t : fn.types)
            if (m_changed_types.count({t.schema, t.name})) return "it uses type " + model::render_type(t) + ", which changes";
        return "";
    }

    void rebuild(const model::Function& a, const std::string& why) {
        m_ctx.rebuilt_functions.insert(a.key());
        auto it = m_ctx.to.functions.find(a.key());
        const model::Function* b = it == m_ctx.to.functions.end() ? nullptr : &it->second;
        const auto key = routine_step_key(a);
        auto& drop = m_ctx.add(Phase::drop_function_before_views, key, b ? ChangeSymbol::alter : ChangeSymbol::drop,
                               routine_label(a) + (b ? ": dropped to be re-created (" + why + ")" : ""));
        if (b) drop.down_summary = routine_label(a) + ": re-created as it was";
        drop.rank = -placement_of(m_ctx.from, a).depth;  // callers first
        drop.up = {ddl::drop_function(a)};
        drop.down = ddl::create_function_statements(a);
        if (!b) return;
        const auto place = placement_of(m_ctx.to, *b);
        const Phase phase = place.needs_views ? Phase::create_function_after_views : Phase::create_function_after_tables;
        auto& create = m_ctx.add(phase, key, ChangeSymbol::alter,
                                 routine_label(*b) + ": re-created (" + why + ")" + (*b == a ? "" : ", changed"));
        create.down_summary = routine_label(*b) + ": dropped to be re-created as it was";
        create.rank = place.depth;
        create.up = ddl::create_function_statements(*b);
        create.down = {ddl::drop_function(*b)};
    }
};

} // namespace

void plan_standard_bodies(PlanContext& ctx) { BodyPlanner(ctx).run(); }

} // namespace pgshape::plan
