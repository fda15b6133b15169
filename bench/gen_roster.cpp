// gen_roster: writes a made-up primary school roll for benchmarks and import tests.
//
//   gen_roster --pupils N --format csv|ctf --out FILE [--seed S]
//
//   --pupils N    how many pupils (1 ... 10,000,000)
//   --format csv  an MIS-style CSV export (RFC 4180, UTF-8, CRLF), header:
//                 UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,SEN,FSM,
//                 Pupil Premium,Contact 1 Name,Contact 1 Relationship,Contact 1 Email,Contact 1 Phone,Address
//   --format ctf  a Common Transfer File 25.0 (full) with the same pupils
//   --out FILE    where to write; "-" for standard output
//   --seed S      any unsigned integer (default 1); the same seed gives the same bytes
//
// The roll is for the 2025/26 academic year: years R and 1-6, dates of birth inside each year
// group's 1 September - 31 August span, registration groups "RA", "3B", ..., valid and unique
// UPNs (check letter, LA, establishment, year of issue, serial). Contacts' emails use
// example.com and phones the Ofcom drama range 07700 900xxx. Output is streamed, so N is
// limited by time, not memory.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "domain/upn.h"

namespace {

constexpr int kSchoolYear = 2026;  // 2025/26
constexpr long long kMaxPupils = 10'000'000;

// splitmix64: small, fast and the same on every platform (unlike std:: distributions).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool per_mille(int p) { return below(1000) < p; }
  template <size_t N>
  const char* pick(const char* const (&list)[N]) {
    return list[below(static_cast<int>(N))];
  }

 private:
  std::uint64_t state_;
};

constexpr const char* kGirls[] = {"Olivia", "Amelia", "Isla",   "Ava",     "Ivy",    "Freya",   "Lily",  "Florence",
                                  "Mia",    "Willow", "Rosie",  "Sophia",  "Isabella", "Grace", "Daisy", "Sienna",
                                  "Poppy",  "Elsie",  "Emily",  "Ella",    "Evelyn", "Phoebe",  "Sofia", "Evie",
                                  "Charlotte", "Aisha", "Maryam", "Zoë",   "Chloé",  "Niamh",   "Siobhan", "Ffion"};
constexpr const char* kBoys[] = {"Muhammad", "Noah",   "Oliver", "George",  "Leo",    "Arthur", "Oscar", "Theodore",
                                 "Freddie",  "Archie", "Henry",  "Alfie",   "Jack",   "Charlie", "Finley", "Thomas",
                                 "Jacob",    "Harry",  "Lucas",  "Isaac",   "Teddy",  "Albie",  "Ibrahim", "Yusuf",
                                 "Rory",     "Jude",   "Ethan",  "Dylan",   "Rhys",   "Seán",   "Kai",   "Reuben"};
constexpr const char* kWomen[] = {"Sarah", "Emma", "Laura", "Rachel", "Claire", "Gemma", "Nicola", "Hannah",
                                  "Fatima", "Priya", "Joanne", "Kelly", "Amy", "Natalie", "Zainab", "Aoife"};
constexpr const char* kMen[] = {"David", "Daniel", "James", "Mark", "Paul", "Andrew", "Christopher", "Michael",
                                "Mohammed", "Ravi", "Lee", "Craig", "Stephen", "Gareth", "Tomasz", "Kwame"};
constexpr const char* kSurnames[] = {
    "Smith",   "Jones",   "Taylor",  "Brown",    "Williams", "Wilson",   "Johnson", "Davies",  "Patel",   "Robinson",
    "Wright",  "Thompson", "Evans",  "Walker",   "White",    "Roberts",  "Green",   "Hall",    "Wood",    "Jackson",
    "Clarke",  "Khan",    "Hussain", "Ahmed",    "Begum",    "O'Brien",  "O'Neill", "Murphy",  "Kowalski", "Nowak",
    "Okafor",  "Mensah",  "Singh",   "Kaur",     "Chen",     "Nguyen",   "Smith-Jones", "Lloyd-Davies", "McDonald",
    "Bell",    "Hughes",  "Edwards", "Harrison", "Lewis",    "Turner",   "Scott",   "Cooper",  "Morris"};
