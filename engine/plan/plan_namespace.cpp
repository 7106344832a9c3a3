// Schemas and extensions: the outermost objects.
#include <cctype>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"
#include "engine/plan/plan_context.hpp"

namespace pgshape::plan {

using diff::ChangeOp;
using model::quote_ident;

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Schema>& change) {
    const auto& s = change.to ? *change.to : *change.from;
    const model::ObjectKey key{model::Kind::schema, s.name, s.name, ""};
    const std::string target = "SCHEMA " + quote_ident(s.name);
    const std::string create = ddl::create_schema(s);
    const std::string drop = "DROP SCHEMA " + quote_ident(s.name);
    if (change.op == ChangeOp::create) {
        auto& step = ctx.add(Phase::create_schema, key, ChangeSymbol::create, "schema " + quote_ident(s.name));
        step.up.push_back(create);
        if (s.comment) step.up.push_back(ddl::comment_on(target, s.comment));
        step.down.push_back(drop);
    } else if (change.op == ChangeOp::drop) {
        auto& step = ctx.add(Phase::drop_schema, key, ChangeSymbol::drop, "schema " + quote_ident(s.name));
        step.up.push_back(drop);
        step.down.push_back(create);
        if (s.comment) step.down.push_back(ddl::comment_on(target, s.comment));
    } else {
        plan_comment(ctx, key, target, change.from->comment, change.to->comment);
    }
}

namespace {

// Whether version `a` sorts before `b`, comparing dotted numbers as numbers
// ("1.10" after "1.9"); anything else compares as text.
bool older(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
            const auto na = std::stoull(a.substr(i, ei - i)), nb = std::stoull(b.substr(j, ej - j));
            if (na != nb) return na < nb;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

// Extensions ship update scripts forwards, rarely backwards: going to an
// older version drops the extension and creates it again at that version.
void change_version(const model::Extension& from, const model::Extension& to, std::vector<std::string>& out,
                    std::vector<Hazard>& hazards) {
    const std::string name = quote_ident(to.name);
    if (!older(to.version, from.version)) {
        out.push_back("ALTER EXTENSION " + name + " UPDATE TO " + model::quote_literal(to.version));
        return;
    }
    out.push_back("DROP EXTENSION " + name);
    out.push_back(ddl::create_extension(to));
    hazards.push_back({HazardKind::data_loss, "extension " + name + " has no way back from " + from.version + " to " +
                                                  to.version + ": it is dropped and created again, which empties its own "
                                                  "tables and fails while other objects use it"});
}

} // namespace

void plan_change(PlanContext& ctx, const diff::ObjectChange<model::Extension>& change) {
    const auto& e = change.to ? *change.to : *change.from;
    const model::ObjectKey key{model::Kind::extension, e.schema, e.name, ""};
    const std::string drop = "DROP EXTENSION " + quote_ident(e.name);
    if (change.op == ChangeOp::create) {
        auto& step = ctx.add(Phase::create_extension, key, ChangeSymbol::create, "extension " + quote_ident(e.name));
        step.up.push_back(ddl::create_extension(e));
        step.down.push_back(drop);
    } else if (change.op == ChangeOp::drop) {
        auto& step = ctx.add(Phase::drop_extension, key, ChangeSymbol::drop, "extension " + quote_ident(e.name));
        step.up.push_back(drop);
        step.down.push_back(ddl::create_extension(e));
    } else {
        const auto& a = *change.from;
        const auto& b = *change.to;
        auto& step = ctx.add(Phase::create_extension, key, ChangeSymbol::alter, "extension " + quote_ident(e.name));
        step.down_summary = step.summary;
        if (a.schema != b.schema) {
            step.summary += ": schema " + quote_ident(a.schema) + " → " + quote_ident(b.schema);
            step.down_summary += ": schema " + quote_ident(b.schema) + " → " + quote_ident(a.schema);
            step.up.push_back("ALTER EXTENSION " + quote_ident(e.name) + " SET SCHEMA " + quote_ident(b.schema));
            step.down.push_back("ALTER EXTENSION " + quote_ident(e.name) + " SET SCHEMA " + quote_ident(a.schema));
        }
        if (!a.version.empty() && !b.version.empty() && a.version != b.version) {
            step.summary += (a.schema != b.schema ? ", version " : ": version ") + a.version + " → " + b.version;
            step.down_summary += (a.schema != b.schema ? ", version " : ": version ") + b.version + " → " + a.version;
            change_version(a, b, step.up, step.hazards);
            change_version(b, a, step.down, step.down_hazards);
        }
    }
}

} // namespace pgshape::plan
