// Name resolution in a view's SELECT, scope by scope, as PostgreSQL's
// parse analysis does it: which relation each column belongs to, what `*`
// expands to, what each output column is called, what the query reads.
#include "parser/view_query.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "parser/canonical_type.hpp"
#include "parser/view_query_detail.hpp"

namespace pgshape::parser {
namespace {

using model::TypeRef;
using model::ViewColumn;

// One thing in a FROM clause that columns can be qualified with.
struct Item {
    std::string refname;
    std::optional<model::QualifiedName> relation;  // a table or view
    std::vector<ViewColumn> columns;
    bool known = true;  // false: columns unknown offline (a function's)
    int number = 0;     // positional alias
    const ViewColumn* find(std::string_view name) const {
        for (const auto& c : columns)
            if (c.name == name) return &c;
        return nullptr;
    }
};

// A column `*` expands to: of an item, or (item -1) the merged USING column
// of a FULL JOIN, which has no qualifier.
struct StarColumn {
    int item;
    std::string name;
};

struct Cte {
    std::string name;
    std::vector<ViewColumn> columns;
    bool known = true;
};

struct Scope {
    Scope* outer = nullptr;      // enclosing query level, for correlated references
    Scope* cte_outer = nullptr;  // where CTE names not defined here are looked up
    std::vector<Item> items;
    std::vector<StarColumn> star;
    std::map<std::string, int> merged;  // USING columns of joins → item (-1: unqualified)
    std::vector<Cte> ctes;
};

bool is_system_schema(std::string_view schema) { return schema == "pg_catalog" || schema == "information_schema"; }

// Functions whose single output column is named after their alias.
bool scalar_function(std::string_view name) {
    return name == "generate_series" || name == "unnest" || name == "generate_subscripts" || name == "now";
}

class Analyzer {
public:
    Analyzer(ParseTree& tree, const RelationLookup& lookup, const QueryFailure& fail)
        : m_tree(tree), m_lookup(lookup), m_fail(fail) {}

    detail::QueryFacts facts;
    std::set<model::QualifiedName> relations;
    std::set<model::ViewRead> reads;
    std::set<TypeRef> types;
    std::set<model::QualifiedName> functions;
    bool grouped = false;

    // Analyzes one SELECT (or set operation) and returns its output columns.
    std::vector<ViewColumn> select(PgQuery__SelectStmt* s, Scope* outer, Scope* cte_outer, bool leftmost) {
        facts.selects.push_back(s);
        Scope scope;
        scope.outer = outer;
        scope.cte_outer = cte_outer;
        if (s->with_clause) add_ctes(s->with_clause, scope, outer);
        if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
            auto columns = select(s->larg, outer, &scope, leftmost);
            const auto right = select(s->rarg, outer, &scope, false);
            for (std::size_t i = 0; i < columns.size(); ++i)
                if (i >= right.size() || columns[i].type != right[i].type) columns[i].type.reset();
            Scope output;  // ORDER BY of a set operation sees only its output names
            output.outer = outer;
            for (std::size_t i = 0; i < s->n_sort_clause; ++i) walk(s->sort_clause[i], output);
            walk(s->limit_offset, output);
            walk(s->limit_count, output);
            return columns;
        }
        if (s->n_values_lists) {
            std::vector<ViewColumn> columns;
            for (std::size_t i = 0; i < s->n_values_lists; ++i) {
                walk(s->values_lists[i], scope);
                const auto* row = s->values_lists[i]->list;
                while (columns.size() < row->n_items) columns.push_back({"column" + std::to_string(columns.size() + 1), {}, ""});
            }
            return columns;
        }
        for (std::size_t i = 0; i < s->n_from_clause; ++i) {
            auto cols = from_item(s->from_clause[i], scope);
            scope.star.insert(scope.star.end(), cols.begin(), cols.end());
        }
        expand_stars(s, scope);
        std::vector<ViewColumn> columns;
        for (std::size_t i = 0; i < s->n_target_list; ++i) {
            auto* target = s->target_list[i]->res_target;
            walk(target->val, scope);
            ViewColumn column;
            column.name = target->name && *target->name ? target->name : implied_name(target->val);
            column.type = type_of(target->val);
            if (leftmost && !(target->name && *target->name)) facts.implied_names.emplace_back(target, column.name);
            if (!leftmost) facts.unnamed.push_back(target);
            columns.push_back(std::move(column));
        }
        walk(s->where_clause, scope);
        grouped = grouped || s->n_group_clause > 0;
        for (std::size_t i = 0; i < s->n_group_clause; ++i) grouping(s->group_clause[i], s, columns, scope, false);
        walk(s->having_clause, scope);
        for (std::size_t i = 0; i < s->n_window_clause; ++i) walk(s->window_clause[i], scope);
        for (std::size_t i = 0; i < s->n_sort_clause; ++i) grouping(s->sort_clause[i], s, columns, scope, true);
        for (std::size_t i = 0; i < s->n_distinct_clause; ++i) grouping(s->distinct_clause[i], s, columns, scope, true);
        walk(s->limit_offset, scope);
        walk(s->limit_count, scope);
        return columns;
    }

