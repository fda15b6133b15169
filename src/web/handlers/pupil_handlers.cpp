#include <set>
#include <sstream>

#include "app/clock.h"
#include "app/exports.h"
#include "app/opt_outs.h"
#include "app/pupil_import.h"
#include "app/register.h"
#include "app/subject_access.h"
#include "domain/text.h"
#include "web/handlers/handlers.h"
#include "web/views/pupil_views.h"
#include "web/views/staff_views.h"

namespace steward::web {
namespace {

PupilId pupil_id(Context& ctx) { return {std::stoll(ctx.request.route.at("id"))}; }
std::string pupils_url(Context& ctx) { return "/schools/" + ctx.school().slug + "/pupils"; }

std::vector<Service> opt_out_services(Store& store, const School& school) {
  auto all = store.services(school.id);
  std::erase_if(all, [](const Service& s) { return !section_allows_opt_out(s.section) || s.status == ServiceStatus::Retired; });
  return all;
}

Response download(std::string bytes, const std::string& content_type, const std::string& filename) {
  Response r{200, content_type, {}, std::move(bytes)};
  std::string safe;
  for (char c : filename) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  r.header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace

Response pupil_list(Context& ctx) {
  const School& school = ctx.school();
  require_pupil_handler(ctx.actor(), school.id);
  std::string q = std::string(trim(ctx.request.query_value("q")));
  auto on_roll = ctx.store.pupils(school.id, false);
  auto shown = q.empty() ? on_roll : ctx.store.search_pupils(school.id, q, 200);
  return Response::html(pupil_list_page(staff_chrome(ctx, "Pupils", "pupils"), shown, q, on_roll.size()));
}

Response pupil_import_form(Context& ctx) {
  require_pupil_handler(ctx.actor(), ctx.school().id);
  return Response::html(pupil_import_page(staff_chrome(ctx, "Import pupils", "pupils"), std::nullopt, {}));
}

namespace {

// Files above this size are imported while the page is sent, showing how many pupils have been
// read so far; smaller ones answer in one piece (and a faulty one with 422).
constexpr std::size_t kStreamImportBytes = 1 << 20;

std::vector<FieldError> named_problems(const std::string& filename, const Error& e) {
  std::vector<FieldError> named;
  for (const auto& f : e.fields()) named.push_back({filename + ": " + f.field, f.message});
  return named;
}

struct ImportJob {
  Store& store;
  Actor actor;
  School school;
  std::string filename, bytes;
  bool dry_run;

  PupilImportReport run(const std::function<void(std::size_t)>& progress) const {
    std::istringstream in(bytes);
    auto format = detect_pupil_format(filename, std::string_view(bytes).substr(0, 64));
    return import_pupils(store, actor, school, in, format, {dry_run, progress});
  }
};

// The page goes out in parts: the top, a line per thousand pupils read (the stylesheet shows
// only the latest), then the outcome and the rest of the page. A fault after the top has gone
// can no longer change the status, so it is shown in the page instead.
Response streamed_import(const Chrome& chrome, std::shared_ptr<const ImportJob> job) {
  Response r;
  r.header("Cache-Control", "no-store");
  r.stream = [job, page = streamed_import_page(chrome, job->filename)](const Response::Write& write) {
    write(page.top);
    html::Node outcome = html::none();
    try {
      auto report = job->run([&](std::size_t read) { write(import_progress_line(read)); });
      outcome = pupil_import_outcome(report, {});
    } catch (const Error& e) {
      auto problems = e.status() == 422 ? named_problems(job->filename, e)
                                        : std::vector<FieldError>{{job->filename, e.what()}};
      outcome = pupil_import_outcome(std::nullopt, problems);
    }
    write(page.after_progress + outcome.render() + page.bottom);
  };
  return r;
}

}  // namespace

Response pupil_import_submit(Context& ctx) {
  const School& school = ctx.school();
  require_pupil_handler(ctx.actor(), school.id);
  auto chrome = staff_chrome(ctx, "Import pupils", "pupils");
  const UploadedFile* file = ctx.request.file("file");
  if (!file || file->bytes.empty())
    return Response::html(pupil_import_page(chrome, std::nullopt, {{"file", "Choose the CTF or CSV file to upload"}}), 422);
  auto job = std::make_shared<const ImportJob>(
      ImportJob{ctx.store, ctx.actor(), school, file->filename, file->bytes, ctx.request.form_value("dry_run") == "yes"});
  if (file->bytes.size() > kStreamImportBytes) return streamed_import(chrome, job);
  try {
    return Response::html(pupil_import_page(chrome, job->run(nullptr), {}));
  } catch (const Error& e) {
    if (e.status() != 422) throw;
    return Response::html(pupil_import_page(chrome, std::nullopt, named_problems(file->filename, e)), 422);
  }
}

Response pupil_show(Context& ctx) {
  const School& school = ctx.school();
  require_pupil_handler(ctx.actor(), school.id);
  Pupil p = find_pupil(ctx.store, school, pupil_id(ctx));
  return Response::html(pupil_show_page(staff_chrome(ctx, p.forename() + " " + p.surname(), "pupils"), p,
                                        ctx.store.opt_outs(school.id, p.id, std::nullopt), ctx.store.services(school.id),
                                        ctx.store.disclosures(school.id, std::nullopt, p.id)));
}

Response pupil_sharing(Context& ctx) {
  const School& school = ctx.school();
  require_pupil_handler(ctx.actor(), school.id);
  auto report = subject_access(ctx.store, ctx.actor(), school, find_pupil(ctx.store, school, pupil_id(ctx)));
  return Response::html(pupil_sharing_page(staff_chrome(ctx, "What we share", "pupils"), report));
}

namespace {

OptOutForm opt_out_form_from(const Request& r) {
  return {r.form_value("service"), r.form_value("decided_by"), r.form_value("relationship"),
          r.form_value("received_on-day"), r.form_value("received_on-month"), r.form_value("received_on-year"),
          r.form_value("method"), r.form_value("alternative")};
}

}  // namespace

Response opt_out_new(Context& ctx) {
  const School& school = ctx.school();
  require_pupil_handler(ctx.actor(), school.id);
  Pupil p = find_pupil(ctx.store, school, pupil_id(ctx));
  OptOutForm f;
  Date t = today();
  f.day = std::to_string(t.day);
  f.month = std::to_string(t.month);
  f.year = std::to_string(t.year);
  f.method = "letter";
  return Response::html(opt_out_form_page(staff_chrome(ctx, "Record an opt-out", "pupils"), p,
                                          opt_out_services(ctx.store, school), f, {}));
}

Response opt_out_create(Context& ctx) {
  const School& school = ctx.school();
  Pupil p = find_pupil(ctx.store, school, pupil_id(ctx));
  OptOutForm f = opt_out_form_from(ctx.request);
  auto services = opt_out_services(ctx.store, school);
  std::vector<FieldError> errors;
  NewOptOut in;
  in.pupil = p.id;
  auto chosen = std::find_if(services.begin(), services.end(),
                             [&](const Service& s) { return std::to_string(s.id.value) == f.service; });
  if (chosen == services.end()) errors.push_back({"service", "Select the service the parent opts out of"});
  else in.service = chosen->id;
  in.decided_by = f.decided_by;
  in.relationship = f.relationship;
  in.received_on = Date::from_parts(f.day, f.month, f.year);
  in.method = parse_opt_out_method(f.method);
  in.alternative = f.alternative;
  if (const UploadedFile* file = ctx.request.file("evidence")) in.evidence = Evidence{file->filename, file->content_type, file->bytes};
  auto chrome = staff_chrome(ctx, "Record an opt-out", "pupils");
  if (errors.empty()) {
    try {
      add_opt_out(ctx.store, ctx.actor(), school, std::move(in));
      return Response::redirect(pupils_url(ctx) + "/" + std::to_string(p.id.value));
    } catch (const Error& e) {
      if (e.status() != 422 && e.status() != 409) throw;
      errors = e.fields().empty() ? std::vector<FieldError>{{"service", e.what()}} : e.fields();
    }
  }
  return Response::html(opt_out_form_page(chrome, p, services, f, errors), 422);
}

Response opt_out_withdraw(Context& ctx) {
  const School& school = ctx.school();
  std::string id = ctx.request.route.at("id");
  auto o = ctx.store.opt_out(school.id, {std::stoll(id)});
  if (!o) throw Error::not_found("There is no opt-out " + id);
  withdraw_opt_out(ctx.store, ctx.actor(), school, o->id, ctx.request.form_value("reason-" + id));
  return Response::redirect(pupils_url(ctx) + "/" + std::to_string(o->pupil.value));
}

Response opt_out_evidence(Context& ctx) {
  const School& school = ctx.school();
  require_pupil_handler(ctx.actor(), school.id);
  auto o = ctx.store.opt_out(school.id, {std::stoll(ctx.request.route.at("id"))});
  if (!o || !o->evidence) throw Error::not_found("That opt-out has no evidence file");
  return download(o->evidence->bytes, "application/octet-stream", o->evidence->filename);
}

namespace {

std::vector<std::string> classes_of(const std::vector<Pupil>& pupils) {
  std::set<std::string> set;
  for (const auto& p : pupils)
    if (!p.reg_group.empty()) set.insert(p.reg_group);
  return {set.begin(), set.end()};
}

Response grid(Context& ctx, const std::vector<FieldError>& errors, const std::string& notice, int status) {
  const School& school = ctx.school();
  std::string selected = ctx.request.query_value("class");
  auto all = ctx.store.pupils(school.id, false);
  auto classes = classes_of(all);
  std::erase_if(all, [&](const Pupil& p) { return p.reg_group != selected; });
  return Response::html(opt_out_grid_page(staff_chrome(ctx, "Record returned opt-out forms", "pupils"), all,
                                          opt_out_services(ctx.store, school), ctx.store.opt_outs(school.id, std::nullopt, std::nullopt),
                                          classes, selected, errors, notice),
                        status);
}

}  // namespace

Response opt_out_grid(Context& ctx) {
  require_pupil_handler(ctx.actor(), ctx.school().id);
  return grid(ctx, {}, "", 200);
}

// A batch of returned forms: every ticked cell becomes an opt-out, all in one transaction, or
// none when any row is incomplete.
Response opt_out_grid_save(Context& ctx) {
  const School& school = ctx.school();
  const auto& r = ctx.request;
  auto received = Date::from_parts(r.form_value("received_on-day"), r.form_value("received_on-month"), r.form_value("received_on-year"));
  std::vector<NewOptOut> batch;
  for (const auto& cell : r.form_values("opt")) {
    auto colon = cell.find(':');
    if (colon == std::string::npos) continue;
    std::string pupil = cell.substr(0, colon);
    NewOptOut o;
    o.pupil = {std::stoll("0" + pupil.substr(0, pupil.find_first_not_of("0123456789")))};
    o.service = {std::stoll("0" + cell.substr(colon + 1))};
    o.decided_by = r.form_value("by-" + pupil);
    o.relationship = r.form_value("rel-" + pupil);
    o.received_on = received;
    o.method = OptOutMethod::Form;
    batch.push_back(std::move(o));
  }
  if (batch.empty()) return grid(ctx, {{"opt", "Tick at least one service for a pupil"}}, "", 422);
  try {
    ctx.store.transaction([&] {
      for (auto& o : batch) {
        Pupil p = find_pupil(ctx.store, school, o.pupil);
        try {
          add_opt_out(ctx.store, ctx.actor(), school, o);
        } catch (const Error& e) {
          if (e.status() != 422 && e.status() != 409) throw;
          throw Error::invalid(p.forename() + " " + p.surname(), std::string(e.what()) + ". Nothing was recorded");
        }
      }
    });
  } catch (const Error& e) {
    if (e.status() != 422) throw;
    return grid(ctx, e.fields(), "", 422);
  }
  return grid(ctx, {}, std::to_string(batch.size()) + (batch.size() == 1 ? " opt-out recorded" : " opt-outs recorded"), 200);
}

Response service_export(Context& ctx) {
  const School& school = ctx.school();
  auto format = parse_export_format(ctx.request.form_value("format"));
  if (!format) throw Error::bad_request("Choose CSV or OneRoster");
  auto file = export_for_service(ctx.store, ctx.actor(), school, {std::stoll(ctx.request.route.at("id"))}, *format);
  return download(std::move(file.bytes), file.content_type, file.filename);
}

Response disclosure_list(Context& ctx) {
  const School& school = ctx.school();
  require_pupil_handler(ctx.actor(), school.id);
  Service s = find_service(ctx.store, school, {std::stoll(ctx.request.route.at("id"))});
  return Response::html(disclosure_list_page(staff_chrome(ctx, "Exports", "register"), s,
                                             ctx.store.disclosures(school.id, s.id, std::nullopt),
                                             ctx.store.opt_outs(school.id, std::nullopt, s.id)));
}

}  // namespace steward::web
