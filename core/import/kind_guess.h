#pragma once
// What a file holds, guessed from its headers when the user has not said: each record kind's
// header detection and automatic mapping are tried, and the kind that recognises the most
// columns wins (its own fields — 建设单位, 企业名称/设备投资, 投资方/签约额 — tip the balance).
#include <optional>
#include <string>

#include "core/import/field_catalog.h"
#include "core/import/read/workbook.h"

namespace il::import {

struct KindGuess {
    RecordKind kind = RecordKind::Projects;
    std::string sheet;   // the sheet whose header decided it
    int columns = 0;     // columns recognised for that kind
};

// nullopt when no sheet (only `sheet` when given) has a header any kind recognises. Ties go to
// projects, then renovations.
std::optional<KindGuess> guess_kind(const Workbook& workbook, const std::string& sheet = "");

}  // namespace il::import
