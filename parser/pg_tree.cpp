#include "parser/pg_tree.hpp"

#include <pg_query.h>

#include "engine/model/error.hpp"

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

// Packs a one-statement ParseResult and runs libpg_query's deparser on it.
std::string deparse_one(Node* stmt) {
    PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
    raw.stmt = stmt;
    PgQuery__RawStmt* stmts[] = {&raw};
    PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
    result.version = PG_VERSION_NUM;
    result.n_stmts = 1;
    result.stmts = stmts;
    std::string packed(pg_query__parse_result__get_packed_size(&result), '\0');
    pg_query__parse_result__pack(&result, reinterpret_cast<uint8_t*>(packed.data()));
    PgQueryProtobuf pb{packed.size(), packed.data()};
    PgQueryDeparseResult deparsed = pg_query_deparse_protobuf(pb);
    std::unique_ptr<PgQueryDeparseResult, void (*)(PgQueryDeparseResult*)> guard(
        &deparsed, [](PgQueryDeparseResult* r) { pg_query_free_deparse_result(*r); });
    if (deparsed.error) throw InternalError(std::string("deparse failed: ") + deparsed.error->message);
    return deparsed.query;
}

} // namespace

ParseTree::ParseTree(const std::string& sql)
    : m_arena(std::make_unique<std::pmr::monotonic_buffer_resource>(sql.size() * 8 + 4096)) {
    m_allocator.alloc = arena_alloc;
    m_allocator.free = arena_free;
    m_allocator.allocator_data = m_arena.get();
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(sql.c_str());
    std::unique_ptr<PgQueryProtobufParseResult, void (*)(PgQueryProtobufParseResult*)> guard(
        &parsed, [](PgQueryProtobufParseResult* r) { pg_query_free_protobuf_parse_result(*r); });
    if (parsed.error) {
        throw ParseFailure{first_line_of_message(parsed.error->message),
                           byte_offset_of_char(sql, parsed.error->cursorpos)};
    }
    m_result = pg_query__parse_result__unpack(&m_allocator, parsed.parse_tree.len,
                                              reinterpret_cast<const uint8_t*>(parsed.parse_tree.data));
    if (!m_result) throw InternalError("cannot unpack libpg_query parse tree");
}

ParseTree::~ParseTree() = default;

void* ParseTree::allocate(std::size_t bytes) { return arena_alloc(m_arena.get(), bytes); }

std::string deparse_expr(Node* expr) {
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
    std::string sql = deparse_one(&select_node);
    constexpr std::string_view prefix = "SELECT ";
    if (sql.compare(0, prefix.size(), prefix) != 0) throw InternalError("unexpected deparse: " + sql);
    return sql.substr(prefix.size());
}

std::string deparse_stmt(Node* stmt) { return deparse_one(stmt); }

void for_each_child_message(ProtobufCMessage* message, const std::function<void(ProtobufCMessage*)>& fn) {
    if (!message) return;
    const ProtobufCMessageDescriptor* d = message->descriptor;
    auto* base = reinterpret_cast<char*>(message);
    for (unsigned i = 0; i < d->n_fields; ++i) {
        const ProtobufCFieldDescriptor& f = d->fields[i];
        if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
        if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            *reinterpret_cast<uint32_t*>(base + f.quantifier_offset) != f.id)
            continue;
        if (f.label == PROTOBUF_C_LABEL_REPEATED) {
            const std::size_t n = *reinterpret_cast<std::size_t*>(base + f.quantifier_offset);
            auto** items = *reinterpret_cast<ProtobufCMessage***>(base + f.offset);
            for (std::size_t k = 0; k < n; ++k)
                if (items[k]) fn(items[k]);
        } else if (auto* child = *reinterpret_cast<ProtobufCMessage**>(base + f.offset)) {
            fn(child);
        }
    }
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
