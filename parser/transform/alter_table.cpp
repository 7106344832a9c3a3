#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "parser/canonical_expr.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {

model::Column& column_of(StatementContext& ctx, model::Table& table, const char* name) {
    for (auto& c : table.columns)
        if (c.name == name) return c;
    ctx.fail(-1, fmt::format("column {} of table {} is not defined", name, model::display(table.name)));
}

namespace {

// DROP COLUMN [IF EXISTS]: the file's table ends without the column (a
// sequence the column owns, as a serial's, goes with it, as in
// PostgreSQL). Keys, checks and indexes are read after every column
// statement, so one that names the column is reported as naming a column
// that is not defined.
void drop_column(StatementContext& ctx, model::Table& table, const PgQuery__AlterTableCmd* cmd) {
    if (table.partition_of)
        ctx.fail(-1, fmt::format("cannot drop column {} of partition {}", cmd->name, model::display(table.name)),
                 "a partition's columns are its parent's: drop it from the partitioned table");
    const auto it = std::find_if(table.columns.begin(), table.columns.end(), [&](const auto& c) { return c.name == cmd->name; });
    if (it == table.columns.end()) {
        if (cmd->missing_ok) return;
        ctx.fail(-1, fmt::format("column {} of table {} is not defined", cmd->name, model::display(table.name)),
                 table.inherits.empty() ? "DROP COLUMN IF EXISTS drops it only where it is there"
                                       : "an inherited column is dropped from the parent that declares it");
    }
    std::erase_if(ctx.builder.model.sequences, [&](const auto& entry) {
        const auto& owner = entry.second.owned_by;
        return owner && owner->table == table.name && owner->column == cmd->name;
    });
    table.columns.erase(it);
}

// SET (name = value, ...) adds or replaces; RESET (name, ...) removes.
void set_options(StatementContext& ctx, model::StorageOptions& options, const PgQuery__AlterTableCmd* cmd, bool reset) {
    const auto* list = cmd->def->list;
    if (reset) {
        for (std::size_t i = 0; i < list->n_items; ++i) {
            const std::string name = list->items[i]->def_elem->defname;
            std::erase_if(options, [&](const auto& o) { return o.first == name; });
        }
        return;
    }
    for (auto& [name, value] : read_storage_options(ctx, list->items, list->n_items, OptionNamespaces::refuse)) {
        std::erase_if(options, [&](const auto& o) { return o.first == name; });
        options.emplace_back(name, value);
    }
    std::sort(options.begin(), options.end());
}

// ALTER INDEX i SET|RESET (...): once every index is read. ALTER INDEX
// parent ATTACH PARTITION child: once every key is known too.
void transform_alter_index(StatementContext& ctx, PgQuery__AlterTableStmt* stmt) {
    const model::QualifiedName name = ctx.builder.name_of(stmt->relation);
    bool options = false;
    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
        const auto* cmd = stmt->cmds[i]->alter_table_cmd;
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition) {
            options = true;
            continue;
        }
        const auto* child = cmd->def->partition_cmd->name;
        ctx.builder.index_attachments.push_back({name, ctx.builder.name_of(child), ctx.at(child->location)});
    }
    if (!options) return;
    ctx.builder.defer(ctx.at(stmt->relation->location), [ctx, stmt, name]() mutable {
        auto it = ctx.builder.model.indexes.find(name);
        if (it == ctx.builder.model.indexes.end())
            ctx.fail(stmt->relation->location, fmt::format("index {} is not defined", model::display(name)));
        for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
            const auto* cmd = stmt->cmds[i]->alter_table_cmd;
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions) set_options(ctx, it->second.options, cmd, false);
            else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions) set_options(ctx, it->second.options, cmd, true);
            else if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition)
                ctx.fail(-1, "only ALTER INDEX ... SET (...), RESET (...) and ATTACH PARTITION are supported in schema files");
        }
    });
}

