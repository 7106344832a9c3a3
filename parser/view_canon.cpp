// The canonical form of a view's query, after name resolution. What the
// catalog adds is undone on both sides; nothing that can change a result or
// an output column's type is dropped:
//   - every output column is named, names of non-leftmost set-operation
//     branches are dropped, range items get positional aliases;
//   - a cast of a column to its own type goes (PostgreSQL drops it too);
//   - casts that decide an output column's type stay, except '...'::text on
//     a literal, which is how PostgreSQL types an untyped literal;
//   - inside expressions, a column cast from varchar/text to text goes (the
//     two share every operator), char(n) to text only outside comparisons
//     (where it changes trailing-space semantics), and a widening numeric
//     cast only where the other operand of the operator already has the
//     target type (PostgreSQL adds exactly that cast to resolve it);
//   - literal casts, IN/ANY, LIKE, BETWEEN: the rules shared with checks
//     and defaults (canonical_expr.cpp);
//   - nested AND/OR are flattened, CASE's implicit ELSE NULL removed.
#include <algorithm>
#include <cstring>
#include <set>

#include "parser/canonical_expr.hpp"
#include "parser/canonical_type.hpp"
#include "parser/view_query_detail.hpp"

namespace pgshape::parser::detail {

char* arena_string(ParseTree& tree, std::string_view text) {
    auto* out = static_cast<char*>(tree.allocate(text.size() + 1));
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = '\0';
    return out;
}

Node* make_string_node(ParseTree& tree, std::string_view text) {
    auto* s = tree.make(PgQuery__String(PG_QUERY__STRING__INIT));
    s->sval = arena_string(tree, text);
    auto* node = tree.make(Node(PG_QUERY__NODE__INIT));
    node->node_case = PG_QUERY__NODE__NODE_STRING;
    node->string = s;
    return node;
}

Node* clone_node(ParseTree& tree, const Node* node) {
    const std::size_t size = protobuf_c_message_get_packed_size(&node->base);
    std::string buffer(size, '\0');
    protobuf_c_message_pack(&node->base, reinterpret_cast<uint8_t*>(buffer.data()));
    ProtobufCAllocator allocator{};
    allocator.alloc = [](void* data, std::size_t n) { return static_cast<ParseTree*>(data)->allocate(n); };
    allocator.free = [](void*, void*) {};
    allocator.allocator_data = &tree;
    auto* copy = protobuf_c_message_unpack(&pg_query__node__descriptor, &allocator, size,
                                           reinterpret_cast<const uint8_t*>(buffer.data()));
    return reinterpret_cast<Node*>(copy);
}

void for_each_child(ProtobufCMessage* message, const std::function<void(Node*)>& fn) {
    if (!message) return;
    const ProtobufCMessageDescriptor* d = message->descriptor;
    auto* base = reinterpret_cast<char*>(message);
    auto visit = [&](ProtobufCMessage* child) {
        if (!child) return;
        if (child->descriptor == &pg_query__node__descriptor) fn(reinterpret_cast<Node*>(child));
        else for_each_child(child, fn);
    };
    for (unsigned i = 0; i < d->n_fields; ++i) {
        const ProtobufCFieldDescriptor& f = d->fields[i];
        if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
        if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) && *reinterpret_cast<uint32_t*>(base + f.quantifier_offset) != f.id)
            continue;
        if (f.label == PROTOBUF_C_LABEL_REPEATED) {
            const std::size_t n = *reinterpret_cast<std::size_t*>(base + f.quantifier_offset);
            auto** items = *reinterpret_cast<ProtobufCMessage***>(base + f.offset);
            for (std::size_t k = 0; k < n; ++k) visit(items[k]);
        } else {
            visit(*reinterpret_cast<ProtobufCMessage**>(base + f.offset));
        }
    }
}