constexpr const char* kStreets[] = {"Church Lane", "High Street", "Station Road", "Mill Lane", "Park Avenue",
                                    "Victoria Road", "The Green", "Front Street", "North Terrace", "Elm Close",
                                    "Hope Street", "Croft Way", "Beech Grove", "Queen's Road", "King Street"};
struct Town {
  const char* name;
  const char* district;  // postcode outward code
};
constexpr Town kTowns[] = {{"Crook", "DL15"}, {"Willington", "DL15"}, {"Tow Law", "DL13"}, {"Bishop Auckland", "DL14"},
                           {"Spennymoor", "DL16"}, {"Durham", "DH1"}};
constexpr const char* kSenNeeds[] = {"SLCN", "SEMH", "ASD", "MLD", "SPLD", "OTH"};
constexpr char kPostcodeLetters[] = "ABDEFGHJLNPQRSTUWXYZ";  // inward codes never use C I K M O V

// Year groups in order: index 0 = Reception.
constexpr const char* kYears[] = {"R", "1", "2", "3", "4", "5", "6"};

struct Date {
  int y, m, d;
};

// Days since 1970-01-01 and back (Howard Hinnant's civil calendar algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}
Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

void append_digits(std::string& out, long v, int width) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0 || n < width);
  while (n > 0) out += buf[--n];
}

std::string iso(Date d) {
  std::string s;
  append_digits(s, d.y, 4);
  s += '-';
  append_digits(s, d.m, 2);
  s += '-';
  append_digits(s, d.d, 2);
  return s;
}

struct Pupil {
  std::string upn, surname, forename, preferred, dob, gender, year, reg_group, sen, sen_need, sen_start;
  bool fsm = false, pupil_premium = false;
  std::string fsm_start;
  std::string contact_forename, contact_surname, relationship, ctf_relationship, email, phone;
  bool responsibility = true;
  std::string house, street, town, postcode;
  std::string address() const { return house + " " + street + ", " + town + ", " + postcode; }
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {
    la_ = 800 + rng_.below(100);           // 800-899
    estab_base_ = 2000 + rng_.below(1000);  // primary establishment numbers are 2xxx
    classes_per_year_ = 2;
  }

  int la() const { return la_; }
  int estab() const { return estab_base_; }

