#pragma once
// Typed exceptions thrown by core. The GUI and the CLI turn them into text in one place
// (gui/error_text.cpp, cli/main.cpp); core never shows anything itself.
#include <stdexcept>
#include <string>

namespace il {

// Base of every error core throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Input the user gave (a value, an argument, a record) is not acceptable.
class ValidationError : public Error {
public:
    using Error::Error;
};

// A record that was asked for does not exist.
class NotFoundError : public Error {
public:
    using Error::Error;
};

// A file could not be read or written (missing folder, locked, unreadable, hostile content).
class FileError : public Error {
public:
    using Error::Error;
};

// The database cannot be used: newer schema, corrupt, busy, locked period, stale edit.
class DatabaseError : public Error {
public:
    using Error::Error;
};

// A report template is broken: names the file, the place and the problem.
class TemplateError : public Error {
public:
    using Error::Error;
};

}  // namespace il
