// The one route table: every page and every form POST of Steward.
#include "web/handlers/handlers.h"
#include "web/router.h"

namespace steward::web {

Router make_routes() {
  Router r;
  const auto P = Access::Public;
  const auto S = Access::Staff;
  r.add("GET", "/", P, home_show);
  r.add("GET", "/healthz", P, health_show);
  r.add("GET", "/assets/steward.css", P, stylesheet_show);
  r.add("GET", "/login", P, login_show);
  r.add("POST", "/login", P, login_submit);
  r.add("POST", "/logout", P, logout_submit);

  r.add("GET", "/schools/{slug}/cloud-services", P, published_page_show);
  r.add("GET", "/api/v1/schools/{slug}/services", P, api_services_list);
  r.add("GET", "/api/v1/schools/{slug}/services/{id}", P, api_service_show);

  r.add("GET", "/schools/{slug}/services", S, service_list);
  r.add("GET", "/schools/{slug}/services/new", S, service_new);
  r.add("POST", "/schools/{slug}/services", S, service_create);
  r.add("GET", "/schools/{slug}/services/{id}", S, service_show);
  r.add("GET", "/schools/{slug}/services/{id}/edit", S, service_edit);
  r.add("POST", "/schools/{slug}/services/{id}", S, service_update);
  r.add("POST", "/schools/{slug}/services/{id}/retire", S, service_retire);
  r.add("GET", "/schools/{slug}/register.csv", S, register_export);
  r.add("GET", "/schools/{slug}/providers", S, provider_list);
  r.add("GET", "/schools/{slug}/data-categories", S, category_list);
  r.add("POST", "/schools/{slug}/data-categories", S, category_create);
  r.add("GET", "/schools/{slug}/data-map", S, data_map_show);
  r.add("GET", "/schools/{slug}/page-text", S, page_text_edit);
  r.add("POST", "/schools/{slug}/page-text", S, page_text_update);
  r.add("GET", "/schools/{slug}/audit", S, audit_list);

  r.add("GET", "/schools/{slug}/pupils", S, pupil_list);
  r.add("GET", "/schools/{slug}/pupils/import", S, pupil_import_form);
  r.add("POST", "/schools/{slug}/pupils/import", S, pupil_import_submit);
  r.add("GET", "/schools/{slug}/pupils/{id}", S, pupil_show);
  r.add("GET", "/schools/{slug}/pupils/{id}/sharing", S, pupil_sharing);
  r.add("GET", "/schools/{slug}/pupils/{id}/opt-outs/new", S, opt_out_new);
  r.add("POST", "/schools/{slug}/pupils/{id}/opt-outs", S, opt_out_create);
  r.add("POST", "/schools/{slug}/opt-outs/{id}/withdraw", S, opt_out_withdraw);
  r.add("GET", "/schools/{slug}/opt-outs/{id}/evidence", S, opt_out_evidence);
  r.add("GET", "/schools/{slug}/opt-out-grid", S, opt_out_grid);
  r.add("POST", "/schools/{slug}/opt-out-grid", S, opt_out_grid_save);
  r.add("POST", "/schools/{slug}/services/{id}/export", S, service_export);
  r.add("GET", "/schools/{slug}/services/{id}/exports", S, disclosure_list);
  return r;
}

}  // namespace steward::web
