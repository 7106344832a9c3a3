#include "parser/pg_tree.hpp"

#include <pg_query.h>

#include <cstring>

#include "engine/model/error.hpp"
#include "parser/pb_encode.hpp"
#include "parser/pb_fields.hpp"
#include "parser/pg_json.hpp"

namespace pgshape::parser {
namespace {

void* arena_alloc(void* data, std::size_t size) {
    return static_cast<std::pmr::monotonic_buffer_resource*>(data)->allocate(size, alignof(std::max_align_t));
}
void arena_free(void*, void*) {}  // the arena releases everything at once

// libpg_query reports a syntax error's cursorpos as PostgreSQL does: 1-based
// and counted in characters, while node locations are byte offsets. Turns
// the former into the latter (UTF-8), so both point into the text alike.
std::size_t byte_offset_of_char(const std::string& text, int cursorpos) {
    std::size_t chars = cursorpos > 0 ? static_cast<std::size_t>(cursorpos - 1) : 0;
    std::size_t i = 0;
    while (i < text.size() && chars > 0) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        --chars;
    }
    return i;
}

// libpg_query quotes the rest of the text after "at or near" when a token
// never ends (an unterminated string or quoted name): keep its first line.
std::string first_line_of_message(std::string message) {
    const auto newline = message.find('\n');
    if (newline == std::string::npos) return message;
    message.resize(newline);
    if (message.find('"') != std::string::npos) message += "...\"";
    return message;
}

// A one-statement ParseResult in protobuf's wire format.
std::string pack_statement(Node* stmt) {
    PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
    raw.stmt = stmt;
    PgQuery__RawStmt* stmts[] = {&raw};
    PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
    result.version = PG_VERSION_NUM;
    result.n_stmts = 1;
    result.stmts = stmts;
    return encode_message(&result.base);
}

// Runs libpg_query's deparser on a packed ParseResult.
std::string deparse_packed(std::string packed) {
    PgQueryProtobuf pb{packed.size(), packed.data()};
    PgQueryDeparseResult deparsed = pg_query_deparse_protobuf(pb);
    std::unique_ptr<PgQueryDeparseResult, void (*)(PgQueryDeparseResult*)> guard(
        &deparsed, [](PgQueryDeparseResult* r) { pg_query_free_deparse_result(*r); });
    if (deparsed.error) throw InternalError(std::string("deparse failed: ") + deparsed.error->message);
    return deparsed.query;
}

// Adds `by` to every location in the tree under `message` (-1: unknown, kept).
void shift_locations(ProtobufCMessage* message, int32_t by) {
    char* base = reinterpret_cast<char*>(message);
    for_each_field(message, [&](const ProtobufCFieldDescriptor& f) {
        char* at = base + f.offset;
        if (f.type == PROTOBUF_C_TYPE_INT32 && f.label != PROTOBUF_C_LABEL_REPEATED && std::strcmp(f.name, "location") == 0) {
            auto& location = *reinterpret_cast<int32_t*>(at);
            if (location >= 0) location += by;
        } else if (f.type == PROTOBUF_C_TYPE_MESSAGE && f.label == PROTOBUF_C_LABEL_REPEATED) {
            const std::size_t n = *reinterpret_cast<std::size_t*>(base + f.quantifier_offset);
            auto** items = *reinterpret_cast<ProtobufCMessage***>(at);
            for (std::size_t k = 0; k < n; ++k)
                if (items[k]) shift_locations(items[k], by);
        } else if (f.type == PROTOBUF_C_TYPE_MESSAGE) {
            if (auto* child = *reinterpret_cast<ProtobufCMessage**>(at)) shift_locations(child, by);
        }
    });
}

} // namespace

ParseTree::ParseTree(const std::string& sql)
    : m_arena(std::make_unique<std::pmr::monotonic_buffer_resource>(sql.size() * 8 + 4096)) {
    m_allocator.alloc = arena_alloc;
    m_allocator.free = arena_free;
    m_allocator.allocator_data = m_arena.get();
    // JSON rather than protobuf output: see parser/pg_json.hpp.
    PgQueryParseResult parsed = pg_query_parse(sql.c_str());
    std::unique_ptr<PgQueryParseResult, void (*)(PgQueryParseResult*)> guard(
        &parsed, [](PgQueryParseResult* r) { pg_query_free_parse_result(*r); });
    if (parsed.error) {
        throw ParseFailure{first_line_of_message(parsed.error->message),
                           byte_offset_of_char(sql, parsed.error->cursorpos)};
    }
    JsonTree decoded = decode_parse_json(parsed.parse_tree, sql, m_allocator);
    m_result = decoded.result;
    for (std::size_t i : decoded.lossy_statements) reparse_statement(sql, *m_result->stmts[i]);
}

