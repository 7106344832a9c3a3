// Views and materialized views. Views read tables and other views, so they
// are planned together, as a graph, instead of change by change:
//   - every view that goes away, or must be re-created, is dropped first
//     (Phase::drop_view, dependents before what they read), and every new or
//     re-created view is created last (Phase::create_view, in dependency
//     order): whatever changes in between never has a view in its way;
//   - a view is re-created when its query changes in a way CREATE OR REPLACE
//     cannot express (columns removed, renamed or retyped; materialized views
//     always), or when something it reads changes under it: a column retyped
//     or dropped, a table dropped, a type it uses rebuilt, a view it reads
//     re-created — transitively;
//   - otherwise a changed view is replaced in place: CREATE OR REPLACE VIEW,
//     when the old columns lead the new ones with the same names and types.
#include <algorithm>
#include <set>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"
#include "engine/plan/reader_changes.hpp"
#include "engine/plan/view_ddl.hpp"

namespace pgshape::plan {
namespace {

using model::QualifiedName;
using model::View;
using model::quote_name;

model::ObjectKey key_of(const View& v) {
    return {v.materialized ? model::Kind::materialized_view : model::Kind::view, v.name.schema, v.name.name, ""};
}

std::string label(const View& v) { return (v.materialized ? "materialized view " : "view ") + quote_name(v.name); }

// The view without what is planned on its own, without replacing it:
// comments and column defaults.
View bare(const View& v) {
    View out = v;
    out.comment.reset();
    out.column_comments.clear();
    out.column_defaults.clear();
    return out;
}


class ViewPlanner {
public:
    explicit ViewPlanner(PlanContext& ctx) : m_ctx(ctx) {}

    void run() {
        collect_changes();
        decide_rebuilds();
        const auto depth_from = ddl::view_depths(m_ctx.from);
        const auto depth_to = ddl::view_depths(m_ctx.to);
        for (const auto& [name, a] : m_ctx.from.views) {
            if (!m_ctx.to.views.count(name)) drop_step(a, depth_from.at(name), "");
            else if (m_rebuild.count(name)) drop_step(a, depth_from.at(name), m_rebuild.at(name));
        }
        for (const auto& [name, b] : m_ctx.to.views) {
            auto it = m_ctx.from.views.find(name);
            if (it == m_ctx.from.views.end()) create_step(b, depth_to.at(name), "");
            else if (m_rebuild.count(name)) create_step(b, depth_to.at(name), m_rebuild.at(name));
            else if (!(it->second == b)) replace_step(it->second, b, depth_to.at(name));
        }
    }

private:
    PlanContext& m_ctx;
    ReaderChanges m_changes;  // m_changes.gone grows with the views re-created
    std::vector<std::pair<QualifiedName, std::string>> m_gone_functions;  // dropped or re-created → what
    std::map<QualifiedName, std::string> m_gone_keys;     // tables whose primary key is dropped or replaced → what
    std::map<QualifiedName, std::string> m_rebuild;       // views re-created → why

    void collect_changes() {
        m_changes = ReaderChanges::of(m_ctx);
        for (const auto& [key, c] : m_ctx.from.constraints) {
            if (c.type != model::ConstraintType::primary_key || !m_ctx.to.tables.count(c.table)) continue;
            auto it = m_ctx.to.constraints.find(key);
            if (it == m_ctx.to.constraints.end() || !(it->second == c))
                m_gone_keys[c.table] = "the primary key of " + quote_name(c.table) + ", which changes";
        }
        for (const auto& [key, a] : m_ctx.from.functions) {
            auto it = m_ctx.to.functions.find(key);
            const std::string what = "function " + model::display(key);
            if (it == m_ctx.to.functions.end()) m_gone_functions.emplace_back(a.name, what + ", which is dropped");
            else if (!replaceable(a, it->second)) m_gone_functions.emplace_back(a.name, what + ", which is re-created");
        }
    }

    // Why `v` cannot stay while the plan runs, or "" when it can.
    std::string reads_changed(const View& v) const {
        if (auto why = m_changes.why(v.relations, v.reads, v.types); !why.empty()) return why;
        if (v.grouped)
            for (const auto& r : v.relations)
                if (auto it = m_gone_keys.find(r); it != m_gone_keys.end()) return "its GROUP BY may rely on " + it->second;
        // A call without a schema finds public's function (search_path).
        for (const auto& call : v.functions)
            for (const auto& [name, what] : m_gone_functions)
                if (name.name == call.name && (name.schema == call.schema || (call.schema.empty() && name.schema == "public")))
                    return "it calls " + what;
        return "";
    }

    static std::string what_changed(const View& a, const View& b) {
        return a.query == b.query ? "options changed" : "query changed";
    }

