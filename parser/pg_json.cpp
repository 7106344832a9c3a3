#include "parser/pg_json.hpp"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/model/error.hpp"
#include "parser/utf8.hpp"

namespace pgshape::parser {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// libpg_query's JSON keys are PostgreSQL's C field names ("tableElts",
// "is_local"); pg_query.proto names the same fields in snake case
// ("table_elts"). Both fold to one key once case and underscores go.
std::string folded(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : name)
        if (c != '_') out += ascii_lower(c);
    return out;
}

// `key` equals `folded_name` once case and underscores are set aside.
bool fold_equal(std::string_view key, std::string_view folded_name) {
    std::size_t j = 0;
    for (char c : key) {
        if (c == '_') continue;
        if (j == folded_name.size() || ascii_lower(c) != folded_name[j])
            return false;
        ++j;
    }
    return j == folded_name.size();
}

// The fields of one message type, by folded name.
struct MessageFields {
    const ProtobufCMessageDescriptor* descriptor = nullptr;
    std::vector<std::string> folded;  // aligned with descriptor->fields
    std::vector<const MessageFields*> children;  // likewise: the table of a message field's type
    // Node's ~240 members by the name of their message type ("A_Const"),
    // which is what libpg_query writes as the key.
    std::unordered_map<std::string_view, const ProtobufCFieldDescriptor*> by_type_name;

    // libpg_query writes a node's fields in the order pg_query.proto declares
    // them, so the search starts after the field found last (`hint`).
    const ProtobufCFieldDescriptor* find(std::string_view key, unsigned& hint) const {
        const unsigned n = descriptor->n_fields;
        if (!by_type_name.empty()) {
            const auto it = by_type_name.find(key);
            return it == by_type_name.end() ? nullptr : it->second;
        }
        for (unsigned i = hint; i < n; ++i)
            if (fold_equal(key, folded[i])) return found(i, hint);
        for (unsigned i = 0; i < hint && i < n; ++i)
            if (fold_equal(key, folded[i])) return found(i, hint);
        return renamed(key);
    }

    const ProtobufCFieldDescriptor* found(unsigned i, unsigned& hint) const {
        hint = i + 1;
        return &descriptor->fields[i];
    }

    // The one key that does not fold to its field's name (pg_query.proto:
    // `CreateStmt base_stmt = 1 [json_name="base"]`).
    const ProtobufCFieldDescriptor* renamed(std::string_view key) const {
        if (key == "base" && descriptor->n_fields > 0 && std::string_view(descriptor->fields[0].name) == "base_stmt")
            return &descriptor->fields[0];
        return nullptr;
    }
};

// The field tables of every message type reachable from ParseResult, built once.
class FieldIndex {
public:
    static const FieldIndex& get() {
        static const FieldIndex index;
        return index;
    }

    const MessageFields& root() const { return m_types.at(&pg_query__parse_result__descriptor); }

private:
    FieldIndex() {
        add(&pg_query__parse_result__descriptor);
        for (auto& [d, fields] : m_types)
            for (unsigned i = 0; i < d->n_fields; ++i)
                fields.children.push_back(d->fields[i].type == PROTOBUF_C_TYPE_MESSAGE
                                              ? &m_types.at(static_cast<const ProtobufCMessageDescriptor*>(d->fields[i].descriptor))
                                              : nullptr);
    }

    void add(const ProtobufCMessageDescriptor* d) {
        if (m_types.count(d)) return;
        MessageFields& fields = m_types[d];
        fields.descriptor = d;
        for (unsigned i = 0; i < d->n_fields; ++i) fields.folded.push_back(folded(d->fields[i].name));
        if (d == &pg_query__node__descriptor) {
            constexpr std::string_view k_package = "pg_query.";
            for (unsigned i = 0; i < d->n_fields; ++i) {
                std::string_view type = static_cast<const ProtobufCMessageDescriptor*>(d->fields[i].descriptor)->name;
                if (type.substr(0, k_package.size()) == k_package) type.remove_prefix(k_package.size());
                fields.by_type_name.emplace(type, &d->fields[i]);
            }
        }
        for (std::size_t i = 0; i < fields.folded.size(); ++i)
            for (std::size_t j = i + 1; j < fields.folded.size(); ++j)
                if (d != &pg_query__node__descriptor && fields.folded[i] == fields.folded[j])
                    throw InternalError(std::string("two fields of ") + d->name + " fold to one JSON key");
        for (unsigned i = 0; i < d->n_fields; ++i)
            if (d->fields[i].type == PROTOBUF_C_TYPE_MESSAGE)
                add(static_cast<const ProtobufCMessageDescriptor*>(d->fields[i].descriptor));
    }

    std::unordered_map<const ProtobufCMessageDescriptor*, MessageFields> m_types;
};

