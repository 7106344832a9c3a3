#include "parser/canonical_expr.hpp"

#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "parser/canonical_type.hpp"
#include "parser/constant.hpp"
#include "parser/datetime_text.hpp"
#include "parser/pb_fields.hpp"

// The canonical form is a serialization of the libpg_query tree after a few
// rewrites that undo what PostgreSQL adds when it stores an expression:
//   - literals as the constants parse analysis makes of them: an untyped
//     literal given a numeric type is the number ('01'::integer and n <> '01'
//     over an integer are 1; parser/constant.cpp);
//   - casts of literals PostgreSQL adds or that change nothing
//     ('a'::character varying, (0)::numeric) and to the assigned type of a
//     default, but not a length or precision ('abcdefgh'::varchar(4),
//     2.55::numeric(2,1)) or a cast down the numeric types (1.5::integer),
//     which change the value and which the catalog keeps;
//   - casts of a column to text (varchar → text) or between numeric types;
//     but first, the operands of a built-in numeric operator (arithmetic,
//     comparison) whose types are known are cast as PostgreSQL resolves
//     the operator (resolve_operands): qty / 2::numeric and qty::numeric / 2
//     are both stored (qty)::numeric / (2)::numeric, and differ from qty / 2;
//   - `x = ANY (ARRAY[...])` back to `x IN (...)`, `<> ALL` to `NOT IN`;
//   - LIKE/ILIKE as the operators ~~ / ~~*, BETWEEN as two comparisons;
//   - the pg_catalog. / public. qualification of function names;
//   - date, time and interval literals in the form the catalog prints them
//     ('2006-11-10 00:00:00+01' as '2006-11-09 23:00:00+00', '1 month' as
//     '1 mon'; parser/datetime_text.cpp).
// Locations are dropped and type names are canonicalized; everything else in
// the tree counts, so a changed literal, operator or column order is a change.
namespace pgshape::parser {
namespace {

using model::TypeRef;

struct Rewriter {
    ParseTree& tree;
    const ExprContext& context;
    // Casts resolve_operands wrote: they are the operator's, and stay.
    std::set<const PgQuery__TypeCast*> resolved = {};
    // The numeric result types of the operators resolved so far.
    std::map<const Node*, TypeRef> results = {};

    // The type of a column reference, of an explicit cast kept in the tree
    // ((code)::character varying(10) under PostgreSQL's own ::text), or of
    // a call of a built-in function of fixed result type (length(s)).
    std::optional<TypeRef> known_type(const Node* node) const {
        if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) return canonical_type(node->type_cast->type_name).type;
        if (node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) return builtin_result_type(node->func_call);
        if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return std::nullopt;
        const auto* ref = node->column_ref;
        if (context.column_ref_types) {
            const auto it = context.column_ref_types->find(ref);
            if (it != context.column_ref_types->end()) return it->second;
        }
        if (!context.columns) return std::nullopt;
        if (ref->n_fields == 0) return std::nullopt;
        const std::string_view name = str_value(ref->fields[ref->n_fields - 1]);
        for (const auto& c : *context.columns)
            if (c.name == name) return c.type;
        return std::nullopt;
    }