// The protobuf route for one statement the JSON output could not carry
// whole (see parser/pg_json.hpp); locations are made relative to `sql` again.
void ParseTree::reparse_statement(const std::string& sql, PgQuery__RawStmt& raw) {
    const auto start = static_cast<std::size_t>(raw.stmt_location);
    const std::string text = raw.stmt_len ? sql.substr(start, static_cast<std::size_t>(raw.stmt_len)) : sql.substr(start);
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(text.c_str());
    std::unique_ptr<PgQueryProtobufParseResult, void (*)(PgQueryProtobufParseResult*)> guard(
        &parsed, [](PgQueryProtobufParseResult* r) { pg_query_free_protobuf_parse_result(*r); });
    if (parsed.error) throw InternalError(std::string("statement parsed as JSON but not as protobuf: ") + parsed.error->message);
    auto* one = pg_query__parse_result__unpack(&m_allocator, parsed.parse_tree.len,
                                               reinterpret_cast<const uint8_t*>(parsed.parse_tree.data));
    if (!one || one->n_stmts != 1) throw InternalError("cannot unpack libpg_query parse tree");
    raw.stmt = one->stmts[0]->stmt;
    shift_locations(&raw.stmt->base, static_cast<int32_t>(start));
}

ParseTree::~ParseTree() = default;

void* ParseTree::allocate(std::size_t bytes) { return arena_alloc(m_arena.get(), bytes); }

// `SELECT expr` deparsed, without its SELECT.
std::string deparse_select_of(Node* expr) {
    PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
    target.val = expr;
    Node target_node = PG_QUERY__NODE__INIT;
    target_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
    target_node.res_target = &target;
    Node* targets[] = {&target_node};
    PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
    select.n_target_list = 1;
    select.target_list = targets;
    select.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
    select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
    Node select_node = PG_QUERY__NODE__INIT;
    select_node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
    select_node.select_stmt = &select;
    std::string sql = deparse_packed(pack_statement(&select_node));
    constexpr std::string_view prefix = "SELECT ";
    if (sql.compare(0, prefix.size(), prefix) != 0) throw InternalError("unexpected deparse: " + sql);
    return sql.substr(prefix.size());
}

std::string pack_expr(Node* expr) { return encode_message(&expr->base); }

std::string deparse_packed_expr(const std::string& packed) {
    std::unique_ptr<Node, void (*)(Node*)> expr(
        pg_query__node__unpack(nullptr, packed.size(), reinterpret_cast<const uint8_t*>(packed.data())),
        [](Node* n) { pg_query__node__free_unpacked(n, nullptr); });
    if (!expr) throw InternalError("cannot unpack a packed expression");
    return deparse_select_of(expr.get());
}

std::string deparse_expr(Node* expr) { return deparse_select_of(expr); }

std::string deparse_stmt(Node* stmt) { return deparse_packed(pack_statement(stmt)); }

void for_each_child_message(ProtobufCMessage* message, const std::function<void(ProtobufCMessage*)>& fn) {
    if (!message) return;
    auto* base = reinterpret_cast<char*>(message);
    for_each_field(message, [&](const ProtobufCFieldDescriptor& f) {
        if (f.type != PROTOBUF_C_TYPE_MESSAGE) return;
        if (f.label == PROTOBUF_C_LABEL_REPEATED) {
            const std::size_t n = *reinterpret_cast<std::size_t*>(base + f.quantifier_offset);
            auto** items = *reinterpret_cast<ProtobufCMessage***>(base + f.offset);
            for (std::size_t k = 0; k < n; ++k)
                if (items[k]) fn(items[k]);
        } else if (auto* child = *reinterpret_cast<ProtobufCMessage**>(base + f.offset)) {
            fn(child);
        }
    });
}

void for_each_node(ProtobufCMessage* message, const std::function<void(Node*)>& fn) {
    if (!message) return;
    for_each_child_message(message, [&](ProtobufCMessage* child) { for_each_node(child, fn); });
    if (message->descriptor == &pg_query__node__descriptor) fn(reinterpret_cast<Node*>(message));
}

std::string_view str_value(const Node* node) {
    if (node && node->node_case == PG_QUERY__NODE__NODE_STRING) return node->string->sval;
    return {};
}

bool is_null_constant(const Node* node) {
    return node && node->node_case == PG_QUERY__NODE__NODE_A_CONST && node->a_const->isnull;
}

std::vector<std::string> name_list(Node* const* items, std::size_t n) {
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.emplace_back(str_value(items[i]));
    return out;
}

std::string join_names(const std::vector<std::string>& names, char sep) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += sep;
        out += n;
    }
    return out;
}

} // namespace pgshape::parser
