#include "store/sqlite/sqlite_migrations.h"

namespace steward::sqlite {

// Ordered; never edit a migration that has shipped, append a new one.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> list = {
      R"sql(
CREATE TABLE schools (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  urn TEXT NOT NULL DEFAULT '',
  local_authority TEXT NOT NULL DEFAULT '',
  dpo_contact TEXT NOT NULL DEFAULT '',
  introduction TEXT NOT NULL,
  pupils_intro TEXT NOT NULL,
  management_intro TEXT NOT NULL,
  other_intro TEXT NOT NULL,
  legal_requirements TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE data_categories (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  name TEXT NOT NULL COLLATE NOCASE,
  subject TEXT NOT NULL,
  sensitivity TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  UNIQUE (school_id, name)
);
CREATE TABLE providers (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  name TEXT NOT NULL,
  website TEXT NOT NULL DEFAULT '',
  data_location TEXT NOT NULL DEFAULT '',
  ico_registration TEXT NOT NULL DEFAULT '',
  UNIQUE (school_id, name)
);
CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  section INTEGER NOT NULL CHECK (section IN (1, 2, 3)),
  name TEXT NOT NULL,
  website TEXT NOT NULL DEFAULT '',
  purposes TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  controls TEXT NOT NULL DEFAULT '',
  risk_assessment_date TEXT,
  status TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX services_school ON services (school_id);
CREATE TABLE service_providers (
  service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  provider_id INTEGER NOT NULL REFERENCES providers(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (service_id, provider_id)
);
CREATE TABLE service_data (
  service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES data_categories(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (service_id, category_id)
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE login_failures (
  email TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_school ON audit (school_id, id);
)sql",
      R"sql(
CREATE TABLE pupils (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  upn TEXT NOT NULL,
  legal_surname TEXT NOT NULL,
  legal_forename TEXT NOT NULL,
  preferred_surname TEXT NOT NULL DEFAULT '',
  preferred_forename TEXT NOT NULL DEFAULT '',
  date_of_birth TEXT,
  gender TEXT NOT NULL DEFAULT 'U',
  year TEXT NOT NULL DEFAULT '',
  reg_group TEXT NOT NULL DEFAULT '',
  sen TEXT NOT NULL DEFAULT '',
  fsm INTEGER NOT NULL DEFAULT 0,
  pupil_premium INTEGER NOT NULL DEFAULT 0,
  address TEXT NOT NULL DEFAULT '',
  entry_date TEXT,
  leaving_date TEXT,
  UNIQUE (school_id, upn)
);
CREATE TABLE pupil_contacts (
  pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  forename TEXT NOT NULL DEFAULT '',
  surname TEXT NOT NULL DEFAULT '',
  relationship TEXT NOT NULL DEFAULT '',
  responsibility INTEGER NOT NULL DEFAULT 0,
  email TEXT NOT NULL DEFAULT '',
  phones TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (pupil_id, position)
);
CREATE TABLE opt_outs (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  decided_by TEXT NOT NULL,
  relationship TEXT NOT NULL,
  received_on TEXT NOT NULL,
  method TEXT NOT NULL,
  evidence_name TEXT NOT NULL DEFAULT '',
  evidence_type TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  alternative TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  withdrawn_at TEXT NOT NULL DEFAULT '',
  withdrawn_by TEXT NOT NULL DEFAULT '',
  withdrawn_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX opt_outs_pupil ON opt_outs (school_id, pupil_id);
CREATE INDEX opt_outs_service ON opt_outs (school_id, service_id);
CREATE UNIQUE INDEX opt_outs_in_force ON opt_outs (pupil_id, service_id) WHERE withdrawn_at = '';
CREATE TABLE disclosures (
  id INTEGER PRIMARY KEY,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  service_id INTEGER NOT NULL REFERENCES services(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  format TEXT NOT NULL,
  fields TEXT NOT NULL,
  pupil_count INTEGER NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE TABLE disclosure_pupils (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures(id),
  pupil_id INTEGER NOT NULL REFERENCES pupils(id),
  PRIMARY KEY (disclosure_id, pupil_id)
);
CREATE INDEX disclosure_pupils_pupil ON disclosure_pupils (pupil_id);
)sql",
      // 2: each disclosure's pupils as one text of id ranges (domain/id_ranges.h) instead of a row
      // per pupil; a school's pupils on roll readable in id order without a sort, and counted
      // from the index alone.
      R"sql(
ALTER TABLE disclosures ADD COLUMN pupil_ids TEXT NOT NULL DEFAULT '';
UPDATE disclosures SET pupil_ids = COALESCE((
  SELECT group_concat(CASE WHEN lo = hi THEN lo ELSE lo || '-' || hi END, ',')
  FROM (SELECT min(pupil_id) AS lo, max(pupil_id) AS hi
        FROM (SELECT pupil_id, pupil_id - row_number() OVER (ORDER BY pupil_id) AS island
              FROM disclosure_pupils WHERE disclosure_id = disclosures.id)
        GROUP BY island)), '');
DROP TABLE disclosure_pupils;
CREATE INDEX pupils_school ON pupils (school_id, leaving_date);
)sql",
      // 3: a pupil's contacts as a JSON array in the pupil's row (store/contacts_json.h) instead
      // of a table of their own. A contact's phones were one text joined by ';': json_quote
      // escapes the text and never writes a ';' of its own, so splitting its output on ';'
      // gives each number quoted.
      R"sql(
ALTER TABLE pupils ADD COLUMN contacts TEXT NOT NULL DEFAULT '[]';
UPDATE pupils SET contacts = (
  SELECT json_group_array(json_object('title', title, 'forename', forename, 'surname', surname,
                                      'relationship', relationship,
                                      'responsibility', json(CASE WHEN responsibility THEN 'true' ELSE 'false' END),
                                      'email', email,
                                      'phones', json(CASE WHEN phones = '' THEN '[]'
                                                     ELSE '[' || replace(json_quote(phones), ';', '","') || ']' END),
                                      'address', address))
  FROM (SELECT * FROM pupil_contacts c WHERE c.pupil_id = pupils.id ORDER BY c.position))
WHERE id IN (SELECT pupil_id FROM pupil_contacts);
DROP TABLE pupil_contacts;
)sql",
  };
  return list;
}

}  // namespace steward::sqlite