// A recursive-descent reader over the JSON text. The text comes from
// libpg_query, so anything unexpected is an internal error, not the user's.
class Reader {
public:
    Reader(std::string_view json, std::string_view sql, ProtobufCAllocator& allocator)
        : m_at(json.data()), m_end(json.data() + json.size()), m_sql(sql), m_allocator(allocator) {}

    ProtobufCMessage* message(const MessageFields& fields) {
        const ProtobufCMessageDescriptor* d = fields.descriptor;
        auto* msg = static_cast<ProtobufCMessage*>(allocate(d->sizeof_message));
        d->message_init(msg);
        expect('{');
        if (peek() == '}') {
            ++m_at;
            // An Integer written as {}: zero or negative (see integer_of_a_const).
            if (d == &pg_query__integer__descriptor && m_a_const_depth == 0) {
                // An array bound of a type name: `[]` is -1, and PostgreSQL
                // ignores declared bounds, so `[0]` may read as `[]` too.
                if (m_type_name_depth > 0) reinterpret_cast<PgQuery__Integer*>(msg)->ival = -1;
                else m_statement_lossy = true;
            }
            return msg;
        }
        if (d == &pg_query__raw_stmt__descriptor) {
            m_statement_lossy = false;
            raw_statement(fields, msg);
        } else if (d == &pg_query__a__const__descriptor) {
            ++m_a_const_depth;
            members(fields, msg);
            --m_a_const_depth;
            integer_of_a_const(reinterpret_cast<PgQuery__AConst*>(msg));
        } else if (d == &pg_query__type_name__descriptor) {
            ++m_type_name_depth;
            members(fields, msg);
            --m_type_name_depth;
        } else if (d == &pg_query__node__descriptor) {
            node_value(fields, reinterpret_cast<PgQuery__Node*>(msg));
        } else {
            members(fields, msg);
        }
        return msg;
    }

    // Statements whose JSON lost an integer that their text does not give
    // back: the caller parses them again another way.
    const std::vector<std::size_t>& lossy_statements() const { return m_lossy; }

    void end() {
        skip_space();
        if (m_at != m_end) fail("text after the parse tree");
    }

private:
    // The "key": value members of a message, after its '{'.
    void members(const MessageFields& fields, ProtobufCMessage* msg) {
        unsigned hint = 0;
        do {
            const std::string_view key = string_view_key();
            expect(':');
            const ProtobufCFieldDescriptor* f = fields.find(key, hint);
            if (!f) fail(std::string("no field ") + std::string(key) + " in " + fields.descriptor->name);
            field(fields, msg, *f);
        } while (comma_or('}'));
    }

    void raw_statement(const MessageFields& fields, ProtobufCMessage* msg) {
        members(fields, msg);
        if (m_statement_lossy) m_lossy.push_back(m_statements);
        ++m_statements;
        m_statement_lossy = false;
    }

    // libpg_query 15's JSON writer leaves out an Integer's value unless it is
    // positive (fixed upstream in later releases): `-1` and `0` both come out
    // as {}. A constant's location points at its text (at the minus sign the
    // grammar folds into it), which gives the number back.
    void integer_of_a_const(PgQuery__AConst* c) {
        if (c->val_case != PG_QUERY__A__CONST__VAL_IVAL || !c->ival || c->ival->ival != 0) return;
        if (c->location < 0 || static_cast<std::size_t>(c->location) >= m_sql.size()) {
            m_statement_lossy = true;
            return;
        }
        std::size_t i = static_cast<std::size_t>(c->location);
        bool negative = false;
        if (m_sql[i] == '-') {
            negative = true;
            ++i;
            while (i < m_sql.size() && (m_sql[i] == ' ' || m_sql[i] == '\t' || m_sql[i] == '\n' || m_sql[i] == '\r' || m_sql[i] == '('))
                ++i;
        }
        int64_t v = 0;
        const std::size_t digits = i;
        while (i < m_sql.size() && m_sql[i] >= '0' && m_sql[i] <= '9' && v <= INT32_MAX) v = v * 10 + (m_sql[i++] - '0');
        if (i == digits || v > INT32_MAX) {
            m_statement_lossy = true;
            return;
        }
        c->ival->ival = static_cast<int32_t>(negative ? -v : v);
    }

    // {"TypeName": {...}}: the key names the oneof member.
    void node_value(const MessageFields& members, PgQuery__Node* node) {
        const std::string_view type = string_view_key();
        expect(':');
        unsigned hint = 0;
        const ProtobufCFieldDescriptor* f = members.find(type, hint);
        if (!f) fail("unknown node type " + std::string(type));
        field(members, &node->base, *f);
        expect('}');
    }