    // One statement of a SQL-standard routine body. `params` holds the
    // routine's parameters as one item named after the routine, outside
    // every query level (a column of the same name wins, as in PostgreSQL).
    void statement(Node* stmt, Scope* params) {
        switch (stmt->node_case) {
        case PG_QUERY__NODE__NODE_SELECT_STMT: select(stmt->select_stmt, params, nullptr, true); return;
        case PG_QUERY__NODE__NODE_INSERT_STMT: return insert(stmt->insert_stmt, params);
        case PG_QUERY__NODE__NODE_RETURN_STMT: {
            Scope scope;
            scope.outer = params;
            walk(stmt->return_stmt->returnval, scope);
            return;
        }
        case PG_QUERY__NODE__NODE_UPDATE_STMT: {
            auto* u = stmt->update_stmt;
            Scope scope = dml_scope(u->with_clause, params);
            const int target = target_item(u->relation, scope);
            for (std::size_t i = 0; i < u->n_from_clause; ++i) from_item(u->from_clause[i], scope);
            for (std::size_t i = 0; i < u->n_target_list; ++i) {
                auto* set = u->target_list[i]->res_target;
                walk(set->val, scope);
                if (set->name) assigned(set->val, scope.items[target], set->name);
            }
            walk(u->where_clause, scope);
            for (std::size_t i = 0; i < u->n_returning_list; ++i) walk(u->returning_list[i], scope);
            return;
        }
        case PG_QUERY__NODE__NODE_DELETE_STMT: {
            auto* d = stmt->delete_stmt;
            Scope scope = dml_scope(d->with_clause, params);
            target_item(d->relation, scope);
            for (std::size_t i = 0; i < d->n_using_clause; ++i) from_item(d->using_clause[i], scope);
            walk(d->where_clause, scope);
            for (std::size_t i = 0; i < d->n_returning_list; ++i) walk(d->returning_list[i], scope);
            return;
        }
        default:
            m_fail(-1,
                   std::string(stmt->node_case == PG_QUERY__NODE__NODE_MERGE_STMT ? "MERGE" : "this statement") +
                       " is not supported in a BEGIN ATOMIC body yet (SELECT, INSERT, UPDATE, DELETE and RETURN are)",
                   "write the body as a string (AS $$ ... $$)");
        }
    }

    // The FIRST output column's name of a scalar subquery, as PostgreSQL names it.
    std::string implied_name(Node* node) {
        auto [name, strength] = figure_name(node);
        return strength > 0 ? name : "?column?";
    }

private:
    ParseTree& m_tree;
    const RelationLookup& m_lookup;
    const QueryFailure& m_fail;
    int m_next_number = 0;

    Scope dml_scope(PgQuery__WithClause* with, Scope* params) {
        Scope scope;
        scope.outer = params;
        if (with) add_ctes(with, scope, params);
        return scope;
    }

    // The table an INSERT, UPDATE or DELETE writes: an item like one in FROM.
    int target_item(PgQuery__RangeVar* relation, Scope& scope) {
        auto* node = m_tree.make(Node(PG_QUERY__NODE__INIT));
        node->node_case = PG_QUERY__NODE__NODE_RANGE_VAR;
        node->range_var = relation;
        from_item(node, scope);
        return static_cast<int>(scope.items.size()) - 1;
    }

    // A literal assigned to a column takes the column's type: the catalog
    // writes 'x'::character varying where the file says 'x'.
    void assigned(Node* value, const Item& target, const std::string& column) {
        if (!value || value->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) return;
        const auto* c = target.find(column);
        const Node* arg = value->type_cast->arg;
        if (c && c->type && arg && arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            canonical_type(value->type_cast->type_name).type == *c->type)
            *value = *arg;
    }