    bool has_dependents(const QualifiedName& name) const {
        auto reads = [&](const model::SchemaModel& m) {
            for (const auto& [other, v] : m.views)
                if (std::find(v.relations.begin(), v.relations.end(), name) != v.relations.end() &&
                    m_ctx.from.views.count(other) && m_ctx.to.views.count(other))
                    return true;
            return false;
        };
        return reads(m_ctx.from) || reads(m_ctx.to);
    }

    // "" when CREATE OR REPLACE VIEW turns `a` into `b` (and back, for down).
    std::string replace_refused(const View& a, const View& b) const {
        if (a.materialized != b.materialized) return b.materialized ? "it becomes materialized" : "it is no longer materialized";
        if (a.materialized) return what_changed(a, b);
        for (std::size_t i = 0; i < a.columns.size(); ++i) {
            if (i >= b.columns.size() || a.columns[i].name != b.columns[i].name) {
                const bool kept = std::any_of(b.columns.begin(), b.columns.end(),
                                              [&](const model::ViewColumn& c) { return c.name == a.columns[i].name; });
                return kept ? "its columns move" : "column " + model::quote_ident(a.columns[i].name) + " is removed or renamed";
            }
            if (a.columns[i].type_key != b.columns[i].type_key)
                return "column " + model::quote_ident(a.columns[i].name) + " may change type";
        }
        if (b.columns.size() > a.columns.size() && has_dependents(a.name))
            return "columns are added to it while other views read it";
        return "";
    }

    // Views that must be re-created, found in rounds: first those that read
    // something that changes (a view re-created in the previous round
    // included), then, once that is settled, those whose own change cannot
    // be made in place, which may start another round.
    void decide_rebuilds() {
        auto changed = [](const View& a, const View& b) { return !(bare(a) == bare(b)); };
        for (bool more = true; more;) {
            more = false;
            for (const auto& [name, why] : m_rebuild)
                if (!m_changes.gone.count(name)) m_changes.gone[name] = label(m_ctx.to.views.at(name)) + ", which is re-created";
            for (const auto& [name, a] : m_ctx.from.views) {
                auto it = m_ctx.to.views.find(name);
                if (it == m_ctx.to.views.end() || m_rebuild.count(name)) continue;
                std::string why = reads_changed(a);
                if (why.empty()) why = reads_changed(it->second);
                if (!why.empty()) {
                    m_rebuild[name] = why;
                    more = true;
                }
            }
            if (more) continue;
            for (const auto& [name, a] : m_ctx.from.views) {
                auto it = m_ctx.to.views.find(name);
                if (it == m_ctx.to.views.end() || m_rebuild.count(name) || !changed(a, it->second)) continue;
                if (auto why = replace_refused(a, it->second); !why.empty()) {
                    m_rebuild[name] = why;
                    more = true;
                }
            }
        }
        m_ctx.rebuilt_views = m_rebuild;
        for (const auto& [name, why] : m_rebuild)
            if (m_ctx.to.views.at(name).materialized || m_ctx.from.views.at(name).materialized)
                m_ctx.rebuilt_relations.insert(name);
        for (const auto& [name, v] : m_ctx.from.views)
            if (v.materialized && !m_ctx.to.views.count(name)) m_ctx.rebuilt_relations.insert(name);
        for (const auto& [name, v] : m_ctx.to.views)
            if (v.materialized && !m_ctx.from.views.count(name)) m_ctx.rebuilt_relations.insert(name);
    }

    // A materialized view dropped and filled again in one transaction.
    static Hazard refill_hazard(const View& v) {
        return {HazardKind::blocking_lock, "re-creating " + label(v) + " runs its query; readers wait until the plan commits"};
    }

    void drop_step(const View& v, int depth, const std::string& rebuild_reason) {
        const bool rebuild = !rebuild_reason.empty();
        auto& step = m_ctx.add(Phase::drop_view, key_of(v), rebuild ? ChangeSymbol::alter : ChangeSymbol::drop,
                               rebuild ? label(v) + ": dropped to be re-created (" + rebuild_reason + ")" : label(v));
        if (rebuild) step.down_summary = label(v) + ": re-created as it was";
        step.rank = -depth;  // what reads a view goes before it
        step.up = {ddl::drop_view(v)};
        step.down = ddl::create_view_statements(v, m_ctx.indexes_of(m_ctx.from, v.name));
        if (rebuild && v.materialized) step.down_hazards.push_back(refill_hazard(v));
    }

    void create_step(const View& v, int depth, const std::string& rebuild_reason) {
        const bool rebuild = !rebuild_reason.empty();
        auto& step = m_ctx.add(Phase::create_view, key_of(v), rebuild ? ChangeSymbol::alter : ChangeSymbol::create,
                               rebuild ? label(v) + ": re-created (" + rebuild_reason + ")" : label(v));
        if (rebuild) step.down_summary = label(v) + ": dropped to be re-created as it was";
        step.rank = depth;
        step.up = ddl::create_view_statements(v, m_ctx.indexes_of(m_ctx.to, v.name));
        step.down = {ddl::drop_view(v)};
        if (rebuild && v.materialized) step.hazards.push_back(refill_hazard(v));
    }

