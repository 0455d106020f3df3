#pragma once
// The message of the ValidationError a call throws, "" when it throws none: for tests that
// check a refusal names the field, the value and the reason exactly.
#include <string>

#include "core/util/error.h"

namespace il_test {

template <class Fn>
std::string validation_message(Fn&& fn) {
    try {
        fn();
    } catch (const il::ValidationError& e) {
        return e.what();
    }
    return "";
}

}  // namespace il_test
