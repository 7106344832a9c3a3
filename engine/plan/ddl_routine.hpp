#pragma once
// SQL for functions, procedures and triggers (the planner and `inspect`).
#include <string>
#include <vector>

#include "engine/model/schema_model.hpp"

namespace pgshape::plan::ddl {

enum class CreateMode { create, or_replace };

// CREATE [OR REPLACE] FUNCTION|PROCEDURE with every attribute that differs
// from PostgreSQL's default, the body between dollar quotes.
std::string create_function(const model::Function& fn, CreateMode mode = CreateMode::create);
// "a integer, b text DEFAULT 'x', OUT c integer" (RETURNS TABLE columns apart).
std::string parameter_list(const model::Function& fn);
// "integer", "SETOF public.t", "TABLE(a integer, b text)"; empty for procedures.
std::string return_clause(const model::Function& fn);
// "FUNCTION public.f(integer, text)", "PROCEDURE public.p(IN integer, OUT integer)":
// for DROP and COMMENT ON (a procedure is named with all its parameters).
std::string function_target(const model::Function& fn);
std::string drop_function(const model::Function& fn);
// CREATE plus its COMMENT, if any.
std::vector<std::string> create_function_statements(const model::Function& fn);

std::string create_trigger(const model::Trigger& trigger);
std::string drop_trigger(const model::Trigger& trigger);
std::string trigger_target(const model::Trigger& trigger);  // "TRIGGER t ON public.tbl"
// ALTER TABLE ... ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER
std::string trigger_firing(const model::Trigger& trigger);
// CREATE, the firing state when it is not the default, the COMMENT.
std::vector<std::string> create_trigger_statements(const model::Trigger& trigger);

} // namespace pgshape::plan::ddl
