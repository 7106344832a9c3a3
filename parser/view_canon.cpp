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
//     target type (PostgreSQL adds exactly that cast to resolve it), a date
//     column's cast to timestamptz only as a function argument;
//   - literal casts, IN/ANY, LIKE, BETWEEN: the rules shared with checks
//     and defaults (canonical_expr.cpp);
//   - nested AND/OR are flattened, CASE's implicit ELSE NULL removed.
#include <algorithm>
#include <cstring>
#include <set>

#include "parser/canonical_expr.hpp"
#include "parser/canonical_type.hpp"
#include "parser/constant.hpp"
#include "parser/datetime_text.hpp"
#include "parser/jsonb_text.hpp"
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
    for_each_child_message(message, [&](ProtobufCMessage* child) {
        if (child->descriptor == &pg_query__node__descriptor) fn(reinterpret_cast<Node*>(child));
        else for_each_child(child, fn);
    });
}

namespace {

using model::TypeRef;

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

// NULL, or NULL cast to a type.
bool is_null_const(const Node* node) {
    if (node && node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) node = node->type_cast->arg;
    return is_null_constant(node);
}

class CanonPass {
public:
    CanonPass(ParseTree& tree, const QueryFacts& facts) : m_tree(tree), m_facts(facts) {}
    std::set<const PgQuery__TypeCast*> keep;

    void run(Node* node, std::vector<Node*>& ancestors, bool output) {
        if (!node) return;
        for (int guard = 0; guard < 8 && node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST; ++guard)
            if (!cast(node, ancestors, output)) break;
        if (node->node_case == PG_QUERY__NODE__NODE_CASE_EXPR && is_null_const(node->case_expr->defresult))
            node->case_expr->defresult = nullptr;
        // An untyped literal beside jsonb becomes jsonb: printed as jsonb prints.
        if (is_string_literal(node) && sibling_has_type(node, ancestors, k_jsonb)) as_jsonb(node);
        // One beside a date/time or numeric value takes its type: printed as
        // that type prints (qty > '05' is stored as qty > 5).
        if (is_string_literal(node))
            for (const Node* s : siblings(node, ancestors))
                if (const auto t = evidence(s, true)) {
                    as_datetime(node, *t);
                    string_to_number(m_tree, node->a_const, *t);
                    break;
                }
        const bool target = node->node_case == PG_QUERY__NODE__NODE_RES_TARGET;
        ancestors.push_back(node);
        for_each_child(&node->base, [&](Node* child) { run(child, ancestors, target && child == node->res_target->val); });
        ancestors.pop_back();
    }

    // After the shared rewrites (which turn BETWEEN into an AND of its own
    // and = ANY (ARRAY[...]) into IN): what PostgreSQL's analysis and
    // deparser make of a few more forms.
    void finish(Node* node) {
        if (!node) return;
        for_each_child(&node->base, [&](Node* child) { finish(child); });
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_BOOL_EXPR: flatten(node->bool_expr); break;
        case PG_QUERY__NODE__NODE_A_EXPR: {
            // x IN ('a') is stored as x = 'a', x NOT IN ('a') as x <> 'a'.
            auto* e = node->a_expr;
            if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN && e->rexpr &&
                e->rexpr->node_case == PG_QUERY__NODE__NODE_LIST && e->rexpr->list->n_items == 1) {
                e->kind = PG_QUERY__A__EXPR__KIND__AEXPR_OP;
                e->rexpr = e->rexpr->list->items[0];
            }
            break;
        }
        case PG_QUERY__NODE__NODE_SUB_LINK: {
            // x = ANY (SELECT ...) is x IN (SELECT ...).
            auto* link = node->sub_link;
            if (link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK && link->n_oper_name == 1 &&
                str_value(link->oper_name[0]) == "=")
                link->n_oper_name = 0;
            break;
        }
        case PG_QUERY__NODE__NODE_RANGE_FUNCTION:
            // A function in FROM always sees the items before it; the catalog
            // writes LATERAL only when it uses them.
            node->range_function->lateral = true;
            break;
        default: break;
        }
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

