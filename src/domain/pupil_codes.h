#pragma once
// The coded values of a pupil record as CTF and the school census write them, read from the
// codes or the words an MIS export may use instead. Gender is in pupil.h (normalise_gender).
#include <optional>
#include <string>
#include <string_view>

namespace steward {

// National curriculum year: "N1", "N2", "R", "1" ... "14" or "X" (not following the national
// curriculum). Accepts "Year 3", "Y3", "Reception", "Nursery 1". Empty for a blank (not
// recorded); nullopt for a value that is not a year.
std::optional<std::string> normalise_nc_year(std::string_view);

// SEN provision: "N" (no special educational need), "K" (SEN support) or "E" (education,
// health and care plan). Accepts the words as well as the codes. Empty for a blank; nullopt for
// anything else.
std::optional<std::string> normalise_sen_provision(std::string_view);

}  // namespace steward
