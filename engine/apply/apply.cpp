#include "engine/apply/apply.hpp"

#include <fmt/format.h>
#include <pqxx/pqxx>

#include "engine/model/error.hpp"

namespace pgshape::apply {

void apply_statements(pqxx::connection& conn, const std::vector<std::string>& statements) {
    pqxx::work tx(conn);
    // A date/time literal without a zone is read in UTC, as the canonical
    // form reads it (parser/datetime_text.cpp), whatever the server's zone.
    tx.exec("SET LOCAL TimeZone = 'UTC'");
    // A bare name in a plan means public (or pg_catalog), as pgshape reads
    // it, whatever search_path the role or database sets.
    tx.exec("SET LOCAL search_path = public");
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
    try {
        apply_statements(conn, split.in_transaction);
    } catch (const UserError& e) {
        if (split.outside_transaction.empty()) throw;
        // The enum values went in before the transaction and stay: say so.
        std::string message = e.what();
        const std::string claim = ", nothing was applied:";
        if (auto at = message.find(claim); at != std::string::npos)
            message.replace(at, claim.size(), fmt::format(": the transaction was rolled back, but the {} enum value "
                                                          "statement(s) run before it remain:",
                                                          split.outside_transaction.size()));
        throw UserError(message);
    }
}

} // namespace pgshape::apply
