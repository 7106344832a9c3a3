// CREATE [OR REPLACE] FUNCTION / PROCEDURE into the model, in the form
// pg_get_functiondef() gives back: parameter and return types without
// modifiers, PostgreSQL's defaults filled in, the body trimmed.
#include <set>

#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "parser/canonical_expr.hpp"
#include "parser/canonical_type.hpp"
#include "parser/transform/function_body.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// Settings whose value is a list of identifiers: PostgreSQL quotes each
// element as an identifier when it stores them (GUC_LIST_QUOTE).
bool is_identifier_list(const std::string& name) {
    return name == "search_path" || name == "temp_tablespaces" || name == "session_preload_libraries" ||
           name == "local_preload_libraries" || name == "shared_preload_libraries";
}

model::ArgMode arg_mode(PgQuery__FunctionParameterMode mode) {
    switch (mode) {
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT: return model::ArgMode::out;
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT: return model::ArgMode::inout;
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC: return model::ArgMode::variadic;
    case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE: return model::ArgMode::table;
    default: return model::ArgMode::in;
    }
}

// A boolean option: Boolean node (PostgreSQL 15) or Integer.
bool bool_arg(const Node* arg) {
    if (!arg) return true;
    if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return arg->boolean->boolval;
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival != 0;
    return true;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// SET name = value as pg_proc.proconfig keeps it: "value" or, for lists,
// "a, b" with identifiers quoted as needed.
void add_setting(StatementContext& ctx, model::Function& fn, const PgQuery__VariableSetStmt* set, int location) {
    const std::string name = set->name ? set->name : "";
    switch (set->kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: break;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
        fn.settings.erase(name);
        return;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT:
        ctx.fail(location, fmt::format("SET {} FROM CURRENT is not supported in schema files", name),
                 "it stores the value of the session that loads the file: write the value itself");
    default:
        ctx.fail(location, "this SET clause is not supported in a function definition");
    }
    std::string value;
    for (std::size_t i = 0; i < set->n_args; ++i) {
        const Node* arg = set->args[i];
        std::string item;
        if (arg->node_case == PG_QUERY__NODE__NODE_A_CONST) {
            const auto* c = arg->a_const;
            if (c->val_case == PG_QUERY__A__CONST__VAL_SVAL) item = c->sval->sval;
            else if (c->val_case == PG_QUERY__A__CONST__VAL_IVAL) item = std::to_string(c->ival->ival);
            else if (c->val_case == PG_QUERY__A__CONST__VAL_FVAL) item = c->fval->fval;
            else if (c->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL) item = c->boolval->boolval ? "on" : "off";
            else ctx.fail(location, fmt::format("SET {}: this value is not supported", name));
        } else {
            ctx.fail(location, fmt::format("SET {}: only plain values are supported", name));
        }
        if (is_identifier_list(name)) item = model::quote_ident(item);
        value += (i ? ", " : "") + item;
    }
    fn.settings[name] = value;
}

} // namespace

model::TypeRef routine_parameter_type(StatementContext& ctx, const PgQuery__TypeName* tn) {
    model::TypeRef type;
    if (tn->pct_type) {
        const auto names = name_list(tn->names, tn->n_names);
        if (names.size() < 2) ctx.fail(tn->location, "%TYPE needs table.column");
        const model::QualifiedName table_name{names.size() >= 3 ? names[names.size() - 3] : "public",
                                              names[names.size() - 2]};
        const auto& table = ctx.builder.table(table_name, ctx.at(tn->location));
        const auto* column = table.find_column(names.back());
        if (!column)
            ctx.fail(tn->location, fmt::format("column {} of table {} is not defined", names.back(),
                                               model::display(table_name)));
        type = column->type;
        type.is_array = type.is_array || tn->n_array_bounds > 0;
    } else {
        type = canonical_type(tn).type;
    }
    type.modifiers.clear();
    if (type.schema.empty() && type.name.rfind("interval", 0) == 0) type.name = "interval";
    return type;
}