    void insert(PgQuery__InsertStmt* s, Scope* params) {
        Scope scope = dml_scope(s->with_clause, params);
        const Item item = scope.items[target_item(s->relation, scope)];
        PgQuery__SelectStmt* source = s->select_stmt ? s->select_stmt->select_stmt : nullptr;
        if (source) select(source, params, &scope, false);
        // The catalog always writes the column list: the first columns.
        if (s->n_cols == 0 && source) {
            const std::size_t n = source->n_values_lists ? source->values_lists[0]->list->n_items
                                                         : source->n_target_list;
            s->cols = static_cast<Node**>(m_tree.allocate(std::max<std::size_t>(n, 1) * sizeof(Node*)));
            for (std::size_t i = 0; i < n && i < item.columns.size(); ++i) {
                auto* target_column = m_tree.make(PgQuery__ResTarget(PG_QUERY__RES_TARGET__INIT));
                target_column->name = detail::arena_string(m_tree, item.columns[i].name);
                auto* node = m_tree.make(Node(PG_QUERY__NODE__INIT));
                node->node_case = PG_QUERY__NODE__NODE_RES_TARGET;
                node->res_target = target_column;
                s->cols[s->n_cols++] = node;
            }
        }
        if (source && source->n_values_lists)
            for (std::size_t r = 0; r < source->n_values_lists; ++r) {
                auto* row = source->values_lists[r]->list;
                for (std::size_t i = 0; i < row->n_items && i < s->n_cols; ++i)
                    assigned(row->items[i], item, s->cols[i]->res_target->name);
            }
        if (auto* conflict = s->on_conflict_clause) {
            Item excluded = item;  // the row proposed for insertion
            excluded.refname = "excluded";
            excluded.relation.reset();
            excluded.number = ++m_next_number;
            scope.items.push_back(std::move(excluded));
            if (conflict->infer) walk(conflict->infer->where_clause, scope);
            for (std::size_t i = 0; i < conflict->n_target_list; ++i) walk(conflict->target_list[i]->res_target->val, scope);
            walk(conflict->where_clause, scope);
        }
        for (std::size_t i = 0; i < s->n_returning_list; ++i) walk(s->returning_list[i], scope);
    }

    void add_ctes(PgQuery__WithClause* with, Scope& scope, Scope* outer) {
        for (std::size_t i = 0; i < with->n_ctes; ++i) {
            auto* cte = with->ctes[i]->common_table_expr;
            Cte entry{cte->ctename, {}, true};
            for (std::size_t k = 0; k < cte->n_aliascolnames; ++k)
                entry.columns.push_back({std::string(str_value(cte->aliascolnames[k])), {}, ""});
            if (with->recursive) {
                // The recursive term reads the CTE itself.
                entry.known = cte->n_aliascolnames > 0;
                scope.ctes.push_back(entry);
            }
            auto columns = select(cte->ctequery->select_stmt, outer, &scope, true);
            for (std::size_t k = 0; k < columns.size() && k < cte->n_aliascolnames; ++k)
                columns[k].name = str_value(cte->aliascolnames[k]);
            if (with->recursive) scope.ctes.pop_back();
            scope.ctes.push_back({cte->ctename, std::move(columns), true});
        }
    }

    const Cte* find_cte(const Scope& scope, std::string_view name) const {
        for (const Scope* s = &scope; s; s = s->cte_outer)
            for (auto it = s->ctes.rbegin(); it != s->ctes.rend(); ++it)
                if (it->name == name) return &*it;
        return nullptr;
    }

    int add_item(Scope& scope, Item item, PgQuery__Alias** alias_slot) {
        item.number = ++m_next_number;
        facts.aliases.emplace_back(alias_slot, item.number);
        scope.items.push_back(std::move(item));
        return static_cast<int>(scope.items.size()) - 1;
    }

    static void rename_columns(Item& item, const PgQuery__Alias* alias) {
        if (!alias) return;
        for (std::size_t k = 0; k < alias->n_colnames && k < item.columns.size(); ++k)
            item.columns[k].name = str_value(alias->colnames[k]);
    }

    std::vector<StarColumn> star_of(int index, const Scope& scope) {
        std::vector<StarColumn> out;
        for (const auto& c : scope.items[index].columns) out.push_back({index, c.name});
        return out;
    }

