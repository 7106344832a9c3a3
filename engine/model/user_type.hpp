#pragma once
// User-defined types besides enums: domains and composite types.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/expr.hpp"
#include "engine/model/names.hpp"
#include "engine/model/type_ref.hpp"

namespace pgshape::model {

// CONSTRAINT name CHECK (expr) of a domain; `VALUE` in the expression stands
// for the value being checked.
struct DomainCheck {
    std::string name;
    Expr expr;
    bool valid = true;  // false: added NOT VALID, existing values not checked yet
    Comment comment;
    bool operator==(const DomainCheck&) const = default;
};

// CREATE DOMAIN name AS base [COLLATE c] [DEFAULT expr] [NOT NULL] [CHECK ...].
struct Domain {
    QualifiedName name;
    TypeRef base;           // with its modifiers; may itself be a domain
    std::string collation;  // empty: the base type's own
    std::optional<Expr> default_value;
    bool not_null = false;
    std::vector<DomainCheck> checks;  // sorted by name
    Comment comment;
    // Functions the default and the checks call, qualified as written
    // (`public` when bare), for ordering. Derived, so never a difference alone.
    std::vector<QualifiedName> calls;

    const DomainCheck* find_check(const std::string& check) const;
    bool operator==(const Domain& o) const {
        return name == o.name && base == o.base && collation == o.collation && default_value == o.default_value &&
               not_null == o.not_null && checks == o.checks && comment == o.comment;
    }
};

// One attribute of a composite type, in declaration order (a row value is
// positional, so the order counts).
struct CompositeAttribute {
    std::string name;
    TypeRef type;
    std::string collation;  // empty: the type's default collation
    Comment comment;
    bool operator==(const CompositeAttribute&) const = default;
};

// CREATE TYPE name AS (attribute type [COLLATE c], ...).
struct CompositeType {
    QualifiedName name;
    std::vector<CompositeAttribute> attributes;
    Comment comment;
    const CompositeAttribute* find_attribute(const std::string& attribute) const;
    bool operator==(const CompositeType&) const = default;
};

// Same attribute names, types and collations in the same order (comments aside).
bool same_attributes(const CompositeType& a, const CompositeType& b);

// The type a value of `type` is stored as: through a domain (and domains
// over domains) to the type underneath; any other type is itself. Arrays
// are left alone (an array of a domain is not an array of its base).
TypeRef underlying_type(const std::map<QualifiedName, Domain>& domains, const TypeRef& type);

// The collation a domain type carries, its own or its base domain's; empty
// for any other type. A COLLATE naming it again is no collation of its own
// (the catalog writes none).
std::string domain_collation(const std::map<QualifiedName, Domain>& domains, const TypeRef& type);

} // namespace pgshape::model