namespace {

// What a function without RETURNS returns: its one OUT parameter's type, or
// a record of several.
std::optional<model::TypeRef> implied_return(const model::Function& fn) {
    std::optional<model::TypeRef> out;
    int outputs = 0;
    for (const auto& a : fn.args) {
        if (a.mode != model::ArgMode::out && a.mode != model::ArgMode::inout) continue;
        if (++outputs == 1) out = a.type;
    }
    if (outputs > 1) out = model::TypeRef{"", "record", "", false};
    return out;
}

void apply_option(StatementContext& ctx, model::Function& fn, const PgQuery__DefElem* def, bool& cost_set,
                  bool& rows_set, int& body_location) {
    const std::string opt = def->defname;
    const Node* arg = def->arg;
    auto number = [&]() -> double {
        if (arg && arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival;
        if (arg && arg->node_case == PG_QUERY__NODE__NODE_FLOAT) return std::stod(arg->float_->fval);
        ctx.fail(def->location, fmt::format("{} needs a number", opt));
    };
    if (opt == "as") {
        const auto parts = name_list(arg->list->items, arg->list->n_items);
        fn.body.text = parts.back();
        if (parts.size() == 2) fn.object_file = parts.front();
        body_location = def->location;
    } else if (opt == "language") {
        fn.language = lower(std::string(str_value(arg)));
    } else if (opt == "volatility") {
        const auto v = str_value(arg);
        fn.volatility = v == "immutable" ? model::Volatility::immutable
                        : v == "stable"  ? model::Volatility::stable
                                         : model::Volatility::volatile_;
    } else if (opt == "strict") {
        fn.strict = bool_arg(arg);
    } else if (opt == "security") {
        fn.security_definer = bool_arg(arg);
    } else if (opt == "leakproof") {
        fn.leakproof = bool_arg(arg);
    } else if (opt == "parallel") {
        const auto v = str_value(arg);
        fn.parallel = v == "safe"         ? model::ParallelSafety::safe
                      : v == "restricted" ? model::ParallelSafety::restricted
                                          : model::ParallelSafety::unsafe;
    } else if (opt == "cost") {
        fn.cost = number();
        cost_set = true;
    } else if (opt == "rows") {
        fn.rows = number();
        rows_set = true;
    } else if (opt == "set") {
        add_setting(ctx, fn, arg->variable_set_stmt, def->location);
    } else {
        ctx.fail(def->location, fmt::format("function option {} is not supported yet", lower(opt)),
                 "supported: LANGUAGE, AS, IMMUTABLE/STABLE/VOLATILE, STRICT, SECURITY DEFINER, LEAKPROOF, "
                 "PARALLEL, COST, ROWS, SET");
    }
}

// RETURN expr: an expression over the parameters, compared in canonical
// form. PostgreSQL prints a parameter as fname.param where a FROM clause
// could make it ambiguous; the plain name means the same.
void set_standard_body(StatementContext& ctx, model::Function& fn, Node* expr) {
    collect_node_references(fn, expr);
    std::vector<model::Column> parameters;
    for (const auto& a : fn.args) {
        model::Column c;
        c.name = a.name;
        c.type = a.type;
        parameters.push_back(std::move(c));
    }
    for_each_node(&expr->base, [&](Node* node) {
        if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
        auto* ref = node->column_ref;
        if (ref->n_fields != 2 || str_value(ref->fields[0]) != fn.name.name) return;
        const auto param = str_value(ref->fields[1]);
        for (const auto& a : fn.args)
            if (!a.name.empty() && a.name == param) {
                ref->fields += 1;
                ref->n_fields = 1;
                return;
            }
    });
    const auto canonical = make_expr(ctx.tree, expr, ctx.expr_context(&parameters));
    fn.body.text = canonical.sql();
    fn.body.canon = canonical.canon;
    fn.body.sql_standard = true;
}

} // namespace

void transform_create_function(StatementContext& ctx, PgQuery__CreateFunctionStmt* stmt) {
    model::Function fn;
    const auto names = name_list(stmt->funcname, stmt->n_funcname);
    fn.name = {names.size() >= 2 ? names[names.size() - 2] : "public", names.back()};
    fn.kind = stmt->is_procedure ? model::RoutineKind::procedure : model::RoutineKind::function;
    const char* what = stmt->is_procedure ? "procedure" : "function";
    const bool atomic = stmt->sql_body && stmt->sql_body->node_case != PG_QUERY__NODE__NODE_RETURN_STMT;
    for (std::size_t i = 0; i < stmt->n_parameters; ++i) {
        const auto* p = stmt->parameters[i]->function_parameter;
        model::FunctionArg arg;
        arg.name = p->name ? p->name : "";
        arg.mode = arg_mode(p->mode);
        arg.type = routine_parameter_type(ctx, p->arg_type);
        if (p->defexpr) arg.default_value = make_expr(ctx.tree, p->defexpr, ctx.expr_context(nullptr, &arg.type));
        fn.args.push_back(std::move(arg));
    }
    bool cost_set = false, rows_set = false;
    int body_location = -1;
    for (std::size_t i = 0; i < stmt->n_options; ++i)
        apply_option(ctx, fn, stmt->options[i]->def_elem, cost_set, rows_set, body_location);
    if (stmt->sql_body && fn.language.empty()) fn.language = "sql";
    if (stmt->sql_body && !atomic) set_standard_body(ctx, fn, stmt->sql_body->return_stmt->returnval);
    if (fn.language.empty()) ctx.fail(-1, fmt::format("{} {} has no LANGUAGE", what, model::display(fn.name)));
    if (stmt->return_type && fn.kind == model::RoutineKind::function) {
        fn.returns = routine_parameter_type(ctx, stmt->return_type);
        fn.returns_set = stmt->return_type->setof;
    } else if (fn.kind == model::RoutineKind::function) {
        fn.returns = implied_return(fn);
        if (!fn.returns) ctx.fail(-1, fmt::format("function {} has no RETURNS and no OUT parameters", model::display(fn.name)));
    }
    // PostgreSQL's defaults, so that a function written without them equals
    // the catalog's, which names them only when they differ.
    if (!cost_set) fn.cost = fn.language == "c" || fn.language == "internal" ? 1 : 100;
    if (!rows_set && fn.returns_set) fn.rows = 1000;
    if (fn.language == "sql" && !fn.body.sql_standard) collect_body_references(ctx, fn, body_location);

    auto& builder = ctx.builder;
    builder.require_schema(fn.name.schema, ctx.here());
    const auto key = fn.key();
    const std::string id = "routine " + model::display(key);
    if (builder.model.functions.count(key)) {
        std::string help;
        auto prior = builder.defined_at.find(id);
        if (prior != builder.defined_at.end() && prior->second.file) {
            const auto pos = line_col(prior->second.file->text, prior->second.offset);
            help = fmt::format("first defined at {}:{}:{}", prior->second.file->path, pos.line, pos.col);
        }
        ctx.fail(-1, fmt::format("{} {} is defined twice", what, model::display(key)), help);
    }
    builder.defined_at[id] = ctx.here();
    builder.model.functions.emplace(key, std::move(fn));
    if (atomic) register_atomic_body(ctx, key, stmt->sql_body);
}

} // namespace pgshape::parser