// ALTER VIEW v ALTER COLUMN c SET DEFAULT ... | DROP DEFAULT, once the
// views are read. A default is compared in the column's type where the
// view's query makes it known (a column of a table or view, a cast).
void transform_alter_view(StatementContext& ctx, PgQuery__AlterTableStmt* stmt) {
    const model::QualifiedName name = ctx.builder.name_of(stmt->relation);
    auto it = ctx.builder.model.views.find(name);
    if (it == ctx.builder.model.views.end() || it->second.materialized)
        ctx.fail(stmt->relation->location, fmt::format("view {} is not defined", model::display(name)));
    auto& view = it->second;
    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
        auto* cmd = stmt->cmds[i]->alter_table_cmd;
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner) continue;  // owners: ALTER ... OWNER TO elsewhere
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault)
            ctx.fail(-1, "this ALTER VIEW subcommand is not supported in schema files",
                     "supported: ALTER COLUMN SET/DROP DEFAULT; write the view's query, options and name as they should be");
        const auto column = std::find_if(view.columns.begin(), view.columns.end(),
                                         [&](const model::ViewColumn& c) { return c.name == cmd->name; });
        if (column == view.columns.end())
            ctx.fail(-1, fmt::format("column {} of view {} is not defined", cmd->name, model::display(name)));
        if (!cmd->def) {
            view.column_defaults.erase(cmd->name);
            continue;
        }
        const model::TypeRef* type = column->type ? &*column->type : nullptr;
        view.column_defaults.insert_or_assign(cmd->name, make_expr(ctx.tree, cmd->def, ctx.expr_context(nullptr, type)));
    }
}

} // namespace

