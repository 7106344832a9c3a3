#include "engine/model/schema_model.hpp"

namespace pgshape::model {

const Column* Table::find_column(const std::string& column) const {
    for (const auto& c : columns)
        if (c.name == column) return &c;
    return nullptr;
}

} // namespace pgshape::model
