#pragma once
// SQL for user-defined types (enums, domains, composite types), shared by
// their planners, the type rebuild and `inspect`.
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::plan::ddl {

// "DOMAIN public.d", "TYPE public.t": the target of COMMENT ON, ALTER, DROP.
std::string type_target(const model::SchemaModel& m, const model::QualifiedName& type);
// CREATE DOMAIN with its default, NOT NULL and validated checks; NOT VALID
// checks as ALTER DOMAIN ... ADD CONSTRAINT after it; comments last.
std::vector<std::string> create_domain_statements(const model::Domain& domain);
// ALTER DOMAIN d ADD CONSTRAINT c CHECK (...) [NOT VALID], and its comment.
std::vector<std::string> add_domain_check(const model::Domain& domain, const model::DomainCheck& check);
std::string drop_domain_check(const model::Domain& domain, const model::DomainCheck& check);
std::string domain_check_target(const model::Domain& domain, const model::DomainCheck& check);
// CREATE TYPE ... AS (...) with the comments on it and its attributes.
std::vector<std::string> create_composite_statements(const model::CompositeType& type);
std::string attribute_definition(const model::CompositeAttribute& attribute);
// Any user-defined type of `m` by name, with its comments; empty when `m`
// has no such type.
std::vector<std::string> create_type_statements(const model::SchemaModel& m, const model::QualifiedName& type);

} // namespace pgshape::plan::ddl
