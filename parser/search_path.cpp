#include "parser/search_path.hpp"

#include <deque>
#include <set>
#include <string_view>
#include <utility>

#include "engine/model/partition_copies.hpp"
#include "engine/model/sql_text.hpp"
#include "parser/canonical_type.hpp"
#include "parser/view_query_detail.hpp"

namespace pgshape::parser {
namespace {

using Key = std::pair<std::string, std::string>;  // schema, name

// What the files define, by schema: the names a reference may resolve to.
struct Defined {
    std::set<Key> relations;  // tables, views, sequences, indexes, composite types
    std::set<Key> types;
    std::set<Key> functions;
    std::set<Key> collations;
};

// A statement written under a search_path other than public's.
struct PathStatement {
    ParseTree* tree;
    Node* stmt;
    const std::vector<std::string>* path;
};

// [name] (or [table, name]) → [schema, ...], in the tree's arena.
void prepend_schema(ParseTree& tree, Node**& items, std::size_t& n, const std::string& schema) {
    auto** out = static_cast<Node**>(tree.allocate(sizeof(Node*) * (n + 1)));
    out[0] = detail::make_string_node(tree, schema);
    for (std::size_t i = 0; i < n; ++i) out[i + 1] = items[i];
    items = out;
    ++n;
}

bool is_default_path(const std::vector<std::string>& path) {
    for (const auto& schema : path)
        if (schema != "public" && schema != "pg_catalog") return false;
    return true;
}

class Qualifier {
public:
    Qualifier(ParseTree& tree, const std::vector<std::string>& path, const Defined& defined)
        : m_tree(tree), m_path(path), m_defined(defined) {
        // Objects are created in the path's first schema (pgshape leaves
        // public's names bare, and nothing is created in pg_catalog).
        if (!path.empty() && path[0] != "public" && path[0] != "pg_catalog") m_create_in = path[0];
    }

    const std::string& create_in() const { return m_create_in; }

    // The first schema of the path (pg_catalog aside) whose objects of
    // `kind` include `name`; empty when none (or public: bare means public).
    std::string resolve(const std::set<Key>& kind, std::string_view name) const {
        for (const auto& schema : m_path) {
            if (schema == "pg_catalog") continue;
            if (kind.count({schema, std::string(name)})) return schema == "public" ? std::string() : schema;
        }
        return {};
    }

    // The schema to write before the bare name `name` of `kind` (empty: none).
    // `ddl`: the statement acts on the object, so one the files do not
    // define belongs to the first schema.
    std::string schema_for(const std::set<Key>& kind, std::string_view name, bool ddl) const {
        std::string schema = resolve(kind, name);
        if (schema.empty() && ddl && !kind.count({"public", std::string(name)})) schema = m_create_in;
        return schema;
    }

    // A bare name list of `kind` (or [name, member] when `tail` is 1).
    void qualify_list(Node**& items, std::size_t& n, const std::set<Key>& kind, bool ddl, std::size_t tail = 0) {
        if (n != 1 + tail) return;
        if (const auto schema = schema_for(kind, str_value(items[0]), ddl); !schema.empty())
            prepend_schema(m_tree, items, n, schema);
    }

    void qualify_list_node(Node* node, const std::set<Key>& kind, bool ddl, std::size_t tail = 0) {
        if (node && node->node_case == PG_QUERY__NODE__NODE_LIST)
            qualify_list(node->list->items, node->list->n_items, kind, ddl, tail);
    }

    // 'name' in nextval('name') or 'name'::regclass.
    void qualify_relation_literal(Node* node) {
        if (!node || node->node_case != PG_QUERY__NODE__NODE_A_CONST || node->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
            return;
        std::string_view text = node->a_const->sval->sval;
        if (text.find('.') != std::string_view::npos || text.find('"') != std::string_view::npos) return;
        const std::string schema = resolve(m_defined.relations, text);
        if (!schema.empty())
            node->a_const->sval->sval = detail::arena_string(m_tree, model::quote_ident(schema) + "." + std::string(text));
    }

    void comment(PgQuery__CommentStmt* stmt) {
        switch (stmt->objtype) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
            return qualify_list_node(stmt->object, m_defined.relations, true);
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
        case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
            return qualify_list_node(stmt->object, m_defined.relations, true, 1);
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
            return qualify_list_node(stmt->object, m_defined.collations, true);
        default:
            return;  // types and routines: their TypeName / ObjectWithArgs are visited
        }
    }

