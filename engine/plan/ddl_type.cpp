#include "engine/plan/ddl_type.hpp"

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"

namespace pgshape::plan::ddl {

using model::quote_ident;
using model::quote_name;

std::string type_target(const model::SchemaModel& m, const model::QualifiedName& type) {
    return (m.domains.count(type) ? "DOMAIN " : "TYPE ") + quote_name(type);
}

std::string domain_check_target(const model::Domain& domain, const model::DomainCheck& check) {
    return "CONSTRAINT " + quote_ident(check.name) + " ON DOMAIN " + quote_name(domain.name);
}

std::vector<std::string> add_domain_check(const model::Domain& domain, const model::DomainCheck& check) {
    std::vector<std::string> out{"ALTER DOMAIN " + quote_name(domain.name) + " ADD CONSTRAINT " + quote_ident(check.name) +
                                 " CHECK (" + check.expr.sql() + ")" + (check.valid ? "" : " NOT VALID")};
    if (check.comment) out.push_back(comment_on(domain_check_target(domain, check), check.comment));
    return out;
}

std::string drop_domain_check(const model::Domain& domain, const model::DomainCheck& check) {
    return "ALTER DOMAIN " + quote_name(domain.name) + " DROP CONSTRAINT " + quote_ident(check.name);
}

std::vector<std::string> create_domain_statements(const model::Domain& d) {
    std::string create = "CREATE DOMAIN " + quote_name(d.name) + " AS " + model::render_type(d.base);
    if (!d.collation.empty()) create += " COLLATE " + quote_ident(d.collation);
    if (d.default_value) create += " DEFAULT " + d.default_value->sql();
    if (d.not_null) create += " NOT NULL";
    for (const auto& c : d.checks)
        if (c.valid) create += " CONSTRAINT " + quote_ident(c.name) + " CHECK (" + c.expr.sql() + ")";
    std::vector<std::string> out{create};
    for (const auto& c : d.checks)
        if (!c.valid) out.push_back(add_domain_check(d, c).front());
    if (d.comment) out.push_back(comment_on("DOMAIN " + quote_name(d.name), d.comment));
    for (const auto& c : d.checks)
        if (c.comment) out.push_back(comment_on(domain_check_target(d, c), c.comment));
    return out;
}

std::string attribute_definition(const model::CompositeAttribute& a) {
    std::string out = quote_ident(a.name) + " " + model::render_type(a.type);
    if (!a.collation.empty()) out += " COLLATE " + quote_ident(a.collation);
    return out;
}

std::vector<std::string> create_composite_statements(const model::CompositeType& t) {
    std::string attributes;
    for (const auto& a : t.attributes) attributes += (attributes.empty() ? "" : ", ") + attribute_definition(a);
    std::vector<std::string> out{"CREATE TYPE " + quote_name(t.name) + " AS (" + attributes + ")"};
    if (t.comment) out.push_back(comment_on("TYPE " + quote_name(t.name), t.comment));
    for (const auto& a : t.attributes)
        if (a.comment) out.push_back(comment_on("COLUMN " + quote_name(t.name) + "." + quote_ident(a.name), a.comment));
    return out;
}

std::vector<std::string> create_type_statements(const model::SchemaModel& m, const model::QualifiedName& type) {
    if (auto d = m.domains.find(type); d != m.domains.end()) return create_domain_statements(d->second);
    if (auto c = m.composite_types.find(type); c != m.composite_types.end()) return create_composite_statements(c->second);
    auto e = m.enums.find(type);
    if (e == m.enums.end()) return {};
    std::vector<std::string> out{create_enum(e->second)};
    if (e->second.comment) out.push_back(comment_on("TYPE " + quote_name(type), e->second.comment));
    return out;
}

} // namespace pgshape::plan::ddl