    bool cast_is_noise(Node* arg, const TypeRef& target) {
        if (arg->node_case == PG_QUERY__NODE__NODE_A_CONST && !arg->a_const->isnull) {
            auto* c = arg->a_const;
            const bool is_string = c->val_case == PG_QUERY__A__CONST__VAL_SVAL;
            const bool is_num = c->val_case == PG_QUERY__A__CONST__VAL_IVAL || c->val_case == PG_QUERY__A__CONST__VAL_FVAL;
            // An untyped literal given a numeric type is that type's
            // constant: '01'::integer is stored as 1, with no cast left.
            const bool made_number = is_string && string_to_number(tree, c, target);
            if (context.target && target == *context.target) return true;
            // A length or precision applied to a constant stays a function
            // call, and it changes the value: 'abcdefgh'::varchar(4) is
            // 'abcd', 2.55::numeric(2,1) is 2.6.
            if (!target.modifiers.empty()) return false;
            if (made_number) return true;
            if (is_string && is_string_type(target)) return true;
            // A number's cast up the numeric types is what PostgreSQL adds
            // beside a wider operand ((0)::numeric); one down them rounds
            // (1.5::integer is 2), and the catalog keeps it as written.
            if (is_num) return numeric_rank(target) >= numeric_rank(number_type(c));
            // 'english'::regconfig, 'x'::public.mood: how the catalog spells
            // a literal it resolved to an OID type or an enum from context.
            if (is_string && !target.is_array && (!target.schema.empty() || target.name.rfind("reg", 0) == 0)) return true;
            return false;
        }
        if (auto col = known_type(arg)) {
            if (*col == target) return true;
            // (a)::integer on a column of a domain over integer.
            if (context.domains) col = model::underlying_type(*context.domains, *col);
            if (*col == target) return true;
            // Only the casts PostgreSQL inserts itself: implicit ones, which
            // widen and carry no length or precision. (price)::integer or
            // (s)::character(1) change the value, so they count.
            if (!target.modifiers.empty()) return false;
            if (is_string_type(*col) && (target.name == "text" || target.name == "character varying")) return true;
            if (is_numeric_type(*col) && is_numeric_type(target)) return numeric_rank(target) >= numeric_rank(*col);
            return false;
        }
        if (arg->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR && target.is_array) {
            TypeRef element = target;
            element.is_array = false;
            return is_string_type(element) || is_numeric_type(element);
        }
        return false;
    }

    Node* make_list(Node** items, std::size_t n) {
        auto* list = tree.make(PgQuery__List(PG_QUERY__LIST__INIT));
        list->items = items;
        list->n_items = n;
        auto* node = tree.make(Node(PG_QUERY__NODE__INIT));
        node->node_case = PG_QUERY__NODE__NODE_LIST;
        node->list = list;
        return node;
    }

    Node* make_string(const char* text) {
        auto* str = tree.make(PgQuery__String(PG_QUERY__STRING__INIT));
        str->sval = const_cast<char*>(text);
        auto* node = tree.make(Node(PG_QUERY__NODE__INIT));
        node->node_case = PG_QUERY__NODE__NODE_STRING;
        node->string = str;
        return node;
    }

    Node* make_op(const char* op, Node* left, Node* right) {
        auto** names = static_cast<Node**>(tree.allocate(sizeof(Node*)));
        names[0] = make_string(op);
        auto* expr = tree.make(PgQuery__AExpr(PG_QUERY__A__EXPR__INIT));
        expr->kind = PG_QUERY__A__EXPR__KIND__AEXPR_OP;
        expr->n_name = 1;
        expr->name = names;
        expr->lexpr = left;
        expr->rexpr = right;
        auto* node = tree.make(Node(PG_QUERY__NODE__INIT));
        node->node_case = PG_QUERY__NODE__NODE_A_EXPR;
        node->a_expr = expr;
        return node;
    }

    // started_at > '2000-01-01 00:00:00+01' is stored as
    // started_at > '1999-12-31 23:00:00+00'::timestamp with time zone: a
    // literal beside a date/time column takes the column's type, and its text.
    void literal_beside(Node* literal, const Node* other) {
        if (!literal || !other) return;
        const auto type = known_type(other);
        if (!type) return;
        // n <> '01' over an integer column: the literal is the integer 1.
        if (literal->node_case == PG_QUERY__NODE__NODE_A_CONST && numeric_rank(*type) >= 0) {
            string_to_number(tree, literal->a_const, *type);
            return;
        }
        if (!datetime_text(*type, "2000-01-01 00:00:00")) return;
        if (literal->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && literal->type_cast->arg &&
            literal->type_cast->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            canonical_type(literal->type_cast->type_name).type == *type)
            *literal = *literal->type_cast->arg;
        datetime_literal(literal, *type);
    }

