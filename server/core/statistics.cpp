#include "statistics.hpp"

namespace novbe::core {

double figures::average_rating() const {
    if (ratings == 0) return 0.0;
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < rating_counts.size(); ++i) sum += rating_counts[i] * static_cast<std::uint32_t>(i + 1);
    return double(sum) / ratings;
}

}  // namespace novbe::core
