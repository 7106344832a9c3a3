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
#include "engine/plan/reader_changes.hpp"
#include "engine/plan/routine_order.hpp"

namespace pgshape::plan {
namespace {

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
                if (why.empty()) why = calls_one_of(fn, affected);
                if (why.empty()) continue;
                affected[key] = why;
                more = true;
            }
        }
        for (const auto& [key, why] : affected) rebuild(m_ctx.from.functions.at(key), why);
    }

private:
    PlanContext& m_ctx;
    ReaderChanges m_changes;

    void collect_changes() {
        m_changes = ReaderChanges::of(m_ctx);
        for (const auto& [name, why] : m_ctx.rebuilt_views)
            m_changes.gone[name] = "view " + model::quote_name(name) + ", which is re-created";
    }

    std::string reads_changed(const model::Function& fn) const { return m_changes.why(fn.reads, fn.column_reads, fn.types); }

    // A call is matched by name: any overload counts.
    std::string calls_one_of(const model::Function& fn, const std::map<model::FunctionKey, std::string>& affected) const {
        for (const auto& call : fn.calls)
            for (const auto& [other, reason] : affected)
                if (other.name == call)
                    return "it calls " + routine_label(m_ctx.from.functions.at(other)) + ", which goes out of the way";
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