    // n IN ('1', '2') is stored as n = ANY (ARRAY[1, 2]): each item is a literal beside n.
    void in_list_beside(PgQuery__AExpr* e) {
        if (!e->rexpr || e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST) return;
        for (std::size_t i = 0; i < e->rexpr->list->n_items; ++i) literal_beside(e->rexpr->list->items[i], e->lexpr);
    }

    void rewrite_a_expr(Node* node) {
        auto* e = node->a_expr;
        const std::string_view op = e->n_name ? str_value(e->name[e->n_name - 1]) : "";
        switch (e->kind) {
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
            literal_beside(e->lexpr, e->rexpr);
            literal_beside(e->rexpr, e->lexpr);
            break;
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL:
            if (e->rexpr && e->rexpr->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR &&
                ((e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY && op == "=") ||
                 (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL && op == "<>"))) {
                auto* array = e->rexpr->a_array_expr;
                e->kind = PG_QUERY__A__EXPR__KIND__AEXPR_IN;
                e->rexpr = make_list(array->elements, array->n_elements);
                in_list_beside(e);
            }
            break;
        case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
            in_list_beside(e);
            break;
        case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
        case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
            e->kind = PG_QUERY__A__EXPR__KIND__AEXPR_OP;
            break;
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN: {
            const bool negated = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN;
            auto* bounds = e->rexpr->list;
            if (bounds->n_items != 2) break;
            auto* bool_expr = tree.make(PgQuery__BoolExpr(PG_QUERY__BOOL_EXPR__INIT));
            bool_expr->boolop = negated ? PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR : PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
            auto** args = static_cast<Node**>(tree.allocate(2 * sizeof(Node*)));
            args[0] = make_op(negated ? "<" : ">=", e->lexpr, bounds->items[0]);
            args[1] = make_op(negated ? ">" : "<=", e->lexpr, bounds->items[1]);
            bool_expr->n_args = 2;
            bool_expr->args = args;
            node->node_case = PG_QUERY__NODE__NODE_BOOL_EXPR;
            node->bool_expr = bool_expr;
            break;
        }
        default:
            break;
        }
    }

    // nextval('t_id_seq') and nextval('public.t_id_seq'::regclass) name the
    // same sequence: drop the regclass cast and qualify the name.
    void qualify_sequence_arg(Node* arg) {
        if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
            canonical_type(arg->type_cast->type_name).type.name == "regclass")
            *arg = *arg->type_cast->arg;
        if (arg->node_case != PG_QUERY__NODE__NODE_A_CONST || arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
            return;
        auto* s = arg->a_const->sval;
        const std::string name = s->sval;
        if (name.find('.') != std::string::npos) return;
        const std::string qualified = "public." + name;
        s->sval = static_cast<char*>(tree.allocate(qualified.size() + 1));
        std::memcpy(s->sval, qualified.c_str(), qualified.size() + 1);
    }

    // A literal of a date/time type, in the text PostgreSQL prints for it.
    void datetime_literal(Node* arg, const TypeRef& type) {
        if (arg->node_case != PG_QUERY__NODE__NODE_A_CONST || arg->a_const->isnull ||
            arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
            return;
        auto* s = arg->a_const->sval;
        if (const auto text = datetime_text(type, s->sval)) {
            s->sval = static_cast<char*>(tree.allocate(text->size() + 1));
            std::memcpy(s->sval, text->c_str(), text->size() + 1);
        }
    }

    void rewrite(Node* node) {
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_A_CONST:
            // 1e3 is the numeric 1000, 01.50 is 1.50.
            normalize_number(tree, node->a_const);
            break;
        case PG_QUERY__NODE__NODE_TYPE_CAST: {
            auto* cast = node->type_cast;
            const TypeRef target = canonical_type(cast->type_name).type;
            if (cast->arg) datetime_literal(cast->arg, target);
            if (context.keep_casts && context.keep_casts->count(cast)) break;
            if (resolved.count(cast)) break;
            if (cast->arg && cast_is_noise(cast->arg, target)) *node = *cast->arg;
            break;
        }
        case PG_QUERY__NODE__NODE_A_EXPR:
            rewrite_a_expr(node);
            break;
        case PG_QUERY__NODE__NODE_FUNC_CALL: {
            auto* call = node->func_call;
            if (call->n_funcname == 2) {
                const auto schema = str_value(call->funcname[0]);
                if (schema == "pg_catalog" || schema == "public") {
                    call->funcname = call->funcname + 1;
                    call->n_funcname = 1;
                }
            }
            const auto fname = str_value(call->funcname[call->n_funcname - 1]);
            if ((fname == "nextval" || fname == "currval") && call->n_args == 1) qualify_sequence_arg(call->args[0]);
            break;
        }
        default:
            break;
        }
    }

