#include "engine/plan/sequence_change.hpp"

#include <fmt/format.h>

namespace pgshape::plan {

std::string restart_clause(const model::SequenceOptions& a, const model::SequenceOptions& b) {
    const bool flips = (a.increment > 0) != (b.increment > 0);
    if (flips || b.min_value > a.min_value || b.max_value < a.max_value) return fmt::format(" RESTART WITH {}", b.start);
    return "";
}

Hazard restart_hazard(const std::string& what, const model::SequenceOptions& options) {
    return {HazardKind::data_loss,
            fmt::format("{} restarts at {}: values already handed out may come again", what, options.start)};
}

} // namespace pgshape::plan