    void visit(ProtobufCMessage* m, bool in_query) {
        const ProtobufCMessageDescriptor* d = m->descriptor;
        if (d == &pg_query__select_stmt__descriptor) {
            in_query = true;
        } else if (d == &pg_query__range_var__descriptor) {
            auto* rv = reinterpret_cast<PgQuery__RangeVar*>(m);
            // pg_catalog's tables are named bare in queries; a table a DDL
            // statement acts on is the path's.
            if (!rv->schemaname || !*rv->schemaname)
                if (const auto schema = schema_for(m_defined.relations, rv->relname, !in_query); !schema.empty())
                    rv->schemaname = detail::arena_string(m_tree, schema);
        } else if (d == &pg_query__type_name__descriptor) {
            auto* tn = reinterpret_cast<PgQuery__TypeName*>(m);
            qualify_list(tn->names, tn->n_names, m_defined.types, false);
        } else if (d == &pg_query__func_call__descriptor) {
            auto* call = reinterpret_cast<PgQuery__FuncCall*>(m);
            if (call->n_funcname == 1) {
                const auto name = str_value(call->funcname[0]);
                if ((name == "nextval" || name == "currval" || name == "setval") && call->n_args >= 1)
                    qualify_relation_literal(call->args[0]);
            }
            qualify_list(call->funcname, call->n_funcname, m_defined.functions, false);
        } else if (d == &pg_query__type_cast__descriptor) {
            auto* cast = reinterpret_cast<PgQuery__TypeCast*>(m);
            if (cast->type_name && cast->type_name->n_names >= 1 &&
                str_value(cast->type_name->names[cast->type_name->n_names - 1]) == "regclass")
                qualify_relation_literal(cast->arg);
        } else if (d == &pg_query__collate_clause__descriptor) {
            auto* coll = reinterpret_cast<PgQuery__CollateClause*>(m);
            qualify_list(coll->collname, coll->n_collname, m_defined.collations, false);
        } else if (d == &pg_query__object_with_args__descriptor) {
            auto* obj = reinterpret_cast<PgQuery__ObjectWithArgs*>(m);
            qualify_list(obj->objname, obj->n_objname, m_defined.functions, true);
        } else if (d == &pg_query__create_trig_stmt__descriptor) {
            auto* trig = reinterpret_cast<PgQuery__CreateTrigStmt*>(m);
            qualify_list(trig->funcname, trig->n_funcname, m_defined.functions, true);
        } else if (d == &pg_query__def_elem__descriptor) {
            // OWNED BY table.column of CREATE/ALTER SEQUENCE.
            auto* def = reinterpret_cast<PgQuery__DefElem*>(m);
            if (def->defname && std::string_view(def->defname) == "owned_by")
                qualify_list_node(def->arg, m_defined.relations, true, 1);
        } else if (d == &pg_query__comment_stmt__descriptor) {
            comment(reinterpret_cast<PgQuery__CommentStmt*>(m));
        } else if (d == &pg_query__alter_domain_stmt__descriptor) {
            auto* alter = reinterpret_cast<PgQuery__AlterDomainStmt*>(m);
            qualify_list(alter->type_name, alter->n_type_name, m_defined.types, true);
        } else if (d == &pg_query__alter_enum_stmt__descriptor) {
            auto* alter = reinterpret_cast<PgQuery__AlterEnumStmt*>(m);
            qualify_list(alter->type_name, alter->n_type_name, m_defined.types, true);
        }
        for_each_child_message(m, [&](ProtobufCMessage* child) { visit(child, in_query); });
    }

private:
    ParseTree& m_tree;
    const std::vector<std::string>& m_path;
    const Defined& m_defined;
    std::string m_create_in;
};

// The schema an object a statement creates is named in: its own, else
// the path's first (`create_in`; qualified in place), else public.
std::string created_in(ParseTree& tree, char*& schemaname, const std::string& create_in) {
    if (schemaname && *schemaname) return schemaname;
    if (create_in.empty()) return "public";
    schemaname = detail::arena_string(tree, create_in);
    return create_in;
}

Key created_list(ParseTree& tree, Node**& items, std::size_t& n, const std::string& create_in) {
    if (n == 1 && !create_in.empty()) prepend_schema(tree, items, n, create_in);
    if (n >= 2) return {std::string(str_value(items[n - 2])), std::string(str_value(items[n - 1]))};
    return {"public", n ? std::string(str_value(items[0])) : std::string()};
}

// The sequences a table's serial columns make (<table>_<column>_seq, as
// PostgreSQL names them first): nextval('t_id_seq') may name them.
void define_serial_sequences(const PgQuery__CreateStmt* stmt, const Key& table, Defined& defined) {
    for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
        const Node* elt = stmt->table_elts[i];
        if (elt->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF || !elt->column_def->type_name) continue;
        const auto* col = elt->column_def;
        if (canonical_type(col->type_name).serial == Serial::serial)
            defined.relations.insert({table.first, model::make_object_name(table.second, col->colname, "seq")});
    }
}

// The relation a statement creates (a table, view, materialized view,
// sequence or composite type), or null.
PgQuery__RangeVar* created_relation(Node* stmt) {
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: return stmt->create_stmt->relation;
    case PG_QUERY__NODE__NODE_VIEW_STMT: return stmt->view_stmt->view;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: return stmt->create_table_as_stmt->into->rel;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: return stmt->create_seq_stmt->sequence;
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: return stmt->composite_type_stmt->typevar;
    default: return nullptr;
    }
}

