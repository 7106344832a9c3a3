#include "parser/load.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <optional>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "engine/model/error.hpp"
#include "parser/builder.hpp"
#include "parser/pg_tree.hpp"
#include "parser/search_path.hpp"
#include "parser/statement_cuts.hpp"
#include "parser/transform/transforms.hpp"

namespace pgshape::parser {
namespace {

namespace fs = std::filesystem;

// Statements are applied in passes so that file order never matters:
// user-defined types first (an expression anywhere may cast a domain to
// what it is over), objects next, then columns added or changed by ALTER,
// then views over those columns, then keys, checks and indexes (also on
// materialized views), then comments on all of it.
// With privileges managed, they come last, once every object is known.
enum class Pass { types = 0, create = 1, columns = 2, views = 3, keys = 4, comment = 5, privileges = 6 };

// "CREATE VIEW", "DROP TABLE", ... for the unsupported-statement error.
std::string statement_words(std::string_view text, std::size_t offset) {
    std::string out;
    int words = 0, wanted = 2;
    std::size_t i = offset;
    while (i < text.size() && words < wanted) {
        std::size_t j = i;
        while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
        if (j == i) break;
        if (!out.empty()) out += ' ';
        for (std::size_t k = i; k < j; ++k) out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[k])));
        ++words;
        // CREATE OR REPLACE FUNCTION, CREATE MATERIALIZED VIEW, ...: keep the kind word.
        static const std::set<std::string> k_modifiers = {"OR", "REPLACE", "UNIQUE", "MATERIALIZED", "TEMP", "TEMPORARY",
                                                         "UNLOGGED", "RECURSIVE", "DEFAULT", "EVENT", "CONSTRAINT",
                                                         "FOREIGN", "TRUSTED", "PROCEDURAL", "GLOBAL", "LOCAL"};
        std::string word;
        for (std::size_t k = i; k < j; ++k) word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[k])));
        if (words >= 2 && k_modifiers.count(word)) ++wanted;
        i = j;
        while (i < text.size() && text[i] == ' ') ++i;
    }
    return out;
}

using LoadedFile = ParsedSource::Piece;

// Large files are cut at statement boundaries so that the pieces parse on
// every core; libpg_query keeps its state per thread.
constexpr std::size_t k_piece_bytes = 512 * 1024;

void add_pieces(const SourceFile& file, std::size_t pieces_wanted, std::vector<LoadedFile>& out) {
    if (file.text.size() < 2 * k_piece_bytes || pieces_wanted < 2) {
        out.push_back({&file, 0, file.text.size(), nullptr});
        return;
    }
    std::size_t start = 0;
    for (std::size_t at : statement_cuts(file.text, std::max(k_piece_bytes, file.text.size() / pieces_wanted + 1))) {
        out.push_back({&file, start, at - start, nullptr});
        start = at;
    }
    out.push_back({&file, start, file.text.size() - start, nullptr});
}

// Parses every piece, two or more at a time; the first failure in file order wins.
void parse_pieces(std::vector<LoadedFile>& pieces) {
    const std::size_t threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::optional<ParseFailure>> failures(pieces.size());
    std::vector<std::exception_ptr> errors(pieces.size());  // anything else, rethrown on this thread
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < pieces.size(); i = next++) {
            auto& p = pieces[i];
            try {
                p.tree = std::make_unique<ParseTree>(p.base == 0 && p.length == p.file->text.size()
                                                         ? p.file->text
                                                         : p.file->text.substr(p.base, p.length));
            } catch (const ParseFailure& f) {
                failures[i] = f;
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads && t < pieces.size(); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (errors[i]) std::rethrow_exception(errors[i]);
        if (failures[i])
            throw UserError(format_diagnostic(*pieces[i].file, pieces[i].base + failures[i]->offset, failures[i]->message,
                                              "check the SQL syntax near the caret"));
    }
}