    // The numeric type (smallint to double precision) a value has as an
    // operand, a domain's as the type underneath, or nullopt where it is
    // not known here (an untyped literal takes the other operand's type).
    std::optional<TypeRef> numeric_type_of(const Node* node) const {
        if (!node) return std::nullopt;
        std::optional<TypeRef> t;
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_A_CONST:
            if (node->a_const->isnull) return std::nullopt;
            if (node->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL &&
                node->a_const->val_case != PG_QUERY__A__CONST__VAL_FVAL)
                return std::nullopt;
            t = number_type(node->a_const);
            break;
        case PG_QUERY__NODE__NODE_A_EXPR: {
            const auto it = results.find(node);
            if (it == results.end()) return std::nullopt;
            t = it->second;
            break;
        }
        default:
            t = known_type(node);  // a column's, a cast's, a built-in function's
        }
        if (!t) return std::nullopt;
        if (context.domains) t = model::underlying_type(*context.domains, *t);
        t->modifiers.clear();
        if (numeric_rank(*t) < 0) return std::nullopt;
        return t;
    }

    // `slot`'s value without the casts that only widen it (or cast it to
    // its own type): what PostgreSQL's implicit casts were applied to.
    Node* uncast(Node* node) const {
        while (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && node->type_cast->arg) {
            const TypeRef target = canonical_type(node->type_cast->type_name).type;
            if (!target.modifiers.empty() || numeric_rank(target) < 0) break;
            const auto inner = numeric_type_of(node->type_cast->arg);
            if (!inner || numeric_rank(*inner) > numeric_rank(target)) break;
            node = node->type_cast->arg;
        }
        return node;
    }

    Node* cast_to(Node* arg, const TypeRef& type) {
        static const std::map<std::string_view, const char*> k_internal = {
            {"smallint", "int2"}, {"integer", "int4"}, {"bigint", "int8"},
            {"numeric", "numeric"}, {"real", "float4"}, {"double precision", "float8"}};
        auto** names = static_cast<Node**>(tree.allocate(2 * sizeof(Node*)));
        names[0] = make_string("pg_catalog");
        names[1] = make_string(k_internal.at(type.name));
        auto* type_name = tree.make(PgQuery__TypeName(PG_QUERY__TYPE_NAME__INIT));
        type_name->names = names;
        type_name->n_names = 2;
        type_name->typemod = -1;
        type_name->location = -1;
        auto* cast = tree.make(PgQuery__TypeCast(PG_QUERY__TYPE_CAST__INIT));
        cast->arg = arg;
        cast->type_name = type_name;
        cast->location = -1;
        resolved.insert(cast);
        auto* node = tree.make(Node(PG_QUERY__NODE__INIT));
        node->node_case = PG_QUERY__NODE__NODE_TYPE_CAST;
        node->type_cast = cast;
        return node;
    }

