#include "parser/jsonb_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <vector>

#include "parser/utf8.hpp"

// jsonb keeps no text: PostgreSQL prints it from its binary form, with keys
// sorted (shorter first, then bytewise), the last of duplicate keys kept,
// ", " and ": " between items, numbers as numeric prints them, strings with
// only the escapes JSON requires.
namespace pgshape::parser {
namespace {

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    std::optional<std::string> document() {
        auto out = value();
        skip_space();
        if (!out || m_at != m_text.size()) return std::nullopt;
        return out;
    }

private:
    std::string_view m_text;
    std::size_t m_at = 0;

    void skip_space() {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t' || m_text[m_at] == '\n' || m_text[m_at] == '\r'))
            ++m_at;
    }
    bool take(char c) {
        skip_space();
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    bool word(std::string_view w) {
        if (m_text.substr(m_at, w.size()) != w) return false;
        m_at += w.size();
        return true;
    }

    std::optional<std::string> value() {
        skip_space();
        if (m_at >= m_text.size()) return std::nullopt;
        const char c = m_text[m_at];
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"') {
            auto s = string();
            if (!s) return std::nullopt;
            return quote(*s);
        }
        if (word("true")) return std::string("true");
        if (word("false")) return std::string("false");
        if (word("null")) return std::string("null");
        return number();
    }

    std::optional<std::string> object() {
        ++m_at;
        // Sorted as jsonb sorts keys; a later duplicate replaces the earlier.
        auto shorter_first = [](const std::string& a, const std::string& b) {
            return a.size() != b.size() ? a.size() < b.size() : a < b;
        };
        std::map<std::string, std::string, decltype(shorter_first)> members(shorter_first);
        if (!take('}')) {
            do {
                skip_space();
                if (m_at >= m_text.size() || m_text[m_at] != '"') return std::nullopt;
                auto key = string();
                if (!key || !take(':')) return std::nullopt;
                auto v = value();
                if (!v) return std::nullopt;
                members[*key] = *v;
            } while (take(','));
            if (!take('}')) return std::nullopt;
        }
        std::string out = "{";
        bool first = true;
        for (const auto& [k, v] : members) {
            out += (first ? "" : ", ") + quote(k) + ": " + v;
            first = false;
        }
        return out + "}";
    }

    std::optional<std::string> array() {
        ++m_at;
        std::string out = "[";
        if (!take(']')) {
            bool first = true;
            do {
                auto v = value();
                if (!v) return std::nullopt;
                out += (first ? "" : ", ") + *v;
                first = false;
            } while (take(','));
            if (!take(']')) return std::nullopt;
        }
        return out + "]";
    }

    std::optional<std::uint32_t> hex4() {
        if (m_at + 4 > m_text.size()) return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hex_digit(m_text[m_at++]);
            if (d < 0) return std::nullopt;
            v = (v << 4) | static_cast<std::uint32_t>(d);
        }
        return v;
    }

    // The decoded string (escapes resolved).
    std::optional<std::string> string() {
        ++m_at;
        std::string out;
        while (m_at < m_text.size() && m_text[m_at] != '"') {
            const char c = m_text[m_at++];
            if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_at >= m_text.size()) return std::nullopt;
            const char e = m_text[m_at++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                auto cp = hex4();
                if (!cp || *cp == 0) return std::nullopt;
                if (*cp >= 0xD800 && *cp <= 0xDBFF) {
                    if (!word("\\u")) return std::nullopt;
                    auto low = hex4();
                    if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
                    *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
                }
                append_utf8(out, *cp);
                break;
            }
            default: return std::nullopt;
            }
        }
        if (m_at >= m_text.size()) return std::nullopt;
        ++m_at;
        return out;
    }

    static std::string quote(const std::string& s) {
        std::string out = "\"";
        for (const char c : s) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static const char* k_hex = "0123456789abcdef";
                    out += "\\u00";
                    out += k_hex[(c >> 4) & 0xF];
                    out += k_hex[c & 0xF];
                } else {
                    out += c;
                }
            }
        }
        return out + "\"";
    }

    // A JSON number as PostgreSQL's numeric prints it: exponent applied,
    // the scale kept (1.50 stays 1.50, 1.5e1 is 15, 1e-2 is 0.01).
    std::optional<std::string> number() {
        const std::size_t start = m_at;
        bool negative = false;
        if (m_at < m_text.size() && m_text[m_at] == '-') negative = true, ++m_at;
        std::string digits;
        std::size_t fraction = 0;
        if (m_at >= m_text.size() || !std::isdigit(static_cast<unsigned char>(m_text[m_at]))) return std::nullopt;
        if (m_text[m_at] == '0' && m_at + 1 < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_at + 1])))
            return std::nullopt;
        while (m_at < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_at]))) digits += m_text[m_at++];
        if (m_at < m_text.size() && m_text[m_at] == '.') {
            ++m_at;
            if (m_at >= m_text.size() || !std::isdigit(static_cast<unsigned char>(m_text[m_at]))) return std::nullopt;
            while (m_at < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_at]))) digits += m_text[m_at++], ++fraction;
        }
        long exponent = 0;
        if (m_at < m_text.size() && (m_text[m_at] == 'e' || m_text[m_at] == 'E')) {
            ++m_at;
            bool exp_negative = false;
            if (m_at < m_text.size() && (m_text[m_at] == '+' || m_text[m_at] == '-')) exp_negative = m_text[m_at++] == '-';
            if (m_at >= m_text.size() || !std::isdigit(static_cast<unsigned char>(m_text[m_at]))) return std::nullopt;
            std::string e;
            while (m_at < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_at]))) e += m_text[m_at++];
            if (e.size() > 6) return std::nullopt;
            exponent = std::stol(e) * (exp_negative ? -1 : 1);
        }
        if (exponent == 0) {
            // Written without an exponent: printed as written, but -0 is 0.
            std::string text(m_text.substr(start, m_at - start));
            if (negative && digits.find_first_not_of('0') == std::string::npos) text.erase(0, 1);
            return text;
        }
        // value = digits × 10^(exponent − fraction), scale = max(0, fraction − exponent)
        const long shift = exponent - static_cast<long>(fraction);
        const long scale = std::max(0L, -shift);
        std::string all = digits;
        if (shift > 0) all.append(static_cast<std::size_t>(shift), '0');
        while (static_cast<long>(all.size()) <= scale) all.insert(all.begin(), '0');
        std::string integral = all.substr(0, all.size() - static_cast<std::size_t>(scale));
        const std::string frac = all.substr(all.size() - static_cast<std::size_t>(scale));
        const auto nz = integral.find_first_not_of('0');
        integral = nz == std::string::npos ? "0" : integral.substr(nz);
        std::string out = integral;
        if (scale > 0) out += "." + frac;
        const bool zero = out.find_first_not_of("0.") == std::string::npos;
        return (negative && !zero ? "-" : "") + out;
    }
};

} // namespace

std::optional<std::string> jsonb_text(std::string_view text) { return Reader(text).document(); }

} // namespace pgshape::parser
