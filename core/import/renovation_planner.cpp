#include "core/import/record_planner.h"
#include "core/import/record_writer.h"

namespace il::import {
// Interim: renovations are planned once their repository exists.
std::unique_ptr<RecordPlanner> make_renovation_planner(db::Database&, const DictionaryLookup&) {
    throw ValidationError("技改项目的导入尚未完成");
}
std::unique_ptr<RecordWriter> make_renovation_writer(db::Database&) { throw ValidationError("技改项目的导入尚未完成"); }
}  // namespace il::import
