#pragma once
// Progress reporting through an interface: core reports what it is doing, the caller (GUI
// progress dialog, CLI line, test collector) decides how to show it. Core never shows anything.
// Long operations call step() now and then and stop early (throwing il::Cancelled or returning
// what they have, as each documents) when cancelled() turns true.
#include <string_view>

#include "core/util/error.h"

namespace il {

struct ProgressSink {
    virtual ~ProgressSink() = default;
    // `what`: a short description of the current step (UTF-8); `fraction`: 0.0 .. 1.0 overall.
    virtual void step(std::string_view what, double fraction) = 0;
    // Polled by long operations; return true to ask them to stop.
    virtual bool cancelled() { return false; }
};

// Reports nowhere and never cancels: the default when a caller does not care.
struct NullProgress final : ProgressSink {
    void step(std::string_view, double) override {}
};

// One part of a longer operation: maps this part's 0..1 onto [from, to] of the caller's sink and
// passes cancelled() through. (An import reports reading, planning and writing as one bar.)
class ProgressRange final : public ProgressSink {
public:
    ProgressRange(ProgressSink& outer, double from, double to) : outer_(outer), from_(from), to_(to) {}
    void step(std::string_view what, double fraction) override { outer_.step(what, from_ + (to_ - from_) * fraction); }
    bool cancelled() override { return outer_.cancelled(); }

private:
    ProgressSink& outer_;
    double from_, to_;
};

// Thrown by an operation that stopped because its ProgressSink asked it to. Work done inside a
// transaction is rolled back before this escapes.
class Cancelled : public Error {
public:
    Cancelled() : Error("操作已取消") {}
};

}  // namespace il
