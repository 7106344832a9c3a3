#include "engine/plan/ddl_routine.hpp"

#include <fmt/format.h>

#include "engine/model/sql_text.hpp"
#include "engine/plan/ddl.hpp"

namespace pgshape::plan::ddl {
namespace {

using model::quote_ident;
using model::quote_literal;
using model::quote_name;

const char* mode_word(model::ArgMode mode) {
    switch (mode) {
    case model::ArgMode::out: return "OUT ";
    case model::ArgMode::inout: return "INOUT ";
    case model::ArgMode::variadic: return "VARIADIC ";
    default: return "";
    }
}

std::string argument(const model::FunctionArg& a, bool with_mode) {
    std::string out = with_mode ? mode_word(a.mode) : "";
    if (!a.name.empty()) out += quote_ident(a.name) + " ";
    out += model::render_type(a.type);
    if (a.default_value) out += " DEFAULT " + a.default_value->sql();
    return out;
}

bool is_procedure(const model::Function& fn) { return fn.kind == model::RoutineKind::procedure; }

// Settings whose value is a list of identifiers (stored quoted where needed).
bool is_identifier_list(const std::string& name) {
    return name == "search_path" || name == "temp_tablespaces" || name == "session_preload_libraries" ||
           name == "local_preload_libraries" || name == "shared_preload_libraries";
}

// "public, \"My Schema\"" → {"public", "My Schema"} (PostgreSQL's SplitGUCList).
std::vector<std::string> split_identifier_list(const std::string& value) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= value.size()) {
        while (i < value.size() && value[i] == ' ') ++i;
        std::string item;
        if (i < value.size() && value[i] == '"') {
            for (++i; i < value.size(); ++i) {
                if (value[i] == '"') {
                    if (i + 1 < value.size() && value[i + 1] == '"') { item += '"'; ++i; continue; }
                    ++i;
                    break;
                }
                item += value[i];
            }
        } else {
            while (i < value.size() && value[i] != ',') item += value[i++];
            while (!item.empty() && item.back() == ' ') item.pop_back();
        }
        out.push_back(item);
        while (i < value.size() && value[i] != ',') ++i;
        ++i;  // past the comma (or the end)
    }
    return out;
}

std::string setting(const std::string& name, const std::string& value) {
    std::string out = "SET " + quote_ident(name) + " TO ";
    if (!is_identifier_list(name)) return out + quote_literal(value);
    const auto items = split_identifier_list(value);
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quote_literal(items[i]);
    return out;
}

// A dollar quote that ends the body only where it is put: the body must not
// contain it, nor end in a way that completes it early ("...$" + "$$").
std::string dollar_tag(const std::string& body) {
    for (int n = -1;; ++n) {
        const std::string tag = n < 0 ? "$$" : n == 0 ? "$function$" : fmt::format("$function{}$", n);
        if ((body + tag).find(tag) == body.size()) return tag;
    }
}

std::string number(double value) { return fmt::format("{}", value); }

} // namespace

std::string parameter_list(const model::Function& fn) {
    std::string out;
    for (const auto& a : fn.args)
        if (a.mode != model::ArgMode::table) out += (out.empty() ? "" : ", ") + argument(a, true);
    return out;
}

std::string return_clause(const model::Function& fn) {
    if (!fn.returns) return "";
    std::string table_columns;
    for (const auto& a : fn.args)
        if (a.mode == model::ArgMode::table) table_columns += (table_columns.empty() ? "" : ", ") + argument(a, false);
    if (!table_columns.empty()) return "TABLE(" + table_columns + ")";
    return (fn.returns_set ? "SETOF " : "") + model::render_type(*fn.returns);
}

std::string create_function(const model::Function& fn, CreateMode mode) {
    std::string out = mode == CreateMode::or_replace ? "CREATE OR REPLACE " : "CREATE ";
    out += is_procedure(fn) ? "PROCEDURE " : "FUNCTION ";
    out += quote_name(fn.name) + "(" + parameter_list(fn) + ")";
    if (fn.returns) out += "\n    RETURNS " + return_clause(fn);
    out += "\n    LANGUAGE " + quote_ident(fn.language);
    std::vector<std::string> attributes;
    if (fn.volatility == model::Volatility::immutable) attributes.emplace_back("IMMUTABLE");
    if (fn.volatility == model::Volatility::stable) attributes.emplace_back("STABLE");
    if (fn.strict) attributes.emplace_back("STRICT");
    if (fn.security_definer) attributes.emplace_back("SECURITY DEFINER");
    if (fn.leakproof) attributes.emplace_back("LEAKPROOF");
    if (fn.parallel == model::ParallelSafety::safe) attributes.emplace_back("PARALLEL SAFE");
    if (fn.parallel == model::ParallelSafety::restricted) attributes.emplace_back("PARALLEL RESTRICTED");
    const double default_cost = fn.language == "c" || fn.language == "internal" ? 1 : 100;
    if (fn.cost != default_cost) attributes.push_back("COST " + number(fn.cost));
    if (fn.returns_set && fn.rows != 1000) attributes.push_back("ROWS " + number(fn.rows));
    if (!attributes.empty()) {
        out += "\n   ";
        for (const auto& a : attributes) out += " " + a;
    }
    for (const auto& [name, value] : fn.settings) out += "\n    " + setting(name, value);
    if (fn.body.atomic) {
        out += "\n" + fn.body.text;
    } else if (fn.body.sql_standard) {
        out += "\nRETURN " + fn.body.text;
    } else if (!fn.object_file.empty()) {
        out += "\nAS " + quote_literal(fn.object_file) + ", " + quote_literal(fn.body.text);
    } else {
        const std::string tag = dollar_tag(fn.body.text);
        out += "\nAS " + tag + fn.body.text + tag;
    }
    return out;
}

