#pragma once
// The CSV export a service receives: one column per export field, one row per pupil. RFC 4180,
// UTF-8, CRLF, fields quoted only when they need to be (as csv_field does).
#include <string>
#include <vector>

#include "domain/export_field.h"
#include "domain/pupil.h"

namespace steward {

// Header row = export_field_column of each field in plan order; one row per pupil.
// Forename/Surname are the names the pupil goes by (preferred, else legal). Contact fields hold
// every contact's non-empty value joined with "; " in contact order (Contact::order; ContactNames
// = "Forename Surname"; ContactPhones = every phone of every contact). Dates ISO 8601;
// Fsm/PupilPremium "Y"/"N"; Sen the code (N/K/E); Gender the code (M/F/U/X).
std::string write_pupil_csv(const std::vector<ExportField>& fields, const std::vector<Pupil>& pupils);

// Streaming form for big exports: appends to `out`.
void append_pupil_csv_header(std::string& out, const std::vector<ExportField>& fields);
void append_pupil_csv_row(std::string& out, const std::vector<ExportField>& fields, const Pupil& p);

}  // namespace steward