    // A value of field `f` of `msg`, a message whose table is `owner`.
    void field(const MessageFields& owner, ProtobufCMessage* msg, const ProtobufCFieldDescriptor& f) {
        char* base = reinterpret_cast<char*>(msg);
        const MessageFields* child = owner.children[static_cast<std::size_t>(&f - owner.descriptor->fields)];
        if (f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) *reinterpret_cast<uint32_t*>(base + f.quantifier_offset) = f.id;
        if (f.label != PROTOBUF_C_LABEL_REPEATED) {
            scalar(f, child, base + f.offset);
            return;
        }
        expect('[');
        // Elements gather in this array's scratch buffer, reached by index:
        // nested arrays may grow m_scratch (moving the buffers, not their data).
        const std::size_t slot = m_open_arrays++;
        if (m_scratch.size() == slot) m_scratch.emplace_back();
        const std::size_t width = element_size(f);
        std::size_t n = 0;
        if (peek() != ']') {
            do {
                m_scratch[slot].resize((n + 1) * width);
                scalar(f, child, m_scratch[slot].data() + n * width);
                ++n;
            } while (comma_or(']'));
        } else {
            ++m_at;
        }
        void* array = n ? allocate(n * width) : nullptr;
        if (n) std::memcpy(array, m_scratch[slot].data(), n * width);
        --m_open_arrays;
        *reinterpret_cast<std::size_t*>(base + f.quantifier_offset) = n;
        *reinterpret_cast<void**>(base + f.offset) = array;
    }

    static std::size_t element_size(const ProtobufCFieldDescriptor& f) {
        switch (f.type) {
        case PROTOBUF_C_TYPE_MESSAGE:
        case PROTOBUF_C_TYPE_STRING: return sizeof(void*);
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_DOUBLE: return 8;
        case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
        default: return 4;
        }
    }

    // One value of field `f`, written at `at`; `child`: the table of its message type.
    void scalar(const ProtobufCFieldDescriptor& f, const MessageFields* child, char* at) {
        switch (f.type) {
        case PROTOBUF_C_TYPE_MESSAGE:
            skip_space();
            if (literal("null")) {
                // A NULL element of a node list: protobuf writes it as an empty Node.
                auto* d = static_cast<const ProtobufCMessageDescriptor*>(f.descriptor);
                auto* msg = static_cast<ProtobufCMessage*>(allocate(d->sizeof_message));
                d->message_init(msg);
                *reinterpret_cast<ProtobufCMessage**>(at) = msg;
                return;
            }
            *reinterpret_cast<ProtobufCMessage**>(at) = message(*child);
            return;
        case PROTOBUF_C_TYPE_STRING: *reinterpret_cast<char**>(at) = string_value(); return;
        case PROTOBUF_C_TYPE_BOOL: *reinterpret_cast<protobuf_c_boolean*>(at) = boolean(); return;
        case PROTOBUF_C_TYPE_INT32: *reinterpret_cast<int32_t*>(at) = static_cast<int32_t>(integer()); return;
        case PROTOBUF_C_TYPE_UINT32: *reinterpret_cast<uint32_t*>(at) = static_cast<uint32_t>(integer()); return;
        case PROTOBUF_C_TYPE_INT64: *reinterpret_cast<int64_t*>(at) = integer(); return;
        case PROTOBUF_C_TYPE_UINT64: *reinterpret_cast<uint64_t*>(at) = static_cast<uint64_t>(integer()); return;
        case PROTOBUF_C_TYPE_DOUBLE: *reinterpret_cast<double*>(at) = number(); return;
        case PROTOBUF_C_TYPE_ENUM: *reinterpret_cast<int*>(at) = enum_value(f); return;
        default: fail(std::string("unexpected field type of ") + f.name);
        }
    }

    int enum_value(const ProtobufCFieldDescriptor& f) {
        skip_space();
        const auto* d = static_cast<const ProtobufCEnumDescriptor*>(f.descriptor);
        if (peek() != '"') return static_cast<int>(integer());
        const char* s = string_value();
        const ProtobufCEnumValue* v = protobuf_c_enum_descriptor_get_value_by_name(d, s);
        if (!v) fail(std::string("no value ") + s + " in " + d->name);
        return v->value;
    }

    bool boolean() {
        skip_space();
        if (literal("true")) return true;
        if (literal("false")) return false;
        fail("expected true or false");
    }

    int64_t integer() {
        skip_space();
        bool negative = false;
        if (m_at < m_end && *m_at == '-') {
            negative = true;
            ++m_at;
        }
        if (m_at == m_end || !std::isdigit(static_cast<unsigned char>(*m_at))) fail("expected a number");
        uint64_t v = 0;
        while (m_at < m_end && std::isdigit(static_cast<unsigned char>(*m_at))) v = v * 10 + static_cast<uint64_t>(*m_at++ - '0');
        return negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
    }