  Pupil next(long long i) {
    Pupil p;
    int year_index = rng_.below(7);
    p.year = kYears[year_index];
    p.reg_group = p.year + std::string(1, static_cast<char>('A' + rng_.below(classes_per_year_)));

    // Born between 1 September and 31 August of the year group's cohort.
    int cohort_start = kSchoolYear - 6 - year_index;  // Reception in 2025/26: born Sep 2020 - Aug 2021
    long first = days_from_civil(cohort_start, 9, 1), last = days_from_civil(cohort_start + 1, 8, 31);
    Date dob = civil_from_days(first + rng_.below(static_cast<int>(last - first + 1)));
    p.dob = iso(dob);
    // SEN and FSM records start up to a couple of years back, never before nursery (age 3-4).
    const long started = days_from_civil(cohort_start + 4, 9, 1), this_year = days_from_civil(kSchoolYear - 1, 9, 1);
    auto since = [&](long earliest, int days_back) { return std::max(earliest, this_year - days_back); };

    int g = rng_.below(1000);
    p.gender = g < 495 ? "M" : g < 990 ? "F" : "U";
    bool boy = p.gender == "M" || (p.gender == "U" && rng_.below(2) == 0);
    p.forename = boy ? rng_.pick(kBoys) : rng_.pick(kGirls);
    p.surname = rng_.pick(kSurnames);
    if (rng_.per_mille(80)) p.preferred = boy ? rng_.pick(kBoys) : rng_.pick(kGirls);
    if (p.preferred == p.forename) p.preferred.clear();

    p.upn = make_upn(i, dob.y);

    int sen = rng_.below(1000);
    p.sen = sen < 840 ? "N" : sen < 970 ? "K" : "E";
    if (p.sen != "N") {
      p.sen_need = rng_.pick(kSenNeeds);
      p.sen_start = iso(civil_from_days(since(started, 30 + rng_.below(600))));
    }
    p.fsm = rng_.per_mille(240);
    p.pupil_premium = p.fsm || rng_.per_mille(40);
    if (p.fsm) p.fsm_start = iso(civil_from_days(since(started, rng_.below(700))));

    int rel = rng_.below(100);
    bool woman;
    if (rel < 55) {
      p.relationship = "Mother", p.ctf_relationship = "PAR", woman = true;
    } else if (rel < 90) {
      p.relationship = "Father", p.ctf_relationship = "PAR", woman = false;
    } else if (rel < 95) {
      p.relationship = "Carer", p.ctf_relationship = "CAR", woman = rng_.below(2) == 0;
    } else {
      p.relationship = "Grandparent", p.ctf_relationship = "REL", woman = rng_.below(2) == 0;
      p.responsibility = false;
    }
    p.contact_forename = woman ? rng_.pick(kWomen) : rng_.pick(kMen);
    p.contact_surname = rng_.per_mille(800) ? p.surname : rng_.pick(kSurnames);
    p.email = email_local(p.contact_forename) + "." + email_local(p.contact_surname);
    append_digits(p.email, rng_.below(100), 2);
    p.email += "@example.com";
    p.phone = "07700 900";
    append_digits(p.phone, rng_.below(1000), 3);

    const Town& town = kTowns[rng_.below(static_cast<int>(std::size(kTowns)))];
    p.house = std::to_string(1 + rng_.below(120));
    p.street = rng_.pick(kStreets);
    p.town = town.name;
    p.postcode = std::string(town.district) + " " + std::to_string(rng_.below(10)) +
                 kPostcodeLetters[rng_.below(20)] + kPostcodeLetters[rng_.below(20)];
    return p;
  }

 private:
  // Unique for each i: serial = i mod 1000, then the establishment, then the LA, advance.
  // Issued the year the child started school (aged 4).
  std::string make_upn(long long i, int birth_year) {
    long long k = i / 1000;
    int estab = 2000 + static_cast<int>((estab_base_ - 2000 + k) % 8000);
    int la = la_ + static_cast<int>(k / 8000);
    std::string tail;
    append_digits(tail, la, 3);
    append_digits(tail, estab, 4);
    append_digits(tail, (birth_year + 4) % 100, 2);
    append_digits(tail, static_cast<long>(i % 1000), 3);
    return std::string(1, steward::upn_check_letter(tail)) + tail;
  }

  static std::string email_local(std::string_view name) {
    std::string out;
    for (char c : name) {
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
  }

  Rng rng_;
  int la_, estab_base_, classes_per_year_;
};

// Output buffered in one string and written in large blocks.
class Out {
 public:
  explicit Out(FILE* f) : f_(f) { buf_.reserve(kBlock + 4096); }
  std::string& buf() { return buf_; }
  void maybe_flush() {
    if (buf_.size() >= kBlock) flush();
  }
  void flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
      std::perror("gen_roster: write");
      std::exit(1);
    }
    buf_.clear();
  }

 private:
  static constexpr size_t kBlock = 1 << 20;
  FILE* f_;
  std::string buf_;
};