    // A built-in numeric operator with operands of known types, as
    // PostgreSQL resolves it (func_select_candidate, with double precision
    // the preferred numeric type):
    //   - the same type, integers with integers and reals with double
    //     precision take the operands as they are (int48pl, float48mul; not
    //     for %, which has no mixed forms: the narrower is widened);
    //   - a real or double precision with an integer or numeric casts that
    //     one to double precision (real * integer is real * (i)::double
    //     precision), and yields double precision;
    //   - an integer with a numeric casts the integer to numeric.
    // Each operand is then written as its value cast to the operator's
    // input type, whatever casts the text had, so that every spelling of
    // one operation compares equal and one that changes the arithmetic
    // (integer or numeric division) does not.
    void resolve_operands(Node* node) {
        static const std::set<std::string_view> k_arithmetic = {"+", "-", "*", "/", "%"};
        static const std::set<std::string_view> k_comparison = {"=", "<>", "<", ">", "<=", ">="};
        auto* e = node->a_expr;
        if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || !e->lexpr || !e->rexpr || e->n_name != 1) return;
        const std::string_view op = str_value(e->name[0]);
        const bool arithmetic = k_arithmetic.count(op) > 0;
        if (!arithmetic && !k_comparison.count(op)) return;
        const auto l = numeric_type_of(e->lexpr), r = numeric_type_of(e->rexpr);
        if (!l || !r) return;
        const int lr = numeric_rank(*l), rr = numeric_rank(*r);
        const auto integer = [](int rank) { return rank <= 2; };
        const auto floating = [](int rank) { return rank >= 4; };
        static const TypeRef k_double{"", "double precision", "", false};
        static const TypeRef k_numeric{"", "numeric", "", false};
        const bool mod = op == "%";
        if (mod && (floating(lr) || floating(rr))) return;  // no such operator
        TypeRef lin = *l, rin = *r, result = lr >= rr ? *l : *r;
        const bool cross = (integer(lr) && integer(rr)) || (floating(lr) && floating(rr));
        if (lr == rr || (cross && !mod)) {
            if (floating(lr) && lr != rr) result = k_double;
        } else if (integer(lr) && integer(rr)) {
            lin = rin = result;
        } else if (floating(lr) || floating(rr)) {
            (floating(lr) ? rin : lin) = k_double;
            result = k_double;
        } else {
            lin = rin = result = k_numeric;
        }
        const auto write = [&](Node*& slot, const TypeRef& in) {
            Node* value = uncast(slot);
            const auto own = numeric_type_of(value);
            slot = own && own->name == in.name ? value : cast_to(value, in);
        };
        write(e->lexpr, lin);
        write(e->rexpr, rin);
        if (arithmetic) results[node] = result;
    }

    void run(Node* root) {
        for_each_node(&root->base, [this](Node* node) {
            if (node->node_case == PG_QUERY__NODE__NODE_A_EXPR) resolve_operands(node);
        });
        // A default written as a bare literal: the catalog casts it to the column's type.
        if (context.target) datetime_literal(root, *context.target);
        if (context.target && root->node_case == PG_QUERY__NODE__NODE_A_CONST)
            string_to_number(tree, root->a_const, *context.target);
        for_each_node(&root->base, [this](Node* node) {
            // A rewrite can expose another rewritable node (a cast of a cast).
            for (int guard = 0; guard < 8; ++guard) {
                const auto before = node->node_case;
                const void* payload = node->type_cast;
                rewrite(node);
                if (node->node_case == before && node->type_cast == payload) break;
            }
        });
    }
};

void serialize(const ProtobufCMessage* message, std::string& out);

