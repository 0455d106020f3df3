#pragma once
#include <string>

namespace il {
// A random RFC 4122 version-4 UUID in lower-case text: the globally unique id every record
// carries so that databases of different offices can be merged without collisions.
std::string new_uid();
}  // namespace il
