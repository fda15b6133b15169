#pragma once
// Staff pages about pupils: the roll, imports, a pupil's record, opt-outs and what is shared.
#include <string>
#include <vector>

#include "app/pupil_import.h"
#include "app/subject_access.h"
#include "web/views/layout.h"

namespace steward::web {

struct OptOutForm {
  std::string service, decided_by, relationship, day, month, year, method, alternative;
};

std::string pupil_list_page(const Chrome&, const std::vector<Pupil>&, const std::string& query, std::size_t on_roll);
std::string pupil_import_page(const Chrome&, const std::optional<PupilImportReport>&, const std::vector<FieldError>&);
// What an import did (or the problems that stopped it), as pupil_import_page shows it.
html::Node pupil_import_outcome(const std::optional<PupilImportReport>&, const std::vector<FieldError>&);
// The import page for a long import, sent while it runs: `top` (ending in the progress box),
// import_progress_line()s, `after_progress` (closing the box), the outcome, then `bottom`.
struct StreamedImportPage {
  std::string top, after_progress, bottom;
};
StreamedImportPage streamed_import_page(const Chrome&, const std::string& filename);
std::string import_progress_line(std::size_t pupils_read);
std::string pupil_show_page(const Chrome&, const Pupil&, const std::vector<OptOut>&, const std::vector<Service>&,
                            const std::vector<Disclosure>&);
std::string pupil_sharing_page(const Chrome&, const SubjectAccessReport&);
std::string opt_out_form_page(const Chrome&, const Pupil&, const std::vector<Service>& choices, const OptOutForm&,
                              const std::vector<FieldError>&);
std::string opt_out_grid_page(const Chrome&, const std::vector<Pupil>&, const std::vector<Service>&,
                              const std::vector<OptOut>&, const std::vector<std::string>& classes,
                              const std::string& selected_class, const std::vector<FieldError>&, const std::string& notice);
std::string disclosure_list_page(const Chrome&, const Service&, const std::vector<Disclosure>&, const std::vector<OptOut>&);

}  // namespace steward::web