std::string function_target(const model::Function& fn) {
    std::string out = std::string(is_procedure(fn) ? "PROCEDURE " : "FUNCTION ") + quote_name(fn.name) + "(";
    bool first = true;
    for (const auto& a : fn.args) {
        if (a.mode == model::ArgMode::table) continue;
        if (!is_procedure(fn) && a.mode == model::ArgMode::out) continue;
        out += first ? "" : ", ";
        if (is_procedure(fn)) out += a.mode == model::ArgMode::in ? "IN " : mode_word(a.mode);
        out += model::render_type(a.type);
        first = false;
    }
    return out + ")";
}

std::string drop_function(const model::Function& fn) { return "DROP " + function_target(fn); }

std::vector<std::string> create_function_statements(const model::Function& fn) {
    std::vector<std::string> out{create_function(fn)};
    if (fn.comment) out.push_back(comment_on(function_target(fn), fn.comment));
    return out;
}

std::string create_trigger(const model::Trigger& t) {
    std::string out = t.constraint ? "CREATE CONSTRAINT TRIGGER " : "CREATE TRIGGER ";
    out += quote_ident(t.name);
    out += t.timing == model::TriggerTiming::before   ? " BEFORE "
           : t.timing == model::TriggerTiming::after ? " AFTER "
                                                     : " INSTEAD OF ";
    std::vector<std::string> events;
    if (t.on_insert) events.emplace_back("INSERT");
    if (t.on_update) {
        std::string update = "UPDATE";
        for (std::size_t i = 0; i < t.update_columns.size(); ++i)
            update += (i ? ", " : " OF ") + quote_ident(t.update_columns[i]);
        events.push_back(update);
    }
    if (t.on_delete) events.emplace_back("DELETE");
    if (t.on_truncate) events.emplace_back("TRUNCATE");
    for (std::size_t i = 0; i < events.size(); ++i) out += (i ? " OR " : "") + events[i];
    out += " ON " + quote_name(t.table);
    if (t.from_table) out += " FROM " + quote_name(*t.from_table);
    if (t.constraint) {
        out += t.deferrable ? " DEFERRABLE" : " NOT DEFERRABLE";
        out += t.initially_deferred ? " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE";
    }
    if (!t.old_table.empty() || !t.new_table.empty()) {
        out += " REFERENCING";
        if (!t.old_table.empty()) out += " OLD TABLE AS " + quote_ident(t.old_table);
        if (!t.new_table.empty()) out += " NEW TABLE AS " + quote_ident(t.new_table);
    }
    out += t.level == model::TriggerLevel::row ? " FOR EACH ROW" : " FOR EACH STATEMENT";
    if (t.when) out += " WHEN (" + t.when->sql() + ")";
    out += " EXECUTE FUNCTION " + quote_name(t.function) + "(";
    for (std::size_t i = 0; i < t.arguments.size(); ++i) out += (i ? ", " : "") + quote_literal(t.arguments[i]);
    return out + ")";
}

std::string trigger_target(const model::Trigger& t) {
    return "TRIGGER " + quote_ident(t.name) + " ON " + quote_name(t.table);
}

std::string drop_trigger(const model::Trigger& t) { return "DROP " + trigger_target(t); }

std::string trigger_firing(const model::Trigger& t) {
    const char* what = t.firing == model::TriggerFiring::disabled  ? "DISABLE"
                       : t.firing == model::TriggerFiring::replica ? "ENABLE REPLICA"
                       : t.firing == model::TriggerFiring::always  ? "ENABLE ALWAYS"
                                                                   : "ENABLE";
    return "ALTER TABLE " + quote_name(t.table) + " " + what + " TRIGGER " + quote_ident(t.name);
}

std::vector<std::string> create_trigger_statements(const model::Trigger& t) {
    std::vector<std::string> out{create_trigger(t)};
    if (t.firing != model::TriggerFiring::enabled) out.push_back(trigger_firing(t));
    if (t.comment) out.push_back(comment_on(trigger_target(t), t.comment));
    return out;
}

} // namespace pgshape::plan::ddl