namespace {

using model::TypeRef;

int numeric_rank(const TypeRef& t) {
    static constexpr std::string_view k_order[] = {"smallint", "integer", "bigint", "numeric", "real", "double precision"};
    if (!t.schema.empty() || t.is_array) return -1;
    for (int i = 0; i < 6; ++i)
        if (t.name == k_order[i]) return i;
    return -1;
}

bool is_comparison(const Node* node) {
    if (!node || node->node_case != PG_QUERY__NODE__NODE_A_EXPR) return false;
    const auto* e = node->a_expr;
    if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP && e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_LIKE &&
        e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE && e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_IN &&
        e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY && e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL)
        return e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN || e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN;
    static const std::set<std::string_view> k_ops = {"=", "<>", "<", ">", "<=", ">=", "~~", "~~*", "!~~", "!~~*"};
    return e->n_name && k_ops.count(str_value(e->name[e->n_name - 1]));
}

bool is_null_const(const Node* node) {
    if (node && node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) node = node->type_cast->arg;
    return node && node->node_case == PG_QUERY__NODE__NODE_A_CONST && node->a_const->isnull;
}

class CanonPass {
public:
    CanonPass(ParseTree& tree, const QueryFacts& facts) : m_tree(tree), m_facts(facts) {}
    std::set<const PgQuery__TypeCast*> keep;

    void run(Node* node, Node* parent, bool output) {
        if (!node) return;
        for (int guard = 0; guard < 8 && node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST; ++guard)
            if (!cast(node, parent, output)) break;
        if (node->node_case == PG_QUERY__NODE__NODE_CASE_EXPR && is_null_const(node->case_expr->defresult))
            node->case_expr->defresult = nullptr;
        const bool target = node->node_case == PG_QUERY__NODE__NODE_RES_TARGET;
        for_each_child(&node->base, [&](Node* child) { run(child, node, target && child == node->res_target->val); });
    }

    // After the shared rewrites, which turn BETWEEN into an AND of its own.
    void flatten_all(Node* node) {
        if (!node) return;
        for_each_child(&node->base, [&](Node* child) { flatten_all(child); });
        if (node->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR) flatten(node->bool_expr);
    }

private:
    ParseTree& m_tree;
    const QueryFacts& m_facts;

    std::optional<TypeRef> column_type(const Node* node) const {
        if (!node || node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return std::nullopt;
        auto it = m_facts.column_types.find(node->column_ref);
        if (it == m_facts.column_types.end()) return std::nullopt;
        return it->second;
    }

    std::optional<TypeRef> operand_type(const Node* node) const {
        if (!node) return std::nullopt;
        if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) return canonical_type(node->type_cast->type_name).type;
        if (node->node_case == PG_QUERY__NODE__NODE_A_CONST) {
            if (node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) return TypeRef{"", "integer", "", false};
            if (node->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL) return TypeRef{"", "numeric", "", false};
            return std::nullopt;
        }
        return column_type(node);
    }