void csv_field(std::string& out, std::string_view v) {
  bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out.append(v);
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void write_csv(Generator& gen, long long n, Out& out) {
  out.buf() +=
      "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,SEN,FSM,Pupil Premium,"
      "Contact 1 Name,Contact 1 Relationship,Contact 1 Email,Contact 1 Phone,Address\r\n";
  for (long long i = 0; i < n; ++i) {
    Pupil p = gen.next(i);
    const std::string contact_name = p.contact_forename + " " + p.contact_surname, address = p.address();
    std::string& b = out.buf();
    const std::string_view fields[] = {p.upn,
                                       p.surname,
                                       p.forename,
                                       p.preferred,
                                       p.dob,
                                       p.gender,
                                       p.year,
                                       p.reg_group,
                                       p.sen,
                                       p.fsm ? "Y" : "N",
                                       p.pupil_premium ? "Y" : "N",
                                       contact_name,
                                       p.relationship,
                                       p.email,
                                       p.phone,
                                       address};
    for (size_t f = 0; f < std::size(fields); ++f) {
      if (f) b += ',';
      csv_field(b, fields[f]);
    }
    b += "\r\n";
    out.maybe_flush();
  }
}

void xml_text(std::string& out, std::string_view v) {
  for (char c : v) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
}

// <name>text</name> at `indent` spaces.
void el(std::string& out, int indent, std::string_view name, std::string_view text) {
  out.append(static_cast<size_t>(indent), ' ');
  out += '<';
  out += name;
  out += '>';
  xml_text(out, text);
  out += "</";
  out += name;
  out += ">\n";
}
void open_el(std::string& out, int indent, std::string_view name) {
  out.append(static_cast<size_t>(indent), ' ');
  out += '<';
  out += name;
  out += ">\n";
}
void close_el(std::string& out, int indent, std::string_view name) {
  out.append(static_cast<size_t>(indent), ' ');
  out += "</";
  out += name;
  out += ">\n";
}

void write_ctf(Generator& gen, long long n, Out& out) {
  std::string la, estab;
  append_digits(la, gen.la(), 3);
  append_digits(estab, gen.estab(), 4);
  std::string urn = std::to_string(100000 + (gen.la() * 7919 + gen.estab()) % 900000);
  std::string& h = out.buf();
  h += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>\n";
  open_el(h, 2, "Header");
  el(h, 4, "DocumentName", "Common Transfer File");
  el(h, 4, "CTFversion", "25.0");
  el(h, 4, "DateTime", "2025-10-01T09:00:00");
  el(h, 4, "DocumentQualifier", "full");
  el(h, 4, "SupplierID", "Steward gen_roster");
  open_el(h, 4, "SourceSchool");
  el(h, 6, "LEA", la);
  el(h, 6, "Estab", estab);
  el(h, 6, "URN", urn);
  el(h, 6, "SchoolName", "Generated Primary School");
  el(h, 6, "AcademicYear", std::to_string(kSchoolYear - 1));
  close_el(h, 4, "SourceSchool");
  open_el(h, 4, "DestSchool");
  el(h, 6, "LEA", la);
  el(h, 6, "Estab", estab);
  el(h, 6, "URN", urn);
  close_el(h, 4, "DestSchool");
  close_el(h, 2, "Header");
  open_el(h, 2, "CTFpupilData");

  for (long long i = 0; i < n; ++i) {
    Pupil p = gen.next(i);
    std::string& b = out.buf();
    open_el(b, 4, "Pupil");
    el(b, 6, "UPN", p.upn);
    el(b, 6, "Surname", p.surname);
    el(b, 6, "Forename", p.forename);
    el(b, 6, "DOB", p.dob);
    el(b, 6, "Sex", p.gender);
    open_el(b, 6, "BasicDetails");
    if (!p.preferred.empty()) el(b, 8, "PreferredForename", p.preferred);
    el(b, 8, "NCyearActual", p.year);
    close_el(b, 6, "BasicDetails");
    if (p.fsm) {
      open_el(b, 6, "FSMhistory");
      open_el(b, 8, "FSMinstance");
      el(b, 10, "FSMstartDate", p.fsm_start);
      el(b, 10, "UKcountry", "ENG");
      close_el(b, 8, "FSMinstance");
      close_el(b, 6, "FSMhistory");
    }
    if (p.sen != "N") {
      open_el(b, 6, "SENhistory");
      open_el(b, 8, "SEN");
      el(b, 10, "StartDate", p.sen_start);
      el(b, 10, "SENprovision", p.sen);
      close_el(b, 8, "SEN");
      open_el(b, 8, "SENneeds");
      open_el(b, 10, "SENneed");
      el(b, 12, "SENtype", p.sen_need);
      el(b, 12, "SENtypeRank", "1");
      close_el(b, 10, "SENneed");
      close_el(b, 8, "SENneeds");
      close_el(b, 6, "SENhistory");
    }
    open_el(b, 6, "Address");
    open_el(b, 8, "BS7666Address");
    el(b, 10, "PAON", p.house);
    el(b, 10, "Street", p.street);
    el(b, 10, "Town", p.town);
    el(b, 10, "PostTown", p.town);
    close_el(b, 8, "BS7666Address");
    el(b, 8, "PostCode", p.postcode);
    close_el(b, 6, "Address");
    open_el(b, 6, "Contacts");
    open_el(b, 8, "Contact");
    el(b, 10, "Order", "1");
    el(b, 10, "Forename", p.contact_forename);
    el(b, 10, "Surname", p.contact_surname);
    el(b, 10, "Relationship", p.ctf_relationship);
    el(b, 10, "Responsibility", p.responsibility ? "true" : "false");
    b.append(10, ' ');
    b += "<AddressAsPupil>true</AddressAsPupil>\n";
    open_el(b, 10, "Phones");
    open_el(b, 12, "Phone");
    el(b, 14, "TelephoneType", "M");
    el(b, 14, "PhoneNo", p.phone);
    close_el(b, 12, "Phone");
    close_el(b, 10, "Phones");
    el(b, 10, "Email", p.email);
    close_el(b, 8, "Contact");
    close_el(b, 6, "Contacts");
    close_el(b, 4, "Pupil");
    out.maybe_flush();
  }
  close_el(out.buf(), 2, "CTFpupilData");
  out.buf() += "</CTfile>\n";
}

[[noreturn]] void usage(const char* problem) {
  if (problem) std::fprintf(stderr, "gen_roster: %s\n", problem);
  std::fprintf(stderr, "usage: gen_roster --pupils N --format csv|ctf --out FILE [--seed S]\n");
  std::exit(2);
}

bool parse_number(const char* s, unsigned long long& v) {
  if (!s || !*s) return false;
  char* end = nullptr;
  errno = 0;
  v = std::strtoull(s, &end, 10);
  return errno == 0 && *end == '\0' && s[0] != '-';
}

}  // namespace