    std::vector<StarColumn> from_item(Node* node, Scope& scope) {
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_RANGE_VAR: {
            auto* rv = node->range_var;
            Item item;
            const bool bare = !rv->schemaname || !*rv->schemaname;
            const std::string_view relname = rv->relname;
            std::optional<std::vector<ViewColumn>> columns;
            if (const Cte* cte = bare ? find_cte(scope, relname) : nullptr) {
                item.columns = cte->columns;
                item.known = cte->known;
            } else if (!bare && is_system_schema(rv->schemaname)) {
                // The system catalogs: columns unknown, nothing to depend on.
                // pg_catalog is always searched: written bare, as the catalog does.
                if (std::string_view(rv->schemaname) == "pg_catalog") rv->schemaname = nullptr;
                item.known = false;
            } else if (bare && relname.rfind("pg_", 0) == 0 &&
                       !(columns = m_lookup({"public", rv->relname}, rv->location, Missing::allow))) {
                item.known = false;  // pg_class, pg_stat_activity, ...: a catalog relation
            } else {
                if (bare) rv->schemaname = detail::arena_string(m_tree, "public");
                const model::QualifiedName name{rv->schemaname, rv->relname};
                item.columns = columns ? *columns : *m_lookup(name, rv->location, Missing::fail);
                item.relation = name;
                relations.insert(name);
            }
            item.refname = rv->alias ? rv->alias->aliasname : rv->relname;
            rename_columns(item, rv->alias);
            return star_of(add_item(scope, std::move(item), &rv->alias), scope);
        }
        case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
            auto* sub = node->range_subselect;
            Item item;
            item.columns = select(sub->subquery->select_stmt, sub->lateral ? &scope : scope.outer, &scope, true);
            item.refname = sub->alias ? sub->alias->aliasname : "";
            rename_columns(item, sub->alias);
            return star_of(add_item(scope, std::move(item), &sub->alias), scope);
        }
        case PG_QUERY__NODE__NODE_RANGE_FUNCTION: return function_item(node->range_function, scope);
        case PG_QUERY__NODE__NODE_RANGE_TABLE_SAMPLE: {
            auto* sample = node->range_table_sample;
            auto cols = from_item(sample->relation, scope);
            for (std::size_t i = 0; i < sample->n_args; ++i) walk(sample->args[i], scope);
            walk(sample->repeatable, scope);
            return cols;
        }
        case PG_QUERY__NODE__NODE_JOIN_EXPR: return join_item(node->join_expr, scope);
        default:
            m_fail(-1, "this kind of FROM item is not supported in views yet", "");
            return {};
        }
    }

    std::vector<StarColumn> function_item(PgQuery__RangeFunction* rf, Scope& scope) {
        for (std::size_t i = 0; i < rf->n_functions; ++i) walk(rf->functions[i], scope);
        Item item;
        std::string fname;
        if (rf->n_functions == 1 && rf->functions[0]->list->n_items >= 1) {
            const Node* call = rf->functions[0]->list->items[0];
            if (call->node_case == PG_QUERY__NODE__NODE_FUNC_CALL)
                fname = str_value(call->func_call->funcname[call->func_call->n_funcname - 1]);
        }
        item.refname = rf->alias ? rf->alias->aliasname : fname;
        const bool scalar = rf->n_functions == 1 && !rf->is_rowsfrom && rf->n_coldeflist == 0 && scalar_function(fname);
        if (rf->alias && rf->alias->n_colnames) {
            for (std::size_t k = 0; k < rf->alias->n_colnames; ++k)
                item.columns.push_back({std::string(str_value(rf->alias->colnames[k])), {}, ""});
        } else if (scalar) {
            // PostgreSQL names the column after the alias and writes it out:
            // generate_series(1, 3) g(g).
            item.columns.push_back({item.refname, {}, ""});
            if (!rf->alias) rf->alias = m_tree.make(PgQuery__Alias(PG_QUERY__ALIAS__INIT));
            rf->alias->aliasname = detail::arena_string(m_tree, item.refname);
            auto** names = static_cast<Node**>(m_tree.allocate(sizeof(Node*)));
            names[0] = detail::make_string_node(m_tree, item.refname);
            rf->alias->colnames = names;
            rf->alias->n_colnames = 1;
            if (rf->ordinality) item.known = false;
        } else {
            item.known = false;
        }
        return star_of(add_item(scope, std::move(item), &rf->alias), scope);
    }

    // The item a USING column of `cols` comes from (-1 when it is itself merged).
    static int using_source(const std::vector<StarColumn>& cols, const std::string& name) {
        for (const auto& c : cols)
            if (c.name == name) return c.item;
        return -1;
    }

    std::vector<StarColumn> join_item(PgQuery__JoinExpr* join, Scope& scope) {
        const auto left = from_item(join->larg, scope);
        const auto right = from_item(join->rarg, scope);
        std::vector<std::string> using_names = name_list(join->using_clause, join->n_using_clause);
        if (join->is_natural) {
            for (const auto& l : left)
                if (std::any_of(right.begin(), right.end(), [&](const StarColumn& r) { return r.name == l.name; }))
                    using_names.push_back(l.name);
        }
        std::vector<StarColumn> out;
        for (const auto& name : using_names) {
            int source = -1;
            if (join->jointype == PG_QUERY__JOIN_TYPE__JOIN_INNER || join->jointype == PG_QUERY__JOIN_TYPE__JOIN_LEFT)
                source = using_source(left, name);
            else if (join->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT)
                source = using_source(right, name);
            scope.merged[name] = source;
            out.push_back({source, name});
        }
        auto is_using = [&](const std::string& n) { return std::find(using_names.begin(), using_names.end(), n) != using_names.end(); };
        for (const auto& c : left) if (!is_using(c.name)) out.push_back(c);
        for (const auto& c : right) if (!is_using(c.name)) out.push_back(c);
        walk(join->quals, scope);
        if (join->alias) {
            // A join alias hides nothing pgshape needs: it becomes one more
            // item whose columns are the join's, and it reads all of them.
            Item item;
            item.refname = join->alias->aliasname;
            for (const auto& c : out) {
                const auto* source = c.item >= 0 ? scope.items[c.item].find(c.name) : nullptr;
                item.columns.push_back({c.name, source ? source->type : std::nullopt, ""});
                if (c.item >= 0 && scope.items[c.item].relation) reads.insert({*scope.items[c.item].relation, c.name});
            }
            rename_columns(item, join->alias);
            return star_of(add_item(scope, std::move(item), &join->alias), scope);
        }
        return out;
    }

    Node* column_ref(const std::vector<std::string>& fields, int location) {
        auto* ref = m_tree.make(PgQuery__ColumnRef(PG_QUERY__COLUMN_REF__INIT));
        ref->n_fields = fields.size();
        ref->fields = static_cast<Node**>(m_tree.allocate(fields.size() * sizeof(Node*)));
        for (std::size_t i = 0; i < fields.size(); ++i) ref->fields[i] = detail::make_string_node(m_tree, fields[i]);
        ref->location = location;
        auto* node = m_tree.make(Node(PG_QUERY__NODE__INIT));
        node->node_case = PG_QUERY__NODE__NODE_COLUMN_REF;
        node->column_ref = ref;
        return node;
    }

    Node* target(Node* val) {
        auto* res = m_tree.make(PgQuery__ResTarget(PG_QUERY__RES_TARGET__INIT));
        res->val = val;
        res->location = -1;
        auto* node = m_tree.make(Node(PG_QUERY__NODE__INIT));
        node->node_case = PG_QUERY__NODE__NODE_RES_TARGET;
        node->res_target = res;
        return node;
    }

    static bool is_star(const PgQuery__ColumnRef* ref) {
        return ref->n_fields > 0 && ref->fields[ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR;
    }

    // SELECT * and SELECT t.* become the column lists PostgreSQL stores.
    void expand_stars(PgQuery__SelectStmt* s, Scope& scope) {
        std::vector<Node*> out;
        bool any = false;
        for (std::size_t i = 0; i < s->n_target_list; ++i) {
            Node* node = s->target_list[i];
            const Node* val = node->res_target->val;
            if (!val || val->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || !is_star(val->column_ref)) {
                out.push_back(node);
                continue;
            }
            any = true;
            const auto* ref = val->column_ref;
            std::vector<StarColumn> cols;
            std::vector<int> items;  // what the star covers
            if (ref->n_fields == 1) {
                cols = scope.star;
                for (std::size_t k = 0; k < scope.items.size(); ++k) items.push_back(static_cast<int>(k));
            } else {
                const auto names = name_list(ref->fields, ref->n_fields - 1);
                const int index = find_item(scope, names);
                if (index < 0) m_fail(ref->location, "missing FROM-clause entry for " + join_names(names), "");
                cols = star_of(index, scope);
                items.push_back(index);
            }
            for (const int k : items)
                if (!scope.items[k].known)
                    m_fail(ref->location, "cannot expand * over " + scope.items[k].refname +
                                              ": its columns are not known to pgshape",
                           "list the columns instead of *");
            for (const auto& c : cols) {
                std::vector<std::string> fields;
                if (c.item >= 0) fields.push_back(scope.items[c.item].refname);
                fields.push_back(c.name);
                out.push_back(target(column_ref(fields, ref->location)));
            }
        }
        if (!any) return;
        s->n_target_list = out.size();
        s->target_list = static_cast<Node**>(m_tree.allocate(std::max<std::size_t>(out.size(), 1) * sizeof(Node*)));
        std::copy(out.begin(), out.end(), s->target_list);
    }

    // The item named by a qualifier: [refname] or [schema, relation].
    int find_item(const Scope& scope, const std::vector<std::string>& names) const {
        for (std::size_t i = 0; i < scope.items.size(); ++i) {
            const auto& item = scope.items[i];
            if (names.size() == 1 && item.refname == names[0]) return static_cast<int>(i);
            if (names.size() == 2 && item.relation && item.relation->schema == names[0] &&
                item.relation->name == names[1] && item.refname == names[1])
                return static_cast<int>(i);
        }
        return -1;
    }

    // Rewrites `ref` to [item, column], recording its type and what it reads.
    void qualify(PgQuery__ColumnRef* ref, const Item& item, const std::string& column) {
        Node* fresh = column_ref({item.refname, column}, ref->location);
        ref->fields = fresh->column_ref->fields;
        ref->n_fields = 2;
        facts.qualifiers.emplace_back(ref->fields[0]->string, item.number);
        record(ref, item, column);
    }

    void record(const PgQuery__ColumnRef* ref, const Item& item, const std::string& column) {
        if (item.relation) reads.insert({*item.relation, column});
        if (const auto* c = item.find(column); c && c->type) facts.column_types[ref] = *c->type;
    }

    // An unresolvable name reads that column of every relation in sight.
    void read_conservatively(const Scope& scope, const std::string& column) {
        for (const Scope* s = &scope; s; s = s->outer)
            for (const auto& item : s->items)
                if (item.relation && (!item.known || item.find(column))) reads.insert({*item.relation, column});
    }

    void resolve(PgQuery__ColumnRef* ref, Scope& scope) {
        if (ref->n_fields == 0 || (is_star(ref) && ref->n_fields == 1)) return;
        const bool star = is_star(ref);
        const auto names = name_list(ref->fields, ref->n_fields - (star ? 1 : 0));
        if (!star && names.size() == 1) return resolve_bare(ref, scope, names[0]);
        // qualifier.column, schema.relation.column, qualifier.*
        const std::vector<std::string> qualifier(names.begin(), names.end() - (star ? 0 : 1));
        const std::string column = star ? "*" : names.back();
        for (Scope* s = &scope; s; s = s->outer) {
            const int index = find_item(*s, qualifier);
            if (index < 0) continue;
            const Item& item = s->items[index];
            if (star) {
                ref->fields = ref->fields + (ref->n_fields - 2);  // schema.t.* → t.*
                ref->n_fields = 2;
                ref->fields[0] = detail::make_string_node(m_tree, item.refname);
                facts.qualifiers.emplace_back(ref->fields[0]->string, item.number);
                if (item.relation) reads.insert({*item.relation, "*"});
                return;
            }
            qualify(ref, item, column);
            return;
        }
        // (composite).field or an outer reference pgshape cannot see: leave it.
        if (qualifier.size() == 1) read_conservatively(scope, column);
    }

    void resolve_bare(PgQuery__ColumnRef* ref, Scope& scope, const std::string& column) {
        for (Scope* s = &scope; s; s = s->outer) {
            if (auto it = s->merged.find(column); it != s->merged.end()) {
                if (it->second >= 0) return qualify(ref, s->items[it->second], column);
                return read_conservatively(*s, column);  // merged column of a FULL JOIN
            }
            std::vector<int> matches;
            int unknown = 0;
            for (std::size_t i = 0; i < s->items.size(); ++i) {
                if (!s->items[i].known) ++unknown;
                else if (s->items[i].find(column)) matches.push_back(static_cast<int>(i));
            }
            if (matches.size() == 1) return qualify(ref, s->items[matches[0]], column);
            if (matches.size() > 1) return read_conservatively(*s, column);
            if (unknown == 1 && s->items.size() == 1) return qualify(ref, s->items[0], column);
            if (unknown > 0) return read_conservatively(*s, column);
        }
        // A whole-row reference: `t` for the row of t, which the catalog writes t.*.
        for (Scope* s = &scope; s; s = s->outer) {
            const int index = find_item(*s, {column});
            if (index < 0) continue;
            const Item& item = s->items[index];
            auto** fields = static_cast<Node**>(m_tree.allocate(2 * sizeof(Node*)));
            fields[0] = detail::make_string_node(m_tree, item.refname);
            auto* star = m_tree.make(Node(PG_QUERY__NODE__INIT));
            star->node_case = PG_QUERY__NODE__NODE_A_STAR;
            star->a_star = m_tree.make(PgQuery__AStar(PG_QUERY__A__STAR__INIT));
            fields[1] = star;
            ref->fields = fields;
            ref->n_fields = 2;
            facts.qualifiers.emplace_back(fields[0]->string, item.number);
            if (item.relation) reads.insert({*item.relation, "*"});
            return;
        }
    }

    // GROUP BY / ORDER BY / DISTINCT ON entries: an ordinal or an output
    // name stands for that target's expression, which the catalog writes.
    void grouping(Node* node, PgQuery__SelectStmt* s, const std::vector<ViewColumn>& columns, Scope& scope, bool output_first) {
        if (!node || node->node_case == PG_QUERY__NODE__NODE__NOT_SET) return;
        Node** slot = nullptr;
        Node* holder = node;
        if (node->node_case == PG_QUERY__NODE__NODE_SORT_BY) slot = &node->sort_by->node;
        else slot = &holder;
        Node* expr = *slot;
        int index = -1;
        if (expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
            index = expr->a_const->ival->ival - 1;
        } else if (expr->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && expr->column_ref->n_fields == 1 &&
                   !is_star(expr->column_ref)) {
            const std::string name(str_value(expr->column_ref->fields[0]));
            const bool input = resolves_here(scope, name);
            if (output_first || !input) {
                for (std::size_t i = 0; i < columns.size(); ++i)
                    if (columns[i].name == name) { index = static_cast<int>(i); break; }
            }
        }
        if (index >= 0 && static_cast<std::size_t>(index) < s->n_target_list) {
            Node* copy = detail::clone_node(m_tree, s->target_list[index]->res_target->val);
            walk(copy, scope);  // already qualified: records types and aliases again
            if (slot == &holder) *node = *copy;
            else *slot = copy;
            return;
        }
        walk(node, scope);
    }

    bool resolves_here(const Scope& scope, const std::string& name) const {
        if (scope.merged.count(name)) return true;
        for (const auto& item : scope.items)
            if (!item.known || item.find(name)) return true;
        return false;
    }

    void walk(Node* node, Scope& scope) {
        if (!node) return;
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_COLUMN_REF: return resolve(node->column_ref, scope);
        case PG_QUERY__NODE__NODE_SUB_LINK:
            walk(node->sub_link->testexpr, scope);
            select(node->sub_link->subselect->select_stmt, &scope, &scope, true);
            return;
        case PG_QUERY__NODE__NODE_SELECT_STMT:
            select(node->select_stmt, &scope, &scope, true);
            return;
        case PG_QUERY__NODE__NODE_TYPE_CAST: {
            const auto type = canonical_type(node->type_cast->type_name).type;
            if (!type.schema.empty()) types.insert(type);
            walk(node->type_cast->arg, scope);
            return;
        }
        case PG_QUERY__NODE__NODE_FUNC_CALL: {
            const auto names = name_list(node->func_call->funcname, node->func_call->n_funcname);
            if (names.size() == 1) functions.insert({"", names[0]});
            else if (names.size() == 2 && names[0] != "pg_catalog") functions.insert({names[0], names[1]});
            detail::for_each_child(&node->base, [&](Node* child) { walk(child, scope); });
            return;
        }
        default:
            detail::for_each_child(&node->base, [&](Node* child) { walk(child, scope); });
        }
    }

    std::optional<TypeRef> type_of(const Node* node) const {
        if (!node) return std::nullopt;
        if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
            auto it = facts.column_types.find(node->column_ref);
            if (it != facts.column_types.end()) return it->second;
        }
        if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) return canonical_type(node->type_cast->type_name).type;
        if (node->node_case == PG_QUERY__NODE__NODE_A_CONST && !node->a_const->isnull) {
            // What PostgreSQL types a bare literal in a SELECT list as.
            switch (node->a_const->val_case) {
            case PG_QUERY__A__CONST__VAL_SVAL: return TypeRef{"", "text", "", false};
            case PG_QUERY__A__CONST__VAL_IVAL: return TypeRef{"", "integer", "", false};
            case PG_QUERY__A__CONST__VAL_FVAL: return TypeRef{"", "numeric", "", false};
            case PG_QUERY__A__CONST__VAL_BOOLVAL: return TypeRef{"", "boolean", "", false};
            default: break;
            }
        }
        return std::nullopt;
    }

    // PostgreSQL's FigureColname: the name and how sure it is (0: none).
    std::pair<std::string, int> figure_name(Node* node) {
        if (!node) return {"", 0};
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_COLUMN_REF: {
            const auto* ref = node->column_ref;
            if (ref->n_fields && ref->fields[ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_STRING)
                return {std::string(str_value(ref->fields[ref->n_fields - 1])), 2};
            return {"", 0};
        }
        case PG_QUERY__NODE__NODE_A_INDIRECTION: {
            const auto* ind = node->a_indirection;
            std::string name;
            for (std::size_t i = 0; i < ind->n_indirection; ++i)
                if (ind->indirection[i]->node_case == PG_QUERY__NODE__NODE_STRING) name = str_value(ind->indirection[i]);
            if (!name.empty()) return {name, 2};
            return figure_name(ind->arg);
        }
        case PG_QUERY__NODE__NODE_FUNC_CALL: {
            const auto* call = node->func_call;
            return {std::string(str_value(call->funcname[call->n_funcname - 1])), 2};
        }
        case PG_QUERY__NODE__NODE_A_EXPR:
            if (node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) return {"nullif", 2};
            return {"", 0};
        case PG_QUERY__NODE__NODE_TYPE_CAST: {
            auto inner = figure_name(node->type_cast->arg);
            if (inner.second > 1) return inner;
            const auto* type = node->type_cast->type_name;
            if (type->n_names) return {std::string(str_value(type->names[type->n_names - 1])), 1};
            return inner;
        }
        case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: return figure_name(node->collate_clause->arg);
        case PG_QUERY__NODE__NODE_GROUPING_FUNC: return {"grouping", 2};
        case PG_QUERY__NODE__NODE_SUB_LINK: {
            const auto* link = node->sub_link;
            if (link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK) return {"exists", 2};
            if (link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK) return {"array", 2};
            if (link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK) {
                const auto* sub = link->subselect->select_stmt;
                while (sub->op != PG_QUERY__SET_OPERATION__SETOP_NONE) sub = sub->larg;
                if (sub->n_target_list) {
                    auto* first = sub->target_list[0]->res_target;
                    if (first->name && *first->name) return {first->name, 2};
                    auto inner = figure_name(first->val);
                    if (inner.second > 0) return {inner.first, 2};
                }
            }
            return {"", 0};
        }
        case PG_QUERY__NODE__NODE_CASE_EXPR: return {"case", 1};
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return {"array", 1};
        case PG_QUERY__NODE__NODE_ROW_EXPR: return {"row", 1};
        case PG_QUERY__NODE__NODE_COALESCE_EXPR: return {"coalesce", 2};
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
            return {node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least", 2};
        case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: return {sql_value_name(node->sqlvalue_function->op), 2};
        default: return {"", 0};
        }
    }

    static std::string sql_value_name(PgQuery__SQLValueFunctionOp op) {
        switch (op) {
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE: return "current_date";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N: return "current_time";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N: return "current_timestamp";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N: return "localtime";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N: return "localtimestamp";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE: return "current_role";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER: return "current_user";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER: return "user";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER: return "session_user";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG: return "current_catalog";
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA: return "current_schema";
        default: return "?column?";
        }
    }
};

} // namespace

