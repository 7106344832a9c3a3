// CREATE DOMAIN and ALTER DOMAIN. A domain is read in two passes: its name,
// base type, collation and NOT NULL with the other types (so that every
// expression of the files can see what a domain is over), its default and
// checks with the tables, once every domain is known.
#include <algorithm>

#include <fmt/format.h>

#include "parser/canonical_type.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

model::QualifiedName domain_name(Node* const* names, std::size_t n) {
    const auto list = name_list(names, n);
    return {list.size() > 1 ? list[list.size() - 2] : "public", list.back()};
}

model::Domain& find_domain(StatementContext& ctx, const model::QualifiedName& name) {
    auto it = ctx.builder.model.domains.find(name);
    if (it == ctx.builder.model.domains.end())
        ctx.fail(-1, fmt::format("domain {} is not defined", model::display(name)),
                 "define it with CREATE DOMAIN in one of the schema files");
    return it->second;
}

// The domain's value as a column named `value`, so that the canonical form
// of a check knows VALUE's type (the catalog writes `(VALUE)::text` on a
// domain over varchar).
std::vector<model::Column> value_column(const model::Domain& domain) {
    model::Column value;
    value.name = "value";
    value.type = domain.base;
    return {value};
}

// Functions an expression calls, for ordering (read before the canonical
// rewrites drop their qualification).
void collect_calls(Node* expr, model::Domain& domain) {
    for_each_node(&expr->base, [&](Node* node) {
        if (node->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return;
        const auto names = name_list(node->func_call->funcname, node->func_call->n_funcname);
        const model::QualifiedName call{names.size() >= 2 ? names[names.size() - 2] : "public", names.back()};
        if (call.schema != "pg_catalog" && std::find(domain.calls.begin(), domain.calls.end(), call) == domain.calls.end())
            domain.calls.push_back(call);
    });
    std::sort(domain.calls.begin(), domain.calls.end());
}

void add_check(StatementContext& ctx, model::Domain& domain, PgQuery__Constraint* con, bool valid) {
    model::DomainCheck check;
    check.name = con->conname && *con->conname ? con->conname : ctx.builder.choose_domain_check_name(domain.name);
    if (domain.find_check(check.name))
        ctx.fail(con->location, fmt::format("constraint \"{}\" is defined twice on domain {}", check.name,
                                            model::display(domain.name)));
    collect_calls(con->raw_expr, domain);
    const auto columns = value_column(domain);
    check.expr = make_expr(ctx.tree, con->raw_expr, ctx.expr_context(&columns));
    check.valid = valid;
    domain.checks.push_back(std::move(check));
    std::sort(domain.checks.begin(), domain.checks.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
}

void set_default(StatementContext& ctx, model::Domain& domain, Node* expr) {
    if (!expr || is_null_constant(expr)) {
        domain.default_value.reset();  // DEFAULT NULL: PostgreSQL stores none
        return;
    }
    collect_calls(expr, domain);
    domain.default_value = make_expr(ctx.tree, expr, ctx.expr_context(nullptr, &domain.base));
}

const char* refused_constraint(PgQuery__ConstrType type) {
    switch (type) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: return "unique constraints";
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: return "primary key constraints";
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: return "foreign key constraints";
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: return "exclusion constraints";
    case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY: return "identity columns";
    case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED: return "generated columns";
    default: return "constraint attributes (DEFERRABLE, INITIALLY ...)";
    }
}

} // namespace

