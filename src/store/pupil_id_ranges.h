#pragma once
// The disclosure log's pupil lists, as both stores keep them: one text of id ranges per export.
#include <string>
#include <string_view>
#include <vector>

#include "domain/id_ranges.h"
#include "domain/pupil.h"

namespace steward {

std::string encode_pupil_ids(const std::vector<PupilId>&);
std::vector<PupilId> decode_pupil_ids(std::string_view);

}  // namespace steward