    // A column's type, or the result type of a built-in call (length(s)).
    std::optional<TypeRef> value_type(const Node* node) const {
        if (node && node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) return builtin_result_type(node->func_call);
        return column_type(node);
    }

    static bool is_number(const Node* node) {
        return node && node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
               (node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL ||
                node->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL);
    }

    // A widening cast PostgreSQL may have added: of a numeric literal, or
    // of a column of a narrower numeric type.
    enum class Widening { none, literal, column };
    Widening widening(const Node* node) const {
        if (!node || node->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) return Widening::none;
        const TypeRef target = canonical_type(node->type_cast->type_name).type;
        if (numeric_rank(target) < 0 || !target.modifiers.empty()) return Widening::none;
        const Node* arg = node->type_cast->arg;
        // Only up the numeric types: 1.5::integer rounds, PostgreSQL never adds it.
        if (is_number(arg)) return numeric_rank(number_type(arg->a_const)) < numeric_rank(target) ? Widening::literal : Widening::none;
        if (const auto col = value_type(arg); col && numeric_rank(*col) >= 0 && numeric_rank(*col) < numeric_rank(target))
            return Widening::column;
        return Widening::none;
    }

    // The type a sibling has on its own: a column's, a literal's, an
    // expression's explicit cast. A cast PostgreSQL may have added is no
    // evidence, or two added casts would justify each other; where both a
    // column and a literal beside it are cast (written qty::numeric / 2,
    // stored (qty)::numeric / (2)::numeric), the column's cast is the one
    // kept: it is evidence for the literal's, not the other way round.
    std::optional<TypeRef> evidence(const Node* node, bool for_literal) const {
        if (!node) return std::nullopt;
        if (node->node_case == PG_QUERY__NODE__NODE_A_CONST) {
            if (node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) return TypeRef{"", "integer", "", false};
            if (node->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL) return TypeRef{"", "numeric", "", false};
            return std::nullopt;
        }
        if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF || node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL)
            return value_type(node);
        if (node->node_case == PG_QUERY__NODE__NODE_A_EXPR) return arithmetic_type(node->a_expr, for_literal);
        if (node->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) return std::nullopt;
        const TypeRef type = canonical_type(node->type_cast->type_name).type;
        switch (widening(node)) {
        case Widening::none: return type;
        case Widening::column: return for_literal ? std::optional<TypeRef>(type) : std::nullopt;
        case Widening::literal: return std::nullopt;
        }
        return std::nullopt;
    }

    // numeric op numeric: the wider of the two; jsonb -> key: jsonb.
    std::optional<TypeRef> arithmetic_type(const PgQuery__AExpr* e, bool for_literal) const {
        static const std::set<std::string_view> k_ops = {"+", "-", "*", "/", "%"};
        if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || !e->lexpr || !e->rexpr || !e->n_name) return std::nullopt;
        const auto op = str_value(e->name[e->n_name - 1]);
        if (op == "->" || op == "#>" || op == "->>" || op == "#>>" || op == "-" || op == "#-" || op == "||") {
            if (const auto l = evidence(e->lexpr, for_literal); l && *l == k_jsonb)
                return op == "->>" || op == "#>>" ? TypeRef{"", "text", "", false} : k_jsonb;
        }
        if (!k_ops.count(op)) return std::nullopt;
        const auto l = evidence(e->lexpr, for_literal), r = evidence(e->rexpr, for_literal);
        if (!l || !r || numeric_rank(*l) < 0 || numeric_rank(*r) < 0) return std::nullopt;
        TypeRef out = numeric_rank(*l) >= numeric_rank(*r) ? *l : *r;
        out.modifiers.clear();
        return out;
    }

    // What `node` is resolved together with: the other operand of a binary
    // operator, the other arguments of COALESCE/GREATEST/LEAST, the other
    // results of a CASE, the other elements of an IN list or ARRAY[] and
    // the value compared with them.
    static std::vector<const Node*> siblings(const Node* node, const std::vector<Node*>& ancestors) {
        std::vector<const Node*> out;
        if (ancestors.empty()) return out;
        const Node* parent = ancestors.back();
        const Node* grand = ancestors.size() >= 2 ? ancestors[ancestors.size() - 2] : nullptr;
        auto add_all = [&](Node* const* items, std::size_t n) {
            for (std::size_t i = 0; i < n; ++i)
                if (items[i] != node) out.push_back(items[i]);
        };
        auto elements_of = [&](const Node* list) {
            if (!list) return;
            if (list->node_case == PG_QUERY__NODE__NODE_LIST) add_all(list->list->items, list->list->n_items);
            if (list->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR)
                add_all(list->a_array_expr->elements, list->a_array_expr->n_elements);
        };
        auto is_set_compare = [](const Node* n) {
            return n && n->node_case == PG_QUERY__NODE__NODE_A_EXPR &&
                   (n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN || n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY ||
                    n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL);
        };
        switch (parent->node_case) {
        case PG_QUERY__NODE__NODE_A_EXPR: {
            const auto* e = parent->a_expr;
            if (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP && e->lexpr && e->rexpr) {
                if (e->lexpr == node) out.push_back(e->rexpr);
                if (e->rexpr == node) out.push_back(e->lexpr);
            } else if (is_set_compare(parent) && e->lexpr == node) {
                elements_of(e->rexpr);
            }
            break;
        }
        case PG_QUERY__NODE__NODE_LIST:
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
            elements_of(parent);
            if (is_set_compare(grand)) out.push_back(grand->a_expr->lexpr);
            break;
        case PG_QUERY__NODE__NODE_COALESCE_EXPR:
            add_all(parent->coalesce_expr->args, parent->coalesce_expr->n_args);
            break;
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
            add_all(parent->min_max_expr->args, parent->min_max_expr->n_args);
            break;
        case PG_QUERY__NODE__NODE_CASE_EXPR:
        case PG_QUERY__NODE__NODE_CASE_WHEN: {
            const Node* case_node = parent->node_case == PG_QUERY__NODE__NODE_CASE_EXPR ? parent : grand;
            if (!case_node || case_node->node_case != PG_QUERY__NODE__NODE_CASE_EXPR) break;
            if (parent->node_case == PG_QUERY__NODE__NODE_CASE_WHEN && parent->case_when->result != node) break;
            if (parent->node_case == PG_QUERY__NODE__NODE_CASE_EXPR && case_node->case_expr->defresult != node) break;
            const auto* c = case_node->case_expr;
            for (std::size_t i = 0; i < c->n_args; ++i)
                if (c->args[i]->node_case == PG_QUERY__NODE__NODE_CASE_WHEN && c->args[i]->case_when->result != node)
                    out.push_back(c->args[i]->case_when->result);
            if (c->defresult && c->defresult != node) out.push_back(c->defresult);
            break;
        }
        default: break;
        }
        return out;
    }

    // Whether PostgreSQL would have cast `node` to `target` itself, to
    // resolve what it sits in (see siblings); or, for a column, as the
    // first argument of round(x, n) / trunc(x, n), which exist for numeric
    // only.
    //
    // A literal's cast is also taken as added when nothing beside it has a
    // known type (the rule checks and defaults share): only a known type
    // that differs, as in qty / 2::numeric over an integer, keeps it.
    bool implied(const Node* node, const std::vector<Node*>& ancestors, const TypeRef& target, bool for_literal) const {
        bool known = false;
        for (const Node* s : siblings(node, ancestors)) {
            const auto t = evidence(s, for_literal);
            if (t && t->schema == target.schema && t->name == target.name && t->is_array == target.is_array) return true;
            // A number beside a real is cast to double precision: real and
            // double precision compare and compute through float48 operators.
            if (for_literal && t && *t == TypeRef{"", "real", "", false} && target == TypeRef{"", "double precision", "", false})
                return true;
            known = known || t.has_value();
        }
        if (for_literal && !known) return true;
        if (!ancestors.empty() && ancestors.back()->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
            const auto* call = ancestors.back()->func_call;
            const auto name = str_value(call->funcname[call->n_funcname - 1]);
            return (name == "round" || name == "trunc") && call->n_args == 2 && call->args[0] == node &&
                   target == TypeRef{"", "numeric", "", false};
        }
        return false;
    }

    static inline const TypeRef k_jsonb{"", "jsonb", "", false};

    bool sibling_has_type(const Node* node, const std::vector<Node*>& ancestors, const TypeRef& type) const {
        for (const Node* s : siblings(node, ancestors))
            if (const auto t = evidence(s, true); t && *t == type) return true;
        return false;
    }

    static bool is_string_literal(const Node* node) {
        return node && node->node_case == PG_QUERY__NODE__NODE_A_CONST && !node->a_const->isnull &&
               node->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
    }

    void as_jsonb(Node* literal) {
        if (auto text = jsonb_text(literal->a_const->sval->sval)) literal->a_const->sval->sval = arena_string(m_tree, *text);
    }

    void as_datetime(Node* literal, const TypeRef& type) {
        if (auto text = datetime_text(type, literal->a_const->sval->sval))
            literal->a_const->sval->sval = arena_string(m_tree, *text);
    }

    // Decides one cast: true when it was dropped (the node is now its argument).
    bool cast(Node* node, const std::vector<Node*>& ancestors, bool output) {
        auto* c = node->type_cast;
        const TypeRef target = canonical_type(c->type_name).type;
        const Node* parent = ancestors.empty() ? nullptr : ancestors.back();
        Node* arg = c->arg;
        bool drop = false;
        // '1'::integer is the constant 1, which the catalog prints bare;
        // '5'::numeric stays a cast of the number, as (5)::numeric is.
        if (is_string_literal(arg) && target.modifiers.empty()) string_to_number(m_tree, arg->a_const, target);
        // A number cast to the type it has already: PostgreSQL drops the no-op.
        if (is_number(arg) && target.modifiers.empty() && number_type(arg->a_const) == target) {
            *node = *arg;
            return true;
        }
        if (is_string_literal(arg) && target == k_jsonb) as_jsonb(arg);
        if (is_string_literal(arg)) as_datetime(arg, target);
        if (const auto col = value_type(arg)) {
            const bool plain_target = target.modifiers.empty() && target.schema.empty() && !target.is_array;
            if (*col == target) drop = true;
            else if (output) drop = false;
            else if (m_facts.domains && model::underlying_type(*m_facts.domains, *col) == target) drop = true;
            else if ((col->name == "text" || col->name == "character varying") && col->schema.empty() && !col->is_array &&
                     plain_target && (target.name == "text" || target.name == "character varying"))
                drop = true;
            else if (col->name == "character" && col->schema.empty() && !col->is_array && plain_target && target.name == "text")
                drop = !is_comparison(parent);
            else if (widening(node) == Widening::column)
                drop = implied(node, ancestors, target, false);
            else if (*col == TypeRef{"", "date", "", false} && target == TypeRef{"", "timestamp with time zone", "", false})
                // date_trunc('month', d), age(d): a date argument becomes
                // timestamptz, the preferred date/time type, to find the function.
                drop = parent && parent->node_case == PG_QUERY__NODE__NODE_FUNC_CALL;
        } else if (output) {
            // An untyped literal in a SELECT list is text; anything else
            // decides the column's type.
            const bool literal = arg && arg->node_case == PG_QUERY__NODE__NODE_A_CONST;
            drop = literal && target == TypeRef{"", "text", "", false} &&
                   (arg->a_const->isnull || arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL);
        } else if (widening(node) == Widening::literal) {
            // (2)::numeric where the other side is numeric already: added;
            // 2::numeric over an integer changes the arithmetic.
            drop = implied(node, ancestors, target, true);
        } else if (is_string_literal(arg) && !is_string_type(target) && !is_numeric_type(target) &&
                   sibling_has_type(node, ancestors, target)) {
            // '{"x": 1}'::jsonb beside a jsonb column: how an untyped
            // literal gets the type of what it is compared with.
            drop = true;
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
    std::vector<Node*> ancestors;
    pass.run(select, ancestors, false);
    ExprContext context;
    context.keep_casts = &pass.keep;
    context.domains = facts.domains;
    context.column_ref_types = &facts.column_types;
    canonical_rewrite(tree, select, context);
    pass.finish(select);
    const std::string canon = canonical_text(&select->base);
    if (select->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return canon;  // INSERT, UPDATE, DELETE: no columns
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