    void replace_step(const View& a, const View& b, int depth) {
        Step* replaced = nullptr;
        bool recreated_down = false;
        if (!(bare(a) == bare(b))) {
            std::string what;
            if (b.columns.size() > a.columns.size()) {
                what = "columns added:";
                for (std::size_t i = a.columns.size(); i < b.columns.size(); ++i)
                    what += (i == a.columns.size() ? " " : ", ") + model::quote_ident(b.columns[i].name);
            } else {
                what = what_changed(a, b);
            }
            auto& step = m_ctx.add(Phase::create_view, key_of(b), ChangeSymbol::alter, label(b) + ": " + what);
            replaced = &step;
            step.rank = depth;
            step.up = {ddl::create_view(b, ddl::ViewReplace::or_replace)};
            if (b.columns.size() == a.columns.size()) {
                step.down = {ddl::create_view(a, ddl::ViewReplace::or_replace)};
            } else {
                // OR REPLACE cannot remove columns: the way back re-creates it.
                step.down_summary = label(b) + ": re-created without the added columns";
                step.down = {ddl::drop_view(b), ddl::create_view(a)};
                for (auto& d : ddl::view_defaults(a)) step.down.push_back(std::move(d));
                for (auto& c : ddl::view_comments(a)) step.down.push_back(std::move(c));
                recreated_down = true;
            }
        }
        plan_column_defaults(a, b, depth, recreated_down ? replaced : nullptr);
        plan_comment(m_ctx, key_of(b), ddl::view_target(b), a.comment, b.comment);
        plan_column_comments(a, b, recreated_down ? replaced : nullptr);
    }

    // ALTER VIEW ... ALTER COLUMN SET|DROP DEFAULT for each column of `b`
    // whose default changes (CREATE OR REPLACE VIEW keeps a column's
    // default), after the view is replaced; as for comments, a way back
    // that re-creates the view as `a` brings `a`'s defaults back.
    void plan_column_defaults(const View& a, const View& b, int depth, Step* recreating) {
        for (const auto& c : b.columns) {
            const auto from = a.column_defaults.find(c.name);
            const auto to = b.column_defaults.find(c.name);
            const model::Expr* was = from == a.column_defaults.end() ? nullptr : &from->second;
            const model::Expr* now = to == b.column_defaults.end() ? nullptr : &to->second;
            if ((!was && !now) || (was && now && *was == *now)) continue;
            if (recreating) {
                recreating->up.push_back(ddl::view_column_default(b, c.name, now));
                continue;
            }
            auto& step = m_ctx.add(Phase::create_view, model::ObjectKey{model::Kind::column, b.name.schema, c.name, b.name.name},
                                   ChangeSymbol::alter,
                                   label(b) + ": column " + model::quote_ident(c.name) +
                                       (now ? (was ? " default changed" : " default set") : " default dropped"));
            step.rank = depth;
            step.down_summary = label(b) + ": column " + model::quote_ident(c.name) + (was ? " default restored" : " default dropped");
            step.up = {ddl::view_column_default(b, c.name, now)};
            // A column the replaced view no longer had gets no default back.
            const bool had = std::any_of(a.columns.begin(), a.columns.end(), [&](const auto& x) { return x.name == c.name; });
            if (had) step.down = {ddl::view_column_default(a, c.name, was)};
        }
    }

    // COMMENT ON COLUMN for each column of `b` whose comment changes. When
    // the way back re-creates the view as `a` (`recreating`: columns were
    // added), that brings `a`'s comments back: the new comments are part of
    // the replacing step, with nothing to undo.
    void plan_column_comments(const View& a, const View& b, Step* recreating) {
        for (const auto& c : b.columns) {
            const auto from = a.column_comments.find(c.name);
            const auto to = b.column_comments.find(c.name);
            const model::Comment was = from == a.column_comments.end() ? model::Comment{} : model::Comment{from->second};
            const model::Comment now = to == b.column_comments.end() ? model::Comment{} : model::Comment{to->second};
            if (was == now) continue;
            const std::string target = ddl::view_column_target(b, c.name);
            if (recreating) recreating->up.push_back(ddl::comment_on(target, now));
            else plan_comment(m_ctx, model::ObjectKey{model::Kind::column, b.name.schema, c.name, b.name.name}, target, was, now);
        }
    }
};

} // namespace

bool blocks_readers(const model::Column& a, const model::Column& b) {
    return a.type != b.type || a.collation != b.collation || !(a.generated == b.generated);
}

void plan_views(PlanContext& ctx) { ViewPlanner(ctx).run(); }

// Views are planned together by plan_views, before any other change.
void plan_change(PlanContext&, const diff::ObjectChange<model::View>&) {}

} // namespace pgshape::plan
