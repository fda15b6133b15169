#pragma once
// A pupil list exported from a school MIS (SIMS, Arbor, Bromcom, ScholarPack, ...) as CSV, for
// schools that cannot produce a Common Transfer File. Columns are found by their headers (see
// mis_csv_columns.h); columns Steward does not know are ignored.
#include <functional>
#include <string_view>
#include <vector>

#include "domain/pupil.h"
#include "io/import_problem.h"

namespace steward {

// Hands each row to on_pupil with its line. Problems in a row (an invalid UPN, an impossible date,
// an unknown gender, a missing surname, forename or UPN, ...) are appended to `problems` with the
// column header as the file writes it, and the pupil is still handed over with those fields left
// empty. Dates may be DD/MM/YYYY, as UK exports write them, or YYYY-MM-DD. Throws Error 422 when
// the CSV is malformed or the header has no UPN, surname or forename column, naming the line.
void read_mis_csv(std::string_view text, const std::function<void(Pupil&&, int line)>& on_pupil,
                  std::vector<ImportProblem>& problems);

}  // namespace steward