// A set of passes, one bit each: asked of every statement in every pass.
using Passes = unsigned;
constexpr Passes bit(Pass pass) { return 1u << static_cast<unsigned>(pass); }

// The passes a statement takes part in (ALTER TABLE: its column subcommands
// in one, its constraints in the next).
Passes passes_of(const Node* stmt) {
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        return bit(Pass::create);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
        return bit(Pass::types) | bit(Pass::create);
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
        return bit(Pass::types);
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
        return bit(Pass::columns);
    case PG_QUERY__NODE__NODE_DEFINE_STMT:  // CREATE COLLATION only; other kinds are refused
        if (stmt->define_stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION) return bit(Pass::create);
        return {};
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return bit(Pass::columns) | bit(Pass::keys);
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:  // parameter types may name tables (rowtype, %TYPE)
        return bit(Pass::columns);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
        return bit(Pass::views);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:  // only CREATE MATERIALIZED VIEW, not CREATE TABLE AS
        if (stmt->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) return bit(Pass::views);
        return {};
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
    case PG_QUERY__NODE__NODE_INDEX_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:  // UPDATE OF may name columns an ALTER added
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:  // so may USING and WITH CHECK
        return bit(Pass::keys);
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
        return bit(Pass::comment);
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        return {};  // checked by is_session_setting
    default:
        return {};
    }
}

void dispatch(StatementContext& ctx, Node* stmt, Pass pass) {
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: return transform_create_schema(ctx, stmt->create_schema_stmt);
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: return transform_create_extension(ctx, stmt->create_extension_stmt);
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: return transform_create_enum(ctx, stmt->create_enum_stmt);
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: return transform_create_sequence(ctx, stmt->create_seq_stmt);
    case PG_QUERY__NODE__NODE_CREATE_STMT: return transform_create_table(ctx, stmt->create_stmt);
    case PG_QUERY__NODE__NODE_DEFINE_STMT: return transform_create_collation(ctx, stmt->define_stmt);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
        return transform_create_domain(ctx, stmt->create_domain_stmt,
                                       pass == Pass::types ? DomainPart::type : DomainPart::expressions);
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: return transform_alter_domain(ctx, stmt->alter_domain_stmt);
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
        return transform_create_composite_type(ctx, stmt->composite_type_stmt);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return transform_alter_table(ctx, stmt->alter_table_stmt,
                                     pass == Pass::columns ? AlterTablePart::columns : AlterTablePart::constraints);
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: return transform_alter_sequence(ctx, stmt->alter_seq_stmt);
    case PG_QUERY__NODE__NODE_INDEX_STMT: return transform_create_index(ctx, stmt->index_stmt);
    case PG_QUERY__NODE__NODE_COMMENT_STMT: return transform_comment(ctx, stmt->comment_stmt);
    case PG_QUERY__NODE__NODE_VIEW_STMT: return transform_create_view(ctx, stmt->view_stmt);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        return transform_create_materialized_view(ctx, stmt->create_table_as_stmt);
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: return transform_create_function(ctx, stmt->create_function_stmt);
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: return transform_create_trigger(ctx, stmt->create_trig_stmt);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: return transform_create_policy(ctx, stmt->create_policy_stmt);
    default: break;
    }
}

