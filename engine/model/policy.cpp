#include "engine/model/policy.hpp"

namespace pgshape::model {

const char* policy_command_sql(PolicyCommand command) {
    switch (command) {
    case PolicyCommand::select: return "SELECT";
    case PolicyCommand::insert: return "INSERT";
    case PolicyCommand::update: return "UPDATE";
    case PolicyCommand::delete_: return "DELETE";
    case PolicyCommand::all: break;
    }
    return "ALL";
}

} // namespace pgshape::model