AnalyzedQuery analyze_view_query(ParseTree& tree, Node* select, const std::vector<std::string>& column_names,
                                 const RelationLookup& lookup, const QueryFailure& fail,
                                 const std::map<model::QualifiedName, model::Domain>* domains) {
    if (select->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) fail(-1, "a view's query must be a SELECT", "");
    Analyzer analyzer(tree, lookup, fail);
    analyzer.facts.domains = domains;
    AnalyzedQuery out;
    out.columns = analyzer.select(select->select_stmt, nullptr, nullptr, true);
    // A column list names the first columns: written into the targets, as
    // the catalog does.
    auto* leftmost = select->select_stmt;
    while (leftmost->op != PG_QUERY__SET_OPERATION__SETOP_NONE) leftmost = leftmost->larg;
    if (column_names.size() > out.columns.size())
        fail(-1, "the view has more column names than its query has columns", "");
    for (std::size_t i = 0; i < column_names.size(); ++i) {
        out.columns[i].name = column_names[i];
        if (i < leftmost->n_target_list)
            leftmost->target_list[i]->res_target->name = detail::arena_string(tree, column_names[i]);
    }
    auto& implied = analyzer.facts.implied_names;
    implied.erase(std::remove_if(implied.begin(), implied.end(),
                                 [](const auto& entry) { return entry.first->name && *entry.first->name; }),
                  implied.end());
    out.query.set_sql(deparse_stmt(select));
    out.query.canon = detail::canonical_query(tree, select, analyzer.facts, out.columns);
    out.relations.assign(analyzer.relations.begin(), analyzer.relations.end());
    out.reads.assign(analyzer.reads.begin(), analyzer.reads.end());
    out.types.assign(analyzer.types.begin(), analyzer.types.end());
    out.functions.assign(analyzer.functions.begin(), analyzer.functions.end());
    out.grouped = analyzer.grouped;
    return out;
}

