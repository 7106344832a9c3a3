#include "engine/model/user_type.hpp"

namespace pgshape::model {

const DomainCheck* Domain::find_check(const std::string& check) const {
    for (const auto& c : checks)
        if (c.name == check) return &c;
    return nullptr;
}

const CompositeAttribute* CompositeType::find_attribute(const std::string& attribute) const {
    for (const auto& a : attributes)
        if (a.name == attribute) return &a;
    return nullptr;
}

bool same_attributes(const CompositeType& a, const CompositeType& b) {
    if (a.attributes.size() != b.attributes.size()) return false;
    for (std::size_t i = 0; i < a.attributes.size(); ++i) {
        const auto &x = a.attributes[i], &y = b.attributes[i];
        if (x.name != y.name || x.type != y.type || x.collation != y.collation) return false;
    }
    return true;
}

TypeRef underlying_type(const std::map<QualifiedName, Domain>& domains, const TypeRef& type) {
    TypeRef out = type;
    // Bounded by the number of domains, so a cycle in bad input cannot loop.
    for (std::size_t hops = 0; !out.is_array && hops <= domains.size(); ++hops) {
        auto it = domains.find({out.schema, out.name});
        if (out.schema.empty() || it == domains.end()) break;
        out = it->second.base;
    }
    return out;
}

std::string domain_collation(const std::map<QualifiedName, Domain>& domains, const TypeRef& type) {
    TypeRef at = type;
    for (std::size_t hops = 0; !at.is_array && !at.schema.empty() && hops <= domains.size(); ++hops) {
        auto it = domains.find({at.schema, at.name});
        if (it == domains.end()) break;
        if (!it->second.collation.empty()) return it->second.collation;
        at = it->second.base;
    }
    return "";
}

} // namespace pgshape::model
