#include "engine/model/routine.hpp"

#include "engine/model/sql_text.hpp"

namespace pgshape::model {

namespace {

std::string_view trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

} // namespace

bool FunctionBody::operator==(const FunctionBody& other) const {
    if (sql_standard || other.sql_standard) return sql_standard == other.sql_standard && canon == other.canon;
    return trimmed(text) == trimmed(other.text);
}

bool is_input(ArgMode mode) { return mode == ArgMode::in || mode == ArgMode::inout || mode == ArgMode::variadic; }

FunctionKey Function::key() const {
    FunctionKey key{name, {}};
    for (const auto& a : args)
        if (is_input(a.mode)) key.arguments.push_back(a.type);
    return key;
}

std::string display(const FunctionKey& key) {
    std::string out = quote_name(key.name) + "(";
    for (std::size_t i = 0; i < key.arguments.size(); ++i) out += (i ? ", " : "") + render_type(key.arguments[i]);
    return out + ")";
}

std::string signature(const FunctionKey& key) {
    std::string out = key.name.name + "(";
    for (std::size_t i = 0; i < key.arguments.size(); ++i) out += (i ? ", " : "") + render_type(key.arguments[i]);
    return out + ")";
}

} // namespace pgshape::model