    // Whether PostgreSQL would have cast `node` to `target` itself, to
    // resolve what it sits in: the other operand of a binary operator, or
    // another argument of COALESCE/GREATEST/LEAST, has that type already;
    // or it is the first argument of round(x, n) / trunc(x, n), which exist
    // for numeric only.
    bool implied_by_context(const Node* node, const Node* parent, const TypeRef& target) const {
        if (!parent) return false;
        auto same_base = [&](const Node* other) {
            if (other == node) return false;
            auto t = operand_type(other);
            return t && t->schema == target.schema && t->name == target.name && t->is_array == target.is_array;
        };
        switch (parent->node_case) {
        case PG_QUERY__NODE__NODE_A_EXPR: {
            const auto* e = parent->a_expr;
            if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || !e->lexpr || !e->rexpr) return false;
            return (e->lexpr == node && same_base(e->rexpr)) || (e->rexpr == node && same_base(e->lexpr));
        }
        case PG_QUERY__NODE__NODE_COALESCE_EXPR:
            return std::any_of(parent->coalesce_expr->args, parent->coalesce_expr->args + parent->coalesce_expr->n_args, same_base);
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
            return std::any_of(parent->min_max_expr->args, parent->min_max_expr->args + parent->min_max_expr->n_args, same_base);
        case PG_QUERY__NODE__NODE_FUNC_CALL: {
            const auto* call = parent->func_call;
            const auto name = str_value(call->funcname[call->n_funcname - 1]);
            return (name == "round" || name == "trunc") && call->n_args == 2 && call->args[0] == node &&
                   target == TypeRef{"", "numeric", "", false};
        }
        default: return false;
        }
    }

    // Decides one cast: true when it was dropped (the node is now its argument).
    bool cast(Node* node, Node* parent, bool output) {
        auto* c = node->type_cast;
        const TypeRef target = canonical_type(c->type_name).type;
        Node* arg = c->arg;
        bool drop = false;
        if (const auto col = column_type(arg)) {
            const int from_rank = numeric_rank(*col), to_rank = numeric_rank(target);
            const bool plain_target = target.modifiers.empty() && target.schema.empty() && !target.is_array;
            if (*col == target) drop = true;
            else if (output) drop = false;
            else if ((col->name == "text" || col->name == "character varying") && col->schema.empty() && !col->is_array &&
                     plain_target && (target.name == "text" || target.name == "character varying"))
                drop = true;
            else if (col->name == "character" && col->schema.empty() && !col->is_array && plain_target && target.name == "text")
                drop = !is_comparison(parent);
            else if (from_rank >= 0 && to_rank > from_rank && plain_target)
                drop = implied_by_context(node, parent, target);
        } else if (output) {
            // An untyped literal in a SELECT list is text; anything else
            // decides the column's type.
            const bool literal = arg && arg->node_case == PG_QUERY__NODE__NODE_A_CONST;
            drop = literal && target == TypeRef{"", "text", "", false} &&
                   (arg->a_const->isnull || arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL);
        } else {
            return false;  // the shared rules decide (canonical_expr.cpp)
        }
        if (!drop) {
            keep.insert(c);
            return false;
        }
        *node = *arg;
        return true;
    }

    void flatten(PgQuery__BoolExpr* e) {
        if (e->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) return;
        std::vector<Node*> args;
        bool changed = false;
        for (std::size_t i = 0; i < e->n_args; ++i) {
            Node* a = e->args[i];
            if (a->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR && a->bool_expr->boolop == e->boolop) {
                args.insert(args.end(), a->bool_expr->args, a->bool_expr->args + a->bool_expr->n_args);
                changed = true;
            } else {
                args.push_back(a);
            }
        }
        if (!changed) return;
        e->args = static_cast<Node**>(m_tree.allocate(args.size() * sizeof(Node*)));
        std::copy(args.begin(), args.end(), e->args);
        e->n_args = args.size();
    }
};

std::string positional(int number) {
    std::string out(1, '$');
    out += std::to_string(number);
    return out;
}

void apply_names(ParseTree& tree, const QueryFacts& facts) {
    for (const auto& [target, name] : facts.implied_names) target->name = arena_string(tree, name);
    for (auto* target : facts.unnamed) target->name = nullptr;
    for (const auto& [slot, number] : facts.aliases) {
        if (!*slot) *slot = tree.make(PgQuery__Alias(PG_QUERY__ALIAS__INIT));
        (*slot)->aliasname = arena_string(tree, positional(number));
    }
    for (const auto& [string, number] : facts.qualifiers) string->sval = arena_string(tree, positional(number));
}

} // namespace

std::string canonical_query(ParseTree& tree, Node* select, const QueryFacts& facts,
                            std::vector<model::ViewColumn>& columns) {
    apply_names(tree, facts);
    CanonPass pass(tree, facts);
    pass.run(select, nullptr, false);
    ExprContext context;
    context.keep_casts = &pass.keep;
    canonical_rewrite(tree, select, context);
    pass.flatten_all(select);
    const std::string canon = canonical_text(&select->base);
    // Type keys: the known type, else the expression and what it reads from.
    const auto* s = select->select_stmt;
    const bool setop = s->op != PG_QUERY__SET_OPERATION__SETOP_NONE;
    std::string from;
    if (!setop) {
        for (std::size_t i = 0; i < s->n_from_clause; ++i) from += canonical_text(&s->from_clause[i]->base);
        if (s->with_clause) from += canonical_text(&s->with_clause->base);
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        auto& column = columns[i];
        if (column.type) column.type_key = "type:" + model::render_type(*column.type);
        else if (setop || i >= s->n_target_list) column.type_key = "query:" + canon + "#" + std::to_string(i);
        else column.type_key = "expr:" + canonical_text(&s->target_list[i]->res_target->val->base) + " from:" + from;
    }
    return canon;
}

} // namespace pgshape::parser::detail
