#include "parser/constant.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>

// PostgreSQL turns an untyped literal given a type (by a cast, or by the
// operand beside it) into a constant of that type at parse time, and prints
// that constant's value, not what was written: '01'::integer is stored as 1,
// '01.50'::numeric as 1.50, '1.50'::real as '1.5'::real. A cast of a
// constant that has a type already (1.5::integer) stays a function call, so
// it is kept (canonical_expr.cpp decides which of those PostgreSQL adds).
namespace pgshape::parser {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

char* copy(ParseTree& tree, const std::string& text) {
    auto* out = static_cast<char*>(tree.allocate(text.size() + 1));
    std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

bool is_float(const model::TypeRef& t) { return numeric_rank(t) >= 4; }

// float4out/float8out: the shortest text that reads back as the same value,
// in positional notation for the magnitudes it prints that way.
std::optional<std::string> float_text(std::string_view text, bool single) {
    const std::string s(trim(text));
    char* end = nullptr;
    const double d = single ? static_cast<double>(std::strtof(s.c_str(), &end)) : std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) return std::nullopt;
    const double magnitude = d < 0 ? -d : d;
    if (d != 0 && (magnitude < 1e-4 || magnitude >= (single ? 1e6 : 1e15))) return std::nullopt;
    char buf[64];
    const auto r = single ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(d), std::chars_format::fixed)
                          : std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    if (r.ec != std::errc()) return std::nullopt;
    return std::string(buf, r.ptr);
}

} // namespace

int numeric_rank(const model::TypeRef& t) {
    static constexpr std::string_view k_order[] = {"smallint", "integer", "bigint", "numeric", "real", "double precision"};
    if (!t.schema.empty() || t.is_array) return -1;
    for (int i = 0; i < 6; ++i)
        if (t.name == k_order[i]) return i;
    return -1;
}

std::optional<std::string> numeric_text(std::string_view text) {
    text = trim(text);
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    std::string digits;
    std::size_t scale = 0, i = 0;
    bool dot = false;
    for (; i < text.size() && ((text[i] >= '0' && text[i] <= '9') || (text[i] == '.' && !dot)); ++i) {
        if (text[i] == '.') { dot = true; continue; }
        digits += text[i];
        if (dot) ++scale;
    }
    if (digits.empty()) return std::nullopt;
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        const char* first = text.data() + i + 1;
        if (first < text.data() + text.size() && *first == '+') ++first;
        const auto r = std::from_chars(first, text.data() + text.size(), exponent);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size() || exponent > 1000 || exponent < -1000)
            return std::nullopt;
    } else if (i != text.size()) {
        return std::nullopt;
    }
    // value = digits * 10^(exponent - scale), printed with max(0, scale - exponent) decimals.
    const long shift = exponent - static_cast<long>(scale);
    std::size_t decimals = 0;
    if (shift >= 0) digits.append(static_cast<std::size_t>(shift), '0');
    else decimals = static_cast<std::size_t>(-shift);
    if (digits.size() <= decimals) digits.insert(0, decimals - digits.size() + 1, '0');
    std::string whole = digits.substr(0, digits.size() - decimals);
    const std::string fraction = digits.substr(digits.size() - decimals);
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    const bool zero = whole == "0" && fraction.find_first_not_of('0') == std::string::npos;
    std::string out = (negative && !zero) ? "-" : "";
    out += whole;
    if (decimals) out += "." + fraction;
    return out;
}

model::TypeRef number_type(const PgQuery__AConst* c) {
    if (c->val_case == PG_QUERY__A__CONST__VAL_IVAL) return {"", "integer", "", false};
    const std::string_view text = c->fval->fval;
    if (text.find_first_of(".eE") == std::string_view::npos) {
        std::int64_t value = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
        if (r.ec == std::errc() && r.ptr == text.data() + text.size()) return {"", "bigint", "", false};
    }
    return {"", "numeric", "", false};
}

void normalize_number(ParseTree& tree, PgQuery__AConst* c) {
    if (c->isnull || c->val_case != PG_QUERY__A__CONST__VAL_FVAL) return;
    const auto text = numeric_text(c->fval->fval);
    if (!text) return;
    std::int32_t value = 0;
    const auto r = std::from_chars(text->data(), text->data() + text->size(), value);
    if (r.ec == std::errc() && r.ptr == text->data() + text->size()) {
        auto* i = tree.make(PgQuery__Integer(PG_QUERY__INTEGER__INIT));
        i->ival = value;
        c->val_case = PG_QUERY__A__CONST__VAL_IVAL;
        c->ival = i;
        return;
    }
    c->fval->fval = copy(tree, *text);
}

bool string_to_number(ParseTree& tree, PgQuery__AConst* c, const model::TypeRef& type) {
    if (c->isnull || c->val_case != PG_QUERY__A__CONST__VAL_SVAL || numeric_rank(type) < 0) return false;
    const auto text = is_float(type) ? float_text(c->sval->sval, type.name == "real") : numeric_text(c->sval->sval);
    if (!text) return false;
    // Integer types read integers only: '1.5'::integer is an error, not 2.
    if (numeric_rank(type) <= 2 && text->find('.') != std::string::npos) return false;
    auto* f = tree.make(PgQuery__Float(PG_QUERY__FLOAT__INIT));
    f->fval = copy(tree, *text);
    c->val_case = PG_QUERY__A__CONST__VAL_FVAL;
    c->fval = f;
    normalize_number(tree, c);
    return true;
}

} // namespace pgshape::parser
