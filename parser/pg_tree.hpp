#pragma once
// libpg_query's protobuf parse tree, owned and freed in one place.
#include <functional>
#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

#include <pg_query/pg_query.pb-c.h>

namespace pgshape::parser {

using Node = PgQuery__Node;

// A parsed SQL text. The tree is unpacked into an arena owned by this
// object, so transforms may rewrite it in place (splice a node out, build a
// wrapper) without any ownership bookkeeping; everything goes when it goes.
class ParseTree {
public:
    // Parses `sql`; on a syntax error throws ParseFailure.
    explicit ParseTree(const std::string& sql);
    ParseTree(const ParseTree&) = delete;
    ParseTree& operator=(const ParseTree&) = delete;
    ~ParseTree();

    std::size_t size() const { return m_result->n_stmts; }
    const PgQuery__ParseResult& result() const { return *m_result; }
    const PgQuery__RawStmt& stmt(std::size_t i) const { return *m_result->stmts[i]; }

    // Memory that lives as long as the tree, for nodes built by transforms.
    void* allocate(std::size_t bytes);
    template <class T> T* make(const T& init) {
        return new (allocate(sizeof(T))) T(init);
    }

private:
    void reparse_statement(const std::string& sql, PgQuery__RawStmt& raw);

    std::unique_ptr<std::pmr::monotonic_buffer_resource> m_arena;
    ProtobufCAllocator m_allocator{};
    PgQuery__ParseResult* m_result = nullptr;
};

// A syntax error: message and 0-based byte offset into the parsed text.
struct ParseFailure {
    std::string message;
    std::size_t offset = 0;
};

// SQL text of an expression node, as libpg_query's deparser writes it.
std::string deparse_expr(Node* expr);
// The same in two halves, so the costly second one can wait until the text
// is needed: the expression node packed, then deparsed.
std::string pack_expr(Node* expr);
std::string deparse_packed_expr(const std::string& packed);
// A whole statement back to SQL (used for normalizing catalog text).
std::string deparse_stmt(Node* stmt);

// Calls `fn` on each message directly inside `message` (set oneof members,
// single and repeated message fields): the one place that walks protobuf-c
// descriptors, so no node type is missed anywhere.
void for_each_child_message(ProtobufCMessage* message, const std::function<void(ProtobufCMessage*)>& fn);

// Calls `fn` on every Node reachable from `root`, children before parents,
// generic over protobuf-c descriptors so no node type is missed. `fn` may
// rewrite the node it is given in place.
void for_each_node(ProtobufCMessage* root, const std::function<void(Node*)>& fn);

// Small accessors over the generic Node.
std::string_view str_value(const Node* node);  // String node → its text
// The constant NULL (DEFAULT NULL: PostgreSQL then stores no default).
bool is_null_constant(const Node* node);
std::vector<std::string> name_list(Node* const* items, std::size_t n);  // list of String
std::string join_names(const std::vector<std::string>& names, char sep = '.');

} // namespace pgshape::parser