// Session settings a dump starts with (pg_dump's SET lines): harmless to a
// schema. SET search_path changes name resolution: the names it leaves
// unqualified are qualified before the statements are read
// (parser/search_path.hpp).
bool is_session_setting(const Node* stmt) {
    static const std::set<std::string> k_harmless = {
        "client_encoding", "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout",
        "standard_conforming_strings", "check_function_bodies", "xmloption", "client_min_messages",
        "row_security", "default_tablespace", "default_table_access_method", "default_with_oids",
        "escape_string_warning", "transaction_timeout", "synchronous_commit"};
    if (stmt->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
        const auto* set = stmt->variable_set_stmt;
        const std::string name = set->name ? set->name : "";
        if (k_harmless.count(name)) return true;
        return search_path_of(stmt).has_value();
    }
    // SELECT pg_catalog.set_config('search_path', '', false); and a dump's
    // SELECT pg_catalog.setval('s', 42, true): a sequence's current value is
    // data, not schema.
    if (stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
        const auto* select = stmt->select_stmt;
        if (select->n_target_list != 1 || select->n_from_clause) return false;
        const Node* val = select->target_list[0]->res_target->val;
        if (!val || val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return false;
        const auto* call = val->func_call;
        const std::string_view function = str_value(call->funcname[call->n_funcname - 1]);
        if (function == "setval") return true;
        if (function != "set_config" || call->n_args < 2) return false;
        auto text_arg = [&](std::size_t i) -> std::string_view {
            const Node* a = call->args[i];
            if (a->node_case != PG_QUERY__NODE__NODE_A_CONST || a->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL) return "?";
            return a->a_const->sval->sval;
        };
        return (k_harmless.count(std::string(text_arg(0))) > 0) || (text_arg(0) == "search_path" && text_arg(1).empty());
    }
    return false;
}

// Owners and privileges are part of the schema only with --privileges
// (many teams manage them elsewhere): otherwise GRANT, REVOKE, ALTER ...
// OWNER TO and ALTER DEFAULT PRIVILEGES are read and set aside. GRANT role
// TO role is always set aside: roles are not managed. With --privileges
// they are transformed in a pass of their own (Pass::privileges).
bool is_privilege_statement(const Node* stmt) {
    switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_GRANT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
        return true;
    default:
        return false;
    }
}

[[noreturn]] void reject_statement(const Builder& builder, Location where, const Node* stmt) {
    const std::string words = statement_words(where.file->text, where.offset);
    if (stmt->node_case == PG_QUERY__NODE__NODE_RENAME_STMT)
        builder.fail(where, fmt::format("{} ... RENAME is not supported in schema files", words),
                     "schema files describe the desired state: write the object under its new name");
    if (stmt->node_case == PG_QUERY__NODE__NODE_DEFINE_STMT && stmt->define_stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) {
        if (stmt->define_stmt->n_definition == 0)
            builder.fail(where, "CREATE TYPE without a definition (a shell type) is not supported in schema files",
                         "schema files hold enum, composite and range types and domains: CREATE TYPE name AS ENUM (...), "
                         "AS (...), AS RANGE (...), or CREATE DOMAIN");
        builder.fail(where, "CREATE TYPE with input and output functions (a base type) is not supported in schema files",
                     "a base type is written in C: install it with an extension (CREATE EXTENSION) and use it from there");
    }
    if (stmt->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
        const auto* set = stmt->variable_set_stmt;
        const std::string name = set->name ? set->name : "";
        if (name == "search_path")
            builder.fail(where, "SET search_path is supported only with a list of schema names",
                         "write SET search_path = app, public; (or qualify the names with their schema)");
        builder.fail(where, fmt::format("SET {} is not supported in schema files", name),
                     "only session settings that do not change name resolution are accepted");
    }
    builder.fail(where, fmt::format("{} is not supported in schema files", words),
                 "schema files hold CREATE SCHEMA/EXTENSION/TYPE/DOMAIN/COLLATION/TABLE/SEQUENCE/INDEX/VIEW/MATERIALIZED VIEW/FUNCTION/PROCEDURE/TRIGGER/POLICY, "
                 "ALTER TABLE/SEQUENCE/DOMAIN and COMMENT ON statements");
}

