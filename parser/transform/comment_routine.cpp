// COMMENT ON FUNCTION / PROCEDURE name[(argument types)], and the lookup of
// a routine by such a name that GRANT and ALTER ... OWNER TO share.
#include <fmt/format.h>

#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
model::Function& find_routine(StatementContext& ctx, const PgQuery__ObjectWithArgs* object,
                              std::optional<model::RoutineKind> wanted, const std::string& statement) {
    const auto kind = wanted.value_or(model::RoutineKind::function);
    const auto names = name_list(object->objname, object->n_objname);
    const model::QualifiedName name{names.size() >= 2 ? names[names.size() - 2] : "public", names.back()};
    const char* what = !wanted ? "routine" : kind == model::RoutineKind::procedure ? "procedure" : "function";
    auto& functions = ctx.builder.model.functions;
    model::Function* found = nullptr;
    if (object->args_unspecified) {
        // No argument list: the name must be unique.
        for (auto it = functions.lower_bound({name, {}}); it != functions.end() && it->first.name == name; ++it) {
            if (found) ctx.fail(-1, fmt::format("{} name {} is not unique", what, model::display(name)),
                                fmt::format("name the argument types: {} {} name(type, ...)", statement,
                                            kind == model::RoutineKind::procedure ? "PROCEDURE" : "FUNCTION"));
            found = &it->second;
        }
    } else {
        // With modes (objfuncargs) OUT parameters are left out; a procedure
        // may also be named by all its parameter types.
        model::FunctionKey key{name, {}};
        std::vector<model::TypeRef> all;
        for (std::size_t i = 0; i < object->n_objfuncargs; ++i) {
            const auto* p = object->objfuncargs[i]->function_parameter;
            const auto type = routine_parameter_type(ctx, p->arg_type);
            all.push_back(type);
            if (p->mode != PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT &&
                p->mode != PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
                key.arguments.push_back(type);
        }
        if (object->n_objfuncargs == 0)
            for (std::size_t i = 0; i < object->n_objargs; ++i)
                key.arguments.push_back(routine_parameter_type(ctx, object->objargs[i]->type_name));
        auto it = functions.find(key);
        if (it != functions.end()) {
            found = &it->second;
        } else if (kind == model::RoutineKind::procedure || !wanted) {
            for (auto jt = functions.lower_bound({name, {}}); jt != functions.end() && jt->first.name == name; ++jt) {
                std::vector<model::TypeRef> types;
                for (const auto& a : jt->second.args) types.push_back(a.type);
                if (types == all) found = &jt->second;
            }
        }
        if (!found) ctx.fail(-1, fmt::format("{} {} {}: it is not defined", statement, what, model::display(key)));
    }
    if (!found) ctx.fail(-1, fmt::format("{} {} {}: it is not defined", statement, what, model::display(name)));
    if (wanted && found->kind != kind)
        ctx.fail(-1, fmt::format("{} is a {}", model::display(found->key()),
                                 found->kind == model::RoutineKind::procedure ? "procedure" : "function"));
    return *found;
}

void comment_on_routine(StatementContext& ctx, const PgQuery__ObjectWithArgs* object, model::RoutineKind kind,
                        const model::Comment& text) {
    find_routine(ctx, object, kind, "COMMENT ON").comment = text;
}

} // namespace pgshape::parser