int main(int argc, char** argv) {
  unsigned long long pupils = 0, seed = 1;
  bool have_pupils = false;
  std::string format, out_path;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") usage(nullptr);
    if (i + 1 >= argc) usage(("missing value for " + std::string(arg)).c_str());
    const char* value = argv[++i];
    if (arg == "--pupils") {
      if (!parse_number(value, pupils) || pupils < 1 || pupils > static_cast<unsigned long long>(kMaxPupils))
        usage("--pupils must be a whole number from 1 to 10000000");
      have_pupils = true;
    } else if (arg == "--seed") {
      if (!parse_number(value, seed)) usage("--seed must be a whole number");
    } else if (arg == "--format") {
      format = value;
      if (format != "csv" && format != "ctf") usage("--format must be csv or ctf");
    } else if (arg == "--out") {
      out_path = value;
    } else {
      usage(("unknown option " + std::string(arg)).c_str());
    }
  }
  if (!have_pupils || format.empty() || out_path.empty()) usage("--pupils, --format and --out are required");

  FILE* f = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!f) {
    std::perror(("gen_roster: " + out_path).c_str());
    return 1;
  }
  Generator gen(seed);
  Out out(f);
  if (format == "csv")
    write_csv(gen, static_cast<long long>(pupils), out);
  else
    write_ctf(gen, static_cast<long long>(pupils), out);
  out.flush();
  if (f != stdout ? std::fclose(f) != 0 : std::fflush(f) != 0) {
    std::perror(("gen_roster: " + out_path).c_str());
    return 1;
  }
  return 0;
}
