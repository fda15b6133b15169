#pragma once
// GOV.UK tables, shared by the views.
#include <string>

#include "web/html.h"

namespace steward::web {

inline html::Node th(std::string text) {
  return html::el("th", {html::cls("govuk-table__header"), html::attr("scope", "col")}, {std::move(text)});
}
inline html::Node row_header(html::Node n) {
  return html::el("th", {html::cls("govuk-table__header"), html::attr("scope", "row")}, {std::move(n)});
}
inline html::Node td(html::Node n) { return html::el("td", {html::cls("govuk-table__cell")}, {std::move(n)}); }
inline html::Node table_row(html::Nodes cells) { return html::el("tr", {html::cls("govuk-table__row")}, std::move(cells)); }
inline html::Node data_table(const std::string& caption, html::Nodes headers, html::Nodes rows) {
  using namespace html;
  return el("table", {cls("govuk-table")},
            {el("caption", {cls("govuk-table__caption govuk-table__caption--m")}, {caption}),
             el("thead", {cls("govuk-table__head")}, {table_row(std::move(headers))}),
             el("tbody", {cls("govuk-table__body")}, std::move(rows))});
}

}  // namespace steward::web
