#pragma once
// 名次: competition ranking, larger is better. Equal keys share the better rank and the next
// rank is skipped ("1, 2, 2, 4"), as official ranking tables do. Entries without a key (a
// completion rate over no plan, say) are not ranked: rank 0, shown blank.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <vector>

#include "core/stats/ratio.h"

namespace il::stats {

template <class Key>
std::vector<int> rank_descending(const std::vector<std::optional<Key>>& keys) {
    auto cmp = [](const Key& a, const Key& b) {
        if constexpr (std::is_same_v<Key, Ratio>) return a.compare(b);
        else return a <=> b;
    };
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i]) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cmp(*keys[a], *keys[b]) > 0; });
    std::vector<int> ranks(keys.size(), 0);
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        const bool tie = pos > 0 && cmp(*keys[order[pos]], *keys[order[pos - 1]]) == 0;
        ranks[order[pos]] = tie ? ranks[order[pos - 1]] : static_cast<int>(pos) + 1;
    }
    return ranks;
}

}  // namespace il::stats