// PostgreSQL refuses a primary key or unique constraint on a partitioned
// table that does not include every partitioning column: say so here, with
// the table's location, rather than at apply time.
void check_partition_keys(const Builder& builder) {
    for (const auto& [name, table] : builder.model.tables) {
        if (!table.partition_by) continue;
        for (auto it = builder.model.constraints.lower_bound({name, ""});
             it != builder.model.constraints.end() && it->first.table == name; ++it) {
            const auto& c = it->second;
            if (c.type != model::ConstraintType::primary_key && c.type != model::ConstraintType::unique) continue;
            for (const auto& elem : table.partition_by->elems) {
                if (elem.column.empty() || std::find(c.columns.begin(), c.columns.end(), elem.column) != c.columns.end())
                    continue;
                const auto where = builder.defined_at.find("relation " + name.schema + "." + name.name);
                builder.fail(where == builder.defined_at.end() ? Location{} : where->second,
                             fmt::format("{} \"{}\" on partitioned table {} does not include partitioning column {}",
                                         c.type == model::ConstraintType::primary_key ? "primary key" : "unique constraint",
                                         c.name, model::display(name), elem.column),
                             fmt::format("PostgreSQL requires every partitioning column in the key: add {} to it", elem.column));
            }
        }
    }
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError(fmt::format("error: cannot read {}", path.string()));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

ParsedSource::ParsedSource(std::vector<SourceFile> files) {
    for (auto& file : files) {
        blank_dump_meta_commands(file.text);
        m_files.push_back(std::make_unique<SourceFile>(std::move(file)));
        add_pieces(*m_files.back(), 2 * std::thread::hardware_concurrency(), m_pieces);
    }
    parse_pieces(m_pieces);
}

ParsedSource::ParsedSource(ParsedSource&&) noexcept = default;
ParsedSource& ParsedSource::operator=(ParsedSource&&) noexcept = default;
ParsedSource::~ParsedSource() = default;

model::SchemaModel load_sources(std::vector<SourceFile> files, const LoadOptions& options) {
    std::vector<ParsedSource> parsed;
    parsed.emplace_back(std::move(files));
    return build_model(parsed, options);
}

namespace {

// Every piece of `sources`, in order.
std::vector<const LoadedFile*> pieces_of(const std::vector<const ParsedSource*>& sources) {
    std::vector<const LoadedFile*> out;
    for (const auto* source : sources)
        for (const auto& piece : source->pieces()) out.push_back(&piece);
    return out;
}

// Runs `pass` over the statements of `pieces`, in order.
void run_pass(Builder& builder, const std::vector<const LoadedFile*>& pieces, Pass pass) {
    for (const LoadedFile* piece : pieces) {
        const LoadedFile& lf = *piece;
        for (std::size_t i = 0; i < lf.tree->size(); ++i) {
            const auto& raw = lf.tree->stmt(i);
            // Where the statement starts, found only for a statement this pass reads.
            auto offset = [&] { return skip_blanks(lf.file->text, lf.base + static_cast<std::size_t>(raw.stmt_location)); };
            if (pass == Pass::privileges) {
                StatementContext ctx{builder, *lf.tree, *lf.file, offset(), lf.base};
                transform_privilege_statement(ctx, raw.stmt);
                continue;
            }
            const auto stmt_passes = passes_of(raw.stmt);
            if (stmt_passes == 0) {
                if (is_session_setting(raw.stmt) || is_privilege_statement(raw.stmt)) continue;
                if (pass == Pass::types) reject_statement(builder, {lf.file, offset()}, raw.stmt);
                continue;
            }
            if ((stmt_passes & bit(pass)) == 0) continue;
            StatementContext ctx{builder, *lf.tree, *lf.file, offset(), lf.base};
            dispatch(ctx, raw.stmt, pass);
        }
    }
    if (pass == Pass::types) settle_type_collations(builder);
    if (pass == Pass::create) {
        inherit_domain_defaults(builder);
        builder.run_deferred_checks();
    }
    if (pass == Pass::views) {
        resolve_views(builder);
        resolve_atomic_bodies(builder);
    }
}

// Whether every statement of `pieces` belongs to a pass after `Pass::create`
// (or to the privileges pass): then declare() missed none of them.
bool only_later_passes(const std::vector<const LoadedFile*>& pieces) {
    constexpr Passes declared = bit(Pass::types) | bit(Pass::create);
    for (const LoadedFile* piece : pieces)
        for (std::size_t i = 0; i < piece->tree->size(); ++i) {
            const Node* stmt = piece->tree->stmt(i).stmt;
            const auto stmt_passes = passes_of(stmt);
            if (stmt_passes == 0 ? !is_privilege_statement(stmt) : (stmt_passes & declared) != 0) return false;
        }
    return true;
}

} // namespace

StagedBuild::StagedBuild(LoadOptions options) : m_options(options), m_builder(std::make_unique<Builder>()) {
    m_builder->implicit_index_attach = options.implicit_index_attach;
}
StagedBuild::~StagedBuild() = default;

void StagedBuild::declare(const std::vector<const ParsedSource*>& first) {
    m_declared = first;
    const auto pieces = pieces_of(first);
    for (const auto* piece : pieces) m_builder->file_order.emplace(piece->file, m_builder->file_order.size());
    m_search_path_set = qualify_search_path_names(pieces);
    run_pass(*m_builder, pieces, Pass::types);
    run_pass(*m_builder, pieces, Pass::create);
}

model::SchemaModel StagedBuild::finish(const std::vector<const ParsedSource*>& all) {
    // The declared texts must be among `all`, in the same order, and the
    // others must hold no statement declare()'s passes would have read
    // (nor may any text set search_path, which qualifies names across
    // every text). With no others, this is build_model itself.
    std::vector<const ParsedSource*> later;
    std::size_t matched = 0;
    for (const auto* source : all) {
        if (matched < m_declared.size() && source == m_declared[matched]) ++matched;
        else later.push_back(source);
    }
    if (matched != m_declared.size() || (!later.empty() && (m_search_path_set || !only_later_passes(pieces_of(later)))))
        return build_model(all, m_options);
    Builder& builder = *m_builder;
    const auto pieces = pieces_of(all);
    // Every text in order; those declare() saw keep their relative order.
    builder.file_order.clear();
    for (const auto* piece : pieces) builder.file_order.emplace(piece->file, builder.file_order.size());
    const bool privileges = m_options.privileges == model::Privileges::manage;
    for (Pass pass : {Pass::columns, Pass::views, Pass::keys, Pass::comment}) run_pass(builder, pieces, pass);
    if (privileges) run_pass(builder, pieces, Pass::privileges);
    builder.run_deferred_checks();
    sync_partition_columns(builder);
    apply_validations(builder);
    fold_partition_check_copies(builder);
    settle_check_copies(builder);
    attach_partition_indexes(builder);
    check_partition_keys(builder);
    if (privileges) drop_default_privileges(builder.model);
    return std::move(builder.model);
}

model::SchemaModel build_model(const std::vector<const ParsedSource*>& sources, const LoadOptions& options) {
    StagedBuild build(options);
    build.declare(sources);
    return build.finish(sources);
}

model::SchemaModel build_model(const std::vector<ParsedSource>& sources, const LoadOptions& options) {
    std::vector<const ParsedSource*> all;
    for (const auto& source : sources) all.push_back(&source);
    return build_model(all, options);
}

model::SchemaModel load_path(const std::string& path, const LoadOptions& options) {
    std::vector<SourceFile> files;
    const fs::path root(path);
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
        std::vector<fs::path> paths;
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && entry.path().extension() == ".sql") paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        for (const auto& p : paths) files.push_back({p.string(), read_file(p)});
    } else if (fs::exists(root, ec)) {
        files.push_back({path, read_file(root)});
    } else {
        throw UserError(fmt::format("error: {} does not exist (expected a .sql file, a directory, a postgresql:// URL or `empty`)", path));
    }
    return load_sources(std::move(files), options);
}

} // namespace pgshape::parser
