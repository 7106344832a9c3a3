#include "engine/apply/apply.hpp"

#include <fmt/format.h>
#include <pqxx/pqxx>

#include "engine/model/error.hpp"

namespace pgshape::apply {

void apply_statements(pqxx::connection& conn, const std::vector<std::string>& statements) {
    pqxx::work tx(conn);
    for (std::size_t i = 0; i < statements.size(); ++i) {
        try {
            tx.exec(statements[i]);
        } catch (const pqxx::sql_error& e) {
            std::string why = e.what();
            while (!why.empty() && why.back() == '\n') why.pop_back();
            throw UserError(fmt::format("error: statement {} of {} failed, nothing was applied:\n  {}\n{}", i + 1,
                                        statements.size(), statements[i], why));
        }
    }
    tx.commit();
}

void apply_plan(pqxx::connection& conn, const plan::Plan& plan, plan::Direction direction) {
    const auto split = plan::split_statements(plan, direction);
    for (const auto& stmt : split.outside_transaction) apply_statements(conn, {stmt});
    apply_statements(conn, split.in_transaction);
}

} // namespace pgshape::apply