void serialize_field(const ProtobufCFieldDescriptor& f, const char* at, std::string& out) {
    switch (f.type) {
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_ENUM:
        out += std::to_string(*reinterpret_cast<const int32_t*>(at));
        break;
    case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_FIXED32:
        out += std::to_string(*reinterpret_cast<const uint32_t*>(at));
        break;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
        out += std::to_string(*reinterpret_cast<const int64_t*>(at));
        break;
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_FIXED64:
        out += std::to_string(*reinterpret_cast<const uint64_t*>(at));
        break;
    case PROTOBUF_C_TYPE_BOOL:
        out += *reinterpret_cast<const protobuf_c_boolean*>(at) ? "t" : "f";
        break;
    case PROTOBUF_C_TYPE_STRING: {
        const char* s = *reinterpret_cast<char* const*>(at);
        out += '"';
        if (s) out += s;
        out += '"';
        break;
    }
    case PROTOBUF_C_TYPE_MESSAGE:
        serialize(*reinterpret_cast<ProtobufCMessage* const*>(at), out);
        break;
    default:
        out += "?";
        break;
    }
}

bool is_default(const ProtobufCFieldDescriptor& f, const char* at) {
    switch (f.type) {
    case PROTOBUF_C_TYPE_STRING: {
        const char* s = *reinterpret_cast<char* const*>(at);
        return !s || !*s;
    }
    case PROTOBUF_C_TYPE_MESSAGE: return *reinterpret_cast<void* const*>(at) == nullptr;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_UINT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_FIXED64:
    case PROTOBUF_C_TYPE_SFIXED64: return *reinterpret_cast<const int64_t*>(at) == 0;
    default: return *reinterpret_cast<const int32_t*>(at) == 0;
    }
}

// Where a node was written, and how a function call was spelled (f(x) or
// CAST-like syntax), never change what it means.
bool is_ignored_field(const ProtobufCFieldDescriptor& f) {
    return (f.name[0] == 'l' && std::strcmp(f.name, "location") == 0) ||
           (f.name[0] == 'f' && std::strcmp(f.name, "funcformat") == 0);
}

void serialize(const ProtobufCMessage* message, std::string& out) {
    if (!message) { out += "~"; return; }
    const ProtobufCMessageDescriptor* d = message->descriptor;
    if (d == &pg_query__type_name__descriptor) {
        out += "T(" + model::render_type(canonical_type(reinterpret_cast<const PgQuery__TypeName*>(message)).type) + ")";
        return;
    }
    const char* base = reinterpret_cast<const char*>(message);
    if (d != &pg_query__node__descriptor) out += d->short_name;  // Node is only a wrapper
    out += '{';
    for_each_field(message, [&](const ProtobufCFieldDescriptor& f) {
        if (is_ignored_field(f)) return;
        if (f.label == PROTOBUF_C_LABEL_REPEATED) {
            const std::size_t n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
            if (n == 0) return;
            out += f.name;
            out += "=[";
            const char* items = *reinterpret_cast<char* const*>(base + f.offset);
            const std::size_t stride = f.type == PROTOBUF_C_TYPE_MESSAGE || f.type == PROTOBUF_C_TYPE_STRING
                                           ? sizeof(void*) : (f.type == PROTOBUF_C_TYPE_INT64 || f.type == PROTOBUF_C_TYPE_UINT64 ? 8 : 4);
            for (std::size_t k = 0; k < n; ++k) {
                if (k) out += ',';
                serialize_field(f, items + k * stride, out);
            }
            out += "] ";
            return;
        }
        const char* at = base + f.offset;
        if (is_default(f, at)) return;
        out += f.name;
        out += '=';
        serialize_field(f, at, out);
        out += ' ';
    });
    out += '}';
}

} // namespace

model::Expr make_expr(ParseTree& tree, Node* node, const ExprContext& context) {
    model::Expr expr;
    // Packed before the canonical rewrite changes the tree in place.
    expr.defer_sql([packed = pack_expr(node)]() { return deparse_packed_expr(packed); });
    canonical_rewrite(tree, node, context);
    expr.canon = canonical_text(&node->base);
    return expr;
}

void canonical_rewrite(ParseTree& tree, Node* node, const ExprContext& context) { Rewriter{tree, context}.run(node); }

std::string canonical_text(const ProtobufCMessage* message) {
    std::string out;
    serialize(message, out);
    return out;
}

} // namespace pgshape::parser