    double number() {
        skip_space();
        char* stop = nullptr;
        const double v = std::strtod(m_at, &stop);
        if (stop == m_at) fail("expected a number");
        m_at = stop;
        return v;
    }

    // A key: libpg_query's keys never need escapes.
    std::string_view string_view_key() {
        skip_space();
        expect_raw('"');
        const char* start = m_at;
        while (m_at < m_end && *m_at != '"') {
            if (*m_at == '\\') fail("escaped key");
            ++m_at;
        }
        const std::string_view key(start, static_cast<std::size_t>(m_at - start));
        expect_raw('"');
        return key;
    }

    char* string_value() {
        skip_space();
        expect_raw('"');
        const char* start = m_at;
        while (m_at < m_end && *m_at != '"' && *m_at != '\\') ++m_at;
        if (m_at < m_end && *m_at == '"') {  // no escapes: copy as is
            const std::size_t n = static_cast<std::size_t>(m_at - start);
            ++m_at;
            auto* out = static_cast<char*>(allocate(n + 1));
            std::memcpy(out, start, n);
            out[n] = '\0';
            return out;
        }
        std::string text(start, m_at);
        while (true) {
            if (m_at == m_end) fail("unterminated string");
            const char c = *m_at++;
            if (c == '"') break;
            if (c != '\\') {
                text += c;
                continue;
            }
            if (m_at == m_end) fail("unterminated string");
            const char e = *m_at++;
            switch (e) {
            case '"': text += '"'; break;
            case '\\': text += '\\'; break;
            case '/': text += '/'; break;
            case 'b': text += '\b'; break;
            case 'f': text += '\f'; break;
            case 'n': text += '\n'; break;
            case 'r': text += '\r'; break;
            case 't': text += '\t'; break;
            case 'u': append_utf8(text, code_point()); break;
            default: fail("bad escape in string");
            }
        }
        auto* out = static_cast<char*>(allocate(text.size() + 1));
        std::memcpy(out, text.c_str(), text.size() + 1);
        return out;
    }

    uint32_t hex4() {
        if (m_end - m_at < 4) fail("bad \\u escape");
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hex_digit(*m_at++);
            if (d < 0) fail("bad \\u escape");
            v = (v << 4) | static_cast<uint32_t>(d);
        }
        return v;
    }

    uint32_t code_point() {
        const uint32_t high = hex4();
        if (high < 0xD800 || high > 0xDBFF) return high;
        if (m_end - m_at < 6 || m_at[0] != '\\' || m_at[1] != 'u') fail("lone surrogate in string");
        m_at += 2;
        const uint32_t low = hex4();
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(m_end - m_at) >= word.size() && std::memcmp(m_at, word.data(), word.size()) == 0) {
            m_at += word.size();
            return true;
        }
        return false;
    }

    // After a member or element: true on ',', false on the closing `close`.
    bool comma_or(char close) {
        skip_space();
        if (m_at < m_end && *m_at == ',') {
            ++m_at;
            return true;
        }
        expect_raw(close);
        return false;
    }

    char peek() {
        skip_space();
        return m_at < m_end ? *m_at : '\0';
    }
    void expect(char c) {
        skip_space();
        expect_raw(c);
    }
    void expect_raw(char c) {
        if (m_at == m_end || *m_at != c) fail(std::string("expected '") + c + "'");
        ++m_at;
    }
    void skip_space() {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\t' || *m_at == '\r')) ++m_at;
    }

    void* allocate(std::size_t bytes) { return m_allocator.alloc(m_allocator.allocator_data, bytes); }

    [[noreturn]] void fail(const std::string& what) const {
        throw InternalError("cannot read libpg_query's parse tree: " + what);
    }

    const char* m_at;
    const char* m_end;
    std::string_view m_sql;  // the text parsed, which locations point into
    int m_a_const_depth = 0;
    int m_type_name_depth = 0;
    bool m_statement_lossy = false;
    std::size_t m_statements = 0;
    std::vector<std::size_t> m_lossy;
    ProtobufCAllocator& m_allocator;
    std::vector<std::vector<char>> m_scratch;  // one buffer per depth of open arrays, reused
    std::size_t m_open_arrays = 0;
};

} // namespace

JsonTree decode_parse_json(std::string_view json, std::string_view sql, ProtobufCAllocator& allocator) {
    Reader reader(json, sql, allocator);
    JsonTree out;
    out.result = reinterpret_cast<PgQuery__ParseResult*>(reader.message(FieldIndex::get().root()));
    reader.end();
    out.lossy_statements = reader.lossy_statements();
    return out;
}

} // namespace pgshape::parser