// ALTER TABLE in a schema file describes the desired state: the subcommands
// that state something about the schema are folded into the model.
void transform_alter_table(StatementContext& ctx, PgQuery__AlterTableStmt* stmt, AlterTablePart part) {
    // ALTER TABLE|SEQUENCE|VIEW ... OWNER TO only (pg_dump writes all three,
    // and ALTER TABLE for sequences too): owners are not managed.
    bool owner_only = stmt->n_cmds > 0;
    for (std::size_t i = 0; i < stmt->n_cmds; ++i)
        owner_only = owner_only && stmt->cmds[i]->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner;
    if (owner_only) return;
    if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
        if (part == AlterTablePart::constraints) transform_alter_index(ctx, stmt);
        return;
    }
    if (stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW) {
        if (part == AlterTablePart::constraints) transform_alter_view(ctx, stmt);
        return;
    }
    if (stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        ctx.fail(-1, "only ALTER TABLE, ALTER INDEX ... SET|RESET (...) and ALTER VIEW ... ALTER COLUMN SET|DROP DEFAULT "
                     "are supported here");
    // pg_dump writes a view's column defaults as ALTER TABLE ONLY v ALTER
    // COLUMN c SET DEFAULT ..., which PostgreSQL takes for ALTER VIEW. Views
    // are read after the columns pass; a name that is neither a table nor a
    // view is the table error below.
    bool column_defaults_only = true;
    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
        const auto subtype = stmt->cmds[i]->alter_table_cmd->subtype;
        column_defaults_only = column_defaults_only && (subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault ||
                                                        subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner);
    }
    if (const auto name = ctx.builder.name_of(stmt->relation); column_defaults_only && !ctx.builder.model.tables.count(name)) {
        if (part == AlterTablePart::columns) return;
        if (ctx.builder.model.views.count(name)) return transform_alter_view(ctx, stmt);
    }
    auto& table = ctx.builder.table(ctx.builder.name_of(stmt->relation), ctx.at(stmt->relation->location));
    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
        auto* cmd = stmt->cmds[i]->alter_table_cmd;
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner) continue;  // owners are not managed
        const bool is_constraint = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint ||
                                   cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint;
        if (is_constraint != (part == AlterTablePart::constraints)) continue;
        if (!table.inherits.empty() && record_inherited_column_option(ctx, table, cmd)) continue;
        switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
            // ALTER TABLE ONLY parent ADD PRIMARY KEY|UNIQUE: the key's index
            // is the parent's alone, until partitions' keys are attached.
            const auto type = cmd->def->constraint->contype;
            const bool only = !stmt->relation->inh && table.partition_by &&
                              (type == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || type == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE);
            std::set<model::ConstraintKey> before;
            if (only)
                for (auto it = ctx.builder.model.constraints.lower_bound({table.name, ""});
                     it != ctx.builder.model.constraints.end() && it->first.table == table.name; ++it)
                    before.insert(it->first);
            add_table_constraint(ctx, table, cmd->def->constraint, "", ConstraintSource::alter_table);
            if (only)
                for (auto it = ctx.builder.model.constraints.lower_bound({table.name, ""});
                     it != ctx.builder.model.constraints.end() && it->first.table == table.name; ++it)
                    if (!before.count(it->first)) ctx.builder.only_keys.insert(it->first);
            break;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
            ctx.builder.validations.push_back({{table.name, cmd->name}, ctx.here()});
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
            attach_partition(ctx, table, cmd->def->partition_cmd);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
            auto* def = cmd->def->column_def;
            add_column(ctx, table, def);
            apply_column_constraints(ctx, table, def);
            break;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
            drop_column(ctx, table, cmd);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: {
            auto& column = column_of(ctx, table, cmd->name);
            // SET DEFAULT NULL: PostgreSQL stores no default, as for DROP DEFAULT.
            if (cmd->def && !is_null_constant(cmd->def))
                column.default_value = make_expr(ctx.tree, cmd->def, ctx.expr_context(&table.columns, &column.type));
            else column.default_value.reset();
            break;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
            auto& column = column_of(ctx, table, cmd->name);
            if (column.identity != model::Identity::none)
                ctx.fail(-1, fmt::format("column {} of table {} is an identity column already", column.name,
                                         model::display(table.name)),
                         "declare the identity once");
            if (column.default_value || column.generated)
                ctx.fail(-1, fmt::format("column {} of table {} has a default, and an identity column cannot have one",
                                         column.name, model::display(table.name)),
                         "drop the DEFAULT: the identity gives the column its values");
            set_identity(ctx, column, cmd->def->constraint);
            break;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
            column_of(ctx, table, cmd->name).not_null = true;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
            column_of(ctx, table, cmd->name).not_null = false;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
            if (table.partition_by) ctx.fail(-1, "a partitioned table has no storage parameters: set them on each partition");
            set_options(ctx, table.options, cmd, cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
            table.unlogged = false;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
            table.unlogged = true;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
            set_trigger_firing_later(ctx, table.name, cmd->name, model::TriggerFiring::enabled);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
            set_trigger_firing_later(ctx, table.name, cmd->name, model::TriggerFiring::disabled);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
            set_trigger_firing_later(ctx, table.name, cmd->name, model::TriggerFiring::replica);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
            set_trigger_firing_later(ctx, table.name, cmd->name, model::TriggerFiring::always);
            break;
        default:
            if (apply_table_property(ctx, table, cmd)) break;
            ctx.fail(-1, "this ALTER TABLE subcommand is not supported in schema files",
                     "supported: ADD CONSTRAINT, VALIDATE CONSTRAINT, ADD COLUMN, DROP COLUMN, ATTACH PARTITION, ALTER COLUMN SET/DROP DEFAULT, SET/DROP NOT NULL, ADD GENERATED ... AS IDENTITY, "
                     "SET (...), RESET (...), SET LOGGED/UNLOGGED, ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER name, ENABLE/DISABLE/[NO] FORCE ROW LEVEL SECURITY, "
                     "REPLICA IDENTITY, CLUSTER ON, SET WITHOUT CLUSTER, ALTER COLUMN SET STATISTICS");
        }
    }
}

} // namespace pgshape::parser
