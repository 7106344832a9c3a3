// Schemas and extensions: the outermost objects.
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
        if (a.schema != b.schema) {
            step.up.push_back("ALTER EXTENSION " + quote_ident(e.name) + " SET SCHEMA " + quote_ident(b.schema));
            step.down.push_back("ALTER EXTENSION " + quote_ident(e.name) + " SET SCHEMA " + quote_ident(a.schema));
        }
        if (!a.version.empty() && !b.version.empty() && a.version != b.version) {
            step.summary += ": version " + a.version + " → " + b.version;
            step.down_summary = "extension " + quote_ident(e.name) + ": version " + b.version + " → " + a.version;
            step.up.push_back("ALTER EXTENSION " + quote_ident(e.name) + " UPDATE TO " + model::quote_literal(b.version));
            step.down.push_back("ALTER EXTENSION " + quote_ident(e.name) + " UPDATE TO " + model::quote_literal(a.version));
        }
    }
}

} // namespace pgshape::plan