// Qualifies the name of what `stmt` creates (when `create_in` is set) and
// records it.
void define(ParseTree& tree, Node* stmt, const std::string& create_in, Defined& defined) {
    if (auto* rv = created_relation(stmt)) {
        const Key key{created_in(tree, rv->schemaname, create_in), rv->relname};
        defined.relations.insert(key);
        if (stmt->node_case == PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT) defined.types.insert(key);
        if (stmt->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) define_serial_sequences(stmt->create_stmt, key, defined);
        return;
    }
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
        auto* s = stmt->create_enum_stmt;
        defined.types.insert(created_list(tree, s->type_name, s->n_type_name, create_in));
        return;
    }
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
        auto* s = stmt->create_domain_stmt;
        defined.types.insert(created_list(tree, s->domainname, s->n_domainname, create_in));
        return;
    }
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: {
        auto* s = stmt->create_range_stmt;
        defined.types.insert(created_list(tree, s->type_name, s->n_type_name, create_in));
        return;
    }
    case PG_QUERY__NODE__NODE_DEFINE_STMT: {
        auto* s = stmt->define_stmt;
        if (s->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION)
            defined.collations.insert(created_list(tree, s->defnames, s->n_defnames, create_in));
        else if (s->kind == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE)
            defined.types.insert(created_list(tree, s->defnames, s->n_defnames, create_in));
        return;
    }
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
        auto* s = stmt->create_function_stmt;
        defined.functions.insert(created_list(tree, s->funcname, s->n_funcname, create_in));
        return;
    }
    default:
        return;
    }
}

// An index is a relation of its table's schema (ALTER INDEX, COMMENT ON
// INDEX name it).
void define_index(Node* stmt, const Qualifier* qualifier, Defined& defined) {
    if (stmt->node_case != PG_QUERY__NODE__NODE_INDEX_STMT || !stmt->index_stmt->idxname) return;
    const auto* rv = stmt->index_stmt->relation;
    std::string schema = rv->schemaname && *rv->schemaname ? rv->schemaname : "";
    if (schema.empty() && qualifier) schema = qualifier->schema_for(defined.relations, rv->relname, true);
    defined.relations.insert({schema.empty() ? "public" : schema, stmt->index_stmt->idxname});
}

} // namespace

std::optional<std::vector<std::string>> search_path_of(const Node* stmt) {
    if (stmt->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) return std::nullopt;
    const auto* set = stmt->variable_set_stmt;
    if (!set->name || std::string_view(set->name) != "search_path") return std::nullopt;
    if (set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT || set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET)
        return std::vector<std::string>{"public"};
    if (set->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE) return std::nullopt;
    std::vector<std::string> path;
    for (std::size_t i = 0; i < set->n_args; ++i) {
        const Node* arg = set->args[i];
        if (arg->node_case != PG_QUERY__NODE__NODE_A_CONST || arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
            return std::nullopt;
        const std::string schema = arg->a_const->sval->sval;
        if (schema.empty() && set->n_args == 1) return path;  // '': pg_dump's, every name qualified
        if (schema.empty() || schema.find(',') != std::string::npos) return std::nullopt;
        if (schema != "$user") path.push_back(schema);
    }
    return path;
}

bool qualify_search_path_names(const std::vector<const ParsedSource::Piece*>& pieces) {
    // Each file starts with PostgreSQL's default path, as psql -f runs it.
    std::deque<std::vector<std::string>> paths;  // a deque: PathStatement points into it
    std::vector<PathStatement> pathed;
    std::vector<std::pair<ParseTree*, Node*>> plain;
    const SourceFile* file = nullptr;
    const std::vector<std::string>* path = nullptr;
    for (const auto* piece : pieces) {
        if (piece->file != file) file = piece->file, path = nullptr;
        ParseTree& tree = *piece->tree;
        for (std::size_t i = 0; i < tree.size(); ++i) {
            Node* stmt = tree.stmt(i).stmt;
            if (auto set = search_path_of(stmt)) {
                path = is_default_path(*set) ? nullptr : &paths.emplace_back(std::move(*set));
                continue;
            }
            if (path) pathed.push_back({&tree, stmt, path});
            else plain.emplace_back(&tree, stmt);
        }
    }
    if (pathed.empty()) return false;

    Defined defined;
    for (auto& [tree, stmt] : plain) define(*tree, stmt, "", defined);
    std::vector<Qualifier> qualifiers;
    qualifiers.reserve(pathed.size());
    for (auto& p : pathed) {
        const auto& q = qualifiers.emplace_back(*p.tree, *p.path, defined);
        define(*p.tree, p.stmt, q.create_in(), defined);
    }
    for (auto& [tree, stmt] : plain) define_index(stmt, nullptr, defined);
    for (std::size_t i = 0; i < pathed.size(); ++i) define_index(pathed[i].stmt, &qualifiers[i], defined);
    for (std::size_t i = 0; i < pathed.size(); ++i) qualifiers[i].visit(&pathed[i].stmt->base, false);
    return true;
}

} // namespace pgshape::parser
