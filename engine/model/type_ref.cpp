#include "engine/model/type_ref.hpp"

#include "engine/model/sql_text.hpp"

namespace pgshape::model {

std::string render_type(const TypeRef& type) {
    std::string out;
    if (!type.schema.empty()) {
        out = quote_ident(type.schema) + "." + quote_ident(type.name);
        if (!type.modifiers.empty()) out += "(" + type.modifiers + ")";
    } else if (!type.modifiers.empty() && type.name.find(" with") != std::string::npos) {
        // time/timestamp put the precision before "with[out] time zone".
        const auto at = type.name.find(" with");
        out = type.name.substr(0, at) + "(" + type.modifiers + ")" + type.name.substr(at);
    } else {
        out = type.name;
        if (!type.modifiers.empty()) out += "(" + type.modifiers + ")";
    }
    if (type.is_array) out += "[]";
    return out;
}

} // namespace pgshape::model