void transform_create_domain(StatementContext& ctx, PgQuery__CreateDomainStmt* stmt, DomainPart part) {
    const auto name = domain_name(stmt->domainname, stmt->n_domainname);
    if (part == DomainPart::type) {
        model::Domain domain;
        domain.name = name;
        const auto resolved = canonical_type(stmt->type_name);
        if (resolved.serial == Serial::serial)
            ctx.fail(stmt->type_name->location, "a domain cannot be over a serial type",
                     "use integer (or bigint) with DEFAULT nextval(...)");
        domain.base = resolved.type;
        if (stmt->coll_clause) domain.collation = name_list(stmt->coll_clause->collname, stmt->coll_clause->n_collname).back();
        bool nullable = false;
        for (std::size_t i = 0; i < stmt->n_constraints; ++i) {
            const auto* con = stmt->constraints[i]->constraint;
            switch (con->contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: domain.not_null = true; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: nullable = true; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: break;
            default:
                ctx.fail(con->location, fmt::format("{} are not possible for domains", refused_constraint(con->contype)),
                         "a domain takes DEFAULT, NOT NULL, NULL and CHECK (...)");
            }
            if (domain.not_null && nullable)
                ctx.fail(con->location, "conflicting NULL/NOT NULL constraints", "a domain is either NOT NULL or NULL");
        }
        ctx.builder.claim_relation_name(name.schema, "type " + name.name, ctx.here());
        ctx.builder.require_schema(name.schema, ctx.here());
        ctx.builder.model.domains.emplace(name, std::move(domain));
        return;
    }
    auto& domain = find_domain(ctx, name);
    bool has_default = false;
    for (std::size_t i = 0; i < stmt->n_constraints; ++i) {
        auto* con = stmt->constraints[i]->constraint;
        if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) {
            if (has_default) ctx.fail(con->location, "multiple default expressions", "a domain takes one DEFAULT");
            has_default = true;
            set_default(ctx, domain, con->raw_expr);
        } else if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
            add_check(ctx, domain, con, true);
        }
    }
}

// Once every type is read: a COLLATE that names the collation a domain or
// an attribute gets from its base domain anyway is none of its own.
void settle_type_collations(Builder& builder) {
    auto& m = builder.model;
    for (auto& [name, d] : m.domains)
        if (!d.collation.empty() && d.collation == model::domain_collation(m.domains, d.base)) d.collation.clear();
    for (auto& [name, t] : m.composite_types)
        for (auto& a : t.attributes)
            if (!a.collation.empty() && a.collation == model::domain_collation(m.domains, a.type)) a.collation.clear();
}

// A domain over a domain takes its base's default when it names none (as
// PostgreSQL copies it at CREATE DOMAIN): once every default is read.
void inherit_domain_defaults(Builder& builder) {
    auto& domains = builder.model.domains;
    // By depth, so that a chain of domains passes a default all the way down.
    std::vector<model::Domain*> order;
    for (auto& [name, d] : domains) order.push_back(&d);
    std::stable_sort(order.begin(), order.end(), [&](auto* a, auto* b) {
        return model::type_depth(builder.model, a->base) < model::type_depth(builder.model, b->base);
    });
    for (auto* d : order) {
        auto base = domains.find({d->base.schema, d->base.name});
        if (d->default_value || d->base.is_array || base == domains.end()) continue;
        d->default_value = base->second.default_value;
    }
}

void transform_alter_domain(StatementContext& ctx, PgQuery__AlterDomainStmt* stmt) {
    auto& domain = find_domain(ctx, domain_name(stmt->type_name, stmt->n_type_name));
    const char subtype = stmt->subtype && *stmt->subtype ? *stmt->subtype : '?';
    switch (subtype) {
    case 'T': return set_default(ctx, domain, stmt->def);
    case 'O': domain.not_null = true; return;
    case 'N': domain.not_null = false; return;
    case 'C': {
        auto* con = stmt->def && stmt->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? stmt->def->constraint : nullptr;
        if (!con || con->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
            ctx.fail(-1, "ALTER DOMAIN ... ADD CONSTRAINT takes a CHECK constraint only",
                     "write NOT NULL as ALTER DOMAIN ... SET NOT NULL or in CREATE DOMAIN");
        return add_check(ctx, domain, con, !con->skip_validation);
    }
    case 'X':
        ctx.fail(-1, "ALTER DOMAIN ... DROP CONSTRAINT is not supported in schema files",
                 "schema files describe the desired state: leave the constraint out of CREATE DOMAIN");
    case 'V':
        ctx.fail(-1, "ALTER DOMAIN ... VALIDATE CONSTRAINT is not supported in schema files",
                 "schema files describe the desired state: add the constraint without NOT VALID");
    default:
        ctx.fail(-1, "this form of ALTER DOMAIN is not supported in schema files",
                 "supported: SET DEFAULT, DROP DEFAULT, SET NOT NULL, DROP NOT NULL, ADD CONSTRAINT ... CHECK (...) [NOT VALID]");
    }
}

} // namespace pgshape::parser
