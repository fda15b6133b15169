#pragma once
// Every handler, named noun_verb. routes.cpp registers them; each reads the request, calls
// one use case in app/, and renders a view or redirects.
#include "web/context.h"
#include "web/views/layout.h"

namespace steward::web {

// Page chrome for a staff page of the URL's school.
Chrome staff_chrome(Context&, std::string title, std::string active);

Response home_show(Context&);
Response health_show(Context&);
Response stylesheet_show(Context&);
Response published_page_show(Context&);
Response api_services_list(Context&);
Response api_service_show(Context&);

Response login_show(Context&);
Response login_submit(Context&);
Response logout_submit(Context&);

Response service_list(Context&);
Response service_new(Context&);
Response service_create(Context&);
Response service_show(Context&);
Response service_edit(Context&);
Response service_update(Context&);
Response service_retire(Context&);
Response register_export(Context&);

Response provider_list(Context&);
Response category_list(Context&);
Response category_create(Context&);
Response data_map_show(Context&);
Response page_text_edit(Context&);
Response page_text_update(Context&);
Response audit_list(Context&);

Response pupil_list(Context&);
Response pupil_import_form(Context&);
Response pupil_import_submit(Context&);
Response pupil_show(Context&);
Response pupil_sharing(Context&);
Response opt_out_new(Context&);
Response opt_out_create(Context&);
Response opt_out_withdraw(Context&);
Response opt_out_evidence(Context&);
Response opt_out_grid(Context&);
Response opt_out_grid_save(Context&);
Response service_export(Context&);
Response disclosure_list(Context&);

}  // namespace steward::web
