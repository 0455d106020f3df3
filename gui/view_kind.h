#pragma once
namespace il::gui {
// The navigator's entries, in order.
enum class View { Home, Projects, Monthly, Renovations, Deals, Problems, Reports, Targets, Dictionaries, Settings, City, Count };
}  // namespace il::gui
