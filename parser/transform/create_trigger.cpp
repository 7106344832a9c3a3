// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER, ALTER TABLE ... ENABLE/DISABLE
// TRIGGER and COMMENT ON TRIGGER into the model.
#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

// Bits of CreateTrigStmt.timing and .events (PostgreSQL's trigger.h).
constexpr int k_before = 1 << 1;
constexpr int k_insert = 1 << 2;
constexpr int k_delete = 1 << 3;
constexpr int k_update = 1 << 4;
constexpr int k_truncate = 1 << 5;
constexpr int k_instead = 1 << 6;

// Where the function name follows EXECUTE FUNCTION|PROCEDURE in the
// statement (the parse tree keeps no location for it).
Location function_name_location(const StatementContext& ctx) {
    const std::string& text = ctx.file.text;
    std::string lowered;
    const std::size_t end = std::min(text.size(), text.find(';', ctx.offset));
    for (std::size_t i = ctx.offset; i < end; ++i)
        lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    std::size_t at = lowered.rfind("execute");
    if (at == std::string::npos) return ctx.here();
    at += 7;
    auto skip_space = [&] { while (at < lowered.size() && std::isspace(static_cast<unsigned char>(lowered[at]))) ++at; };
    skip_space();
    for (const char* word : {"function", "procedure"})
        if (lowered.compare(at, std::strlen(word), word) == 0) at += std::strlen(word);
    skip_space();
    return {&ctx.file, ctx.offset + at};
}

// The trigger function must be defined in the files, or come from an
// extension installed in its schema (pgshape does not know extensions'
// functions, so any extension there may provide it).
void check_function_later(StatementContext& ctx, const model::TriggerKey& key) {
    auto& builder = ctx.builder;
    const Location where = function_name_location(ctx);
    builder.defer(where, [&builder, key, where] {
        const auto& trigger = builder.model.triggers.at(key);
        const model::FunctionKey fkey{trigger.function, {}};
        auto it = builder.model.functions.find(fkey);
        if (it != builder.model.functions.end()) {
            const auto& fn = it->second;
            if (fn.kind != model::RoutineKind::function || !fn.returns || fn.returns->name != "trigger" ||
                !fn.returns->schema.empty())
                builder.fail(where, fmt::format("function {}() must return type trigger", model::display(trigger.function)));
            return;
        }
        for (const auto& [name, ext] : builder.model.extensions)
            if (ext.schema == trigger.function.schema) return;
        builder.fail(where, fmt::format("function {}() is not defined", model::display(trigger.function)),
                     "define it with CREATE FUNCTION ... RETURNS trigger in one of the schema files");
    });
}

model::TriggerKey trigger_key_of(const std::vector<std::string>& names) {
    const std::size_t n = names.size();
    return {{n >= 3 ? names[n - 3] : "public", names[n - 2]}, names[n - 1]};
}

} // namespace

void transform_create_trigger(StatementContext& ctx, PgQuery__CreateTrigStmt* stmt) {
    auto& builder = ctx.builder;
    const auto relation = builder.name_of(stmt->relation);
    // On a table, or (INSTEAD OF, statement triggers) on a view.
    const model::Table* table = nullptr;
    if (!builder.model.views.count(relation)) {
        if (!builder.model.tables.count(relation))
            ctx.fail(stmt->relation->location, fmt::format("table or view {} is not defined", model::display(relation)),
                     "define it with CREATE TABLE or CREATE VIEW in one of the schema files");
        table = &builder.model.tables.at(relation);
    }
    model::Trigger t;
    t.table = relation;
    t.name = stmt->trigname;
    t.timing = (stmt->timing & k_instead) ? model::TriggerTiming::instead_of
               : (stmt->timing & k_before) ? model::TriggerTiming::before
                                           : model::TriggerTiming::after;
    t.on_insert = stmt->events & k_insert;
    t.on_update = stmt->events & k_update;
    t.on_delete = stmt->events & k_delete;
    t.on_truncate = stmt->events & k_truncate;
    t.update_columns = name_list(stmt->columns, stmt->n_columns);
    for (const auto& c : t.update_columns)
        if (table && !table->find_column(c))
            ctx.fail(-1, fmt::format("column {} of table {} is not defined", c, model::display(relation)));
    std::sort(t.update_columns.begin(), t.update_columns.end());
    t.level = stmt->row ? model::TriggerLevel::row : model::TriggerLevel::statement;
    for (std::size_t i = 0; i < stmt->n_transition_rels; ++i) {
        const auto* rel = stmt->transition_rels[i]->trigger_transition;
        (rel->is_new ? t.new_table : t.old_table) = rel->name;
    }
    if (stmt->when_clause) t.when = make_expr(ctx.tree, stmt->when_clause, ctx.expr_context(table ? &table->columns : nullptr));
    const auto fname = name_list(stmt->funcname, stmt->n_funcname);
    t.function = {fname.size() >= 2 ? fname[fname.size() - 2] : "public", fname.back()};
    t.arguments = name_list(stmt->args, stmt->n_args);
    t.constraint = stmt->isconstraint;
    if (stmt->constrrel) t.from_table = builder.name_of(stmt->constrrel);
    t.deferrable = stmt->deferrable;
    t.initially_deferred = stmt->initdeferred;
    const auto key = t.key();
    if (!builder.model.triggers.emplace(key, std::move(t)).second)
        ctx.fail(-1, fmt::format("trigger {} is defined twice on table {}", key.name, model::display(key.table)));
    check_function_later(ctx, key);
    if (stmt->constrrel) {
        const auto from = *builder.model.triggers.at(key).from_table;
        const Location where = ctx.at(stmt->constrrel->location);
        builder.defer(where, [&builder, from, where] { builder.table(from, where); });
    }
}

void set_trigger_firing_later(StatementContext& ctx, const model::QualifiedName& table, const std::string& trigger,
                              model::TriggerFiring firing) {
    auto& builder = ctx.builder;
    const Location where = ctx.here();
    builder.defer(where, [&builder, key = model::TriggerKey{table, trigger}, firing, where] {
        auto it = builder.model.triggers.find(key);
        if (it == builder.model.triggers.end())
            builder.fail(where, fmt::format("trigger {} on table {} is not defined", key.name, model::display(key.table)));
        it->second.firing = firing;
    });
}

void comment_on_trigger(StatementContext& ctx, const std::vector<std::string>& names, const model::Comment& text) {
    if (names.size() < 2) ctx.fail(-1, "COMMENT ON TRIGGER needs: trigger ON table");
    const auto key = trigger_key_of(names);
    auto it = ctx.builder.model.triggers.find(key);
    if (it == ctx.builder.model.triggers.end())
        ctx.fail(-1, fmt::format("COMMENT ON trigger {} on table {}: it is not defined", key.name, model::display(key.table)));
    it->second.comment = text;
}

} // namespace pgshape::parser
