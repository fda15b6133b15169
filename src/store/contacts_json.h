#pragma once
// A pupil's contacts are kept in the pupil's own row, as a JSON array in a TEXT column: they are
// only ever read and replaced with the pupil, so a second table cost an index, a join and a
// delete per pupil on every import. The array's order is the contacts' order (first = 1).
//
//   [{"forename":"Kelly","surname":"Khan","relationship":"Mother","responsibility":true,
//     "email":"kelly@example.com","phones":["07700 900014"]}]
//
// Empty strings, a false responsibility and no phones are left out. Reading accepts any JSON of
// this shape (whitespace, key order, keys it does not know), so what PostgreSQL's or SQLite's
// JSON functions wrote (migration 4) reads the same.
#include <string>
#include <string_view>
#include <vector>

#include "domain/pupil.h"

namespace steward {

// Appends the JSON array for `contacts` to `out`.
void append_contacts_json(std::string& out, const std::vector<Contact>& contacts);
std::string contacts_json(const std::vector<Contact>& contacts);
// Fills `contacts` (cleared first). Throws Error 500 naming the fault when `json` is not an
// array of contact objects: the column is written only by Steward, so that is a damaged database.
void read_contacts_json(std::string_view json, std::vector<Contact>& contacts);
std::vector<Contact> contacts_from_json(std::string_view json);

}  // namespace steward
