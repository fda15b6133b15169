#pragma once
// The DfE Common Transfer File (CTF 24 and 25), read as a stream so that a whole secondary
// school's file never has to fit in memory.
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "domain/pupil.h"
#include "io/import_problem.h"

namespace steward {

struct CtfHeader {
  std::string version;             // CTFversion: "25.0"
  std::string document_qualifier;  // "full" or "partial"
  std::string source_lea, source_estab, school_name, academic_year;
};

// Reads <CTfile> as a stream: each <Pupil> is handed to on_pupil, with the line of its start tag,
// as soon as it closes, so memory does not grow with the file. Problems in a pupil (an invalid
// UPN, an impossible date, an unknown sex code, a missing surname, forename or UPN) are appended
// to `problems` with the line of the element, and the pupil is still handed over with those
// fields left empty. Accepts <Sex> (CTF 25) and <Gender> (CTF 24). Unknown elements are skipped.
// Throws Error 422 naming the line when the file is not well-formed XML, is not a CTF, or has a
// document type declaration (a CTF never has one, and refusing it rules out entity tricks).
// Exceptions thrown by on_pupil stop the reading and pass through unchanged.
CtfHeader read_ctf(std::istream& in, const std::function<void(Pupil&&, int line)>& on_pupil,
                   std::vector<ImportProblem>& problems);

}  // namespace steward
