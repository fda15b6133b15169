#include "store/pupil_id_ranges.h"

namespace steward {

std::string encode_pupil_ids(const std::vector<PupilId>& pupils) {
  std::vector<std::int64_t> ids;
  ids.reserve(pupils.size());
  for (auto p : pupils) ids.push_back(p.value);
  return encode_id_ranges(std::move(ids));
}

std::vector<PupilId> decode_pupil_ids(std::string_view text) {
  std::vector<PupilId> out;
  for (auto id : decode_id_ranges(text)) out.push_back({id});
  return out;
}

}  // namespace steward