AnalyzedQuery analyze_routine_statement(ParseTree& tree, Node* stmt, const std::string& routine,
                                        const std::vector<model::ViewColumn>& parameters, const RelationLookup& lookup,
                                        const QueryFailure& fail) {
    Analyzer analyzer(tree, lookup, fail);
    Scope params;
    params.items.push_back({routine, std::nullopt, parameters, true, 0});
    analyzer.statement(stmt, &params);
    auto& implied = analyzer.facts.implied_names;
    implied.erase(std::remove_if(implied.begin(), implied.end(),
                                 [](const auto& entry) { return entry.first->name && *entry.first->name; }),
                  implied.end());
    AnalyzedQuery out;
    out.query.set_sql(stmt->node_case == PG_QUERY__NODE__NODE_RETURN_STMT
                          ? "RETURN " + deparse_expr(stmt->return_stmt->returnval)
                          : deparse_stmt(stmt));
    out.query.canon = detail::canonical_query(tree, stmt, analyzer.facts, out.columns);
    out.relations.assign(analyzer.relations.begin(), analyzer.relations.end());
    out.reads.assign(analyzer.reads.begin(), analyzer.reads.end());
    out.types.assign(analyzer.types.begin(), analyzer.types.end());
    out.functions.assign(analyzer.functions.begin(), analyzer.functions.end());
    return out;
}

} // namespace pgshape::parser
