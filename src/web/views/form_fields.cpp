#include "web/views/form_fields.h"

#include <algorithm>

namespace steward::web {

using namespace html;

namespace {

std::string group_class(const Field& f) {
  return f.error.empty() ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";
}

Node hint(const Field& f) {
  if (f.hint.empty()) return none();
  return el("div", {cls("govuk-hint"), attr("id", f.name + "-hint")}, {f.hint});
}

Node error_message(const Field& f) {
  if (f.error.empty()) return none();
  return el("p", {cls("govuk-error-message"), attr("id", f.name + "-error")},
            {el("span", {cls("govuk-visually-hidden")}, {"Error: "}), f.error});
}

std::string described_by(const Field& f) {
  std::string ids;
  if (!f.hint.empty()) ids += f.name + "-hint";
  if (!f.error.empty()) ids += (ids.empty() ? "" : " ") + f.name + "-error";
  return ids;
}

Attr aria_described(const Field& f) {
  auto ids = described_by(f);
  return {"aria-describedby", ids, !ids.empty()};
}

Node fieldset(const Field& f, Node body) {
  return el("div", {cls(group_class(f)), attr("id", f.name)},
            {el("fieldset", {cls("govuk-fieldset"), aria_described(f)},
                {el("legend", {cls("govuk-fieldset__legend govuk-fieldset__legend--s")}, {f.label}), hint(f),
                 error_message(f), std::move(body)})});
}

}  // namespace

std::string error_for(const std::vector<FieldError>& errors, std::string_view field) {
  for (const auto& e : errors)
    if (e.field == field) return e.message;
  return "";
}

Node error_summary(const std::vector<FieldError>& errors) {
  if (errors.empty()) return none();
  Nodes items;
  for (const auto& e : errors) items.push_back(el("li", {el("a", {href("#" + e.field)}, {e.message})}));
  return el("div", {cls("govuk-error-summary"), attr("role", "alert")},
            {el("h2", {cls("govuk-error-summary__title")}, {"There is a problem"}),
             el("div", {cls("govuk-error-summary__body")},
                {el("ul", {cls("govuk-list govuk-error-summary__list")}, std::move(items))})});
}

Node text_input(const Field& f, const char* type, const char* width) {
  std::string input_class = std::string("govuk-input") + (*width ? std::string(" ") + width : "") +
                            (f.error.empty() ? "" : " govuk-input--error");
  return el("div", {cls(group_class(f))},
            {el("label", {cls("govuk-label govuk-label--s"), attr("for", f.name)}, {f.label}), hint(f), error_message(f),
             el("input", {cls(input_class), attr("id", f.name), attr("name", f.name), attr("type", type),
                          attr("value", f.value), aria_described(f)})});
}

Node textarea(const Field& f, int rows) {
  return el("div", {cls(group_class(f))},
            {el("label", {cls("govuk-label govuk-label--s"), attr("for", f.name)}, {f.label}), hint(f), error_message(f),
             el("textarea", {cls(f.error.empty() ? "govuk-textarea" : "govuk-textarea govuk-textarea--error"),
                             attr("id", f.name), attr("name", f.name), attr("rows", std::to_string(rows)),
                             aria_described(f)},
                {f.value})});
}

Node radios(const Field& f, const Options& options) {
  Nodes items;
  int i = 0;
  for (const auto& [value, label] : options) {
    std::string id = f.name + "-" + std::to_string(i++);
    items.push_back(el("div", {cls("govuk-radios__item")},
                       {el("input", {cls("govuk-radios__input"), attr("id", id), attr("name", f.name), attr("type", "radio"),
                                     attr("value", value), flag("checked", value == f.value)}),
                        el("label", {cls("govuk-label govuk-radios__label"), attr("for", id)}, {label})}));
  }
  return fieldset(f, el("div", {cls("govuk-radios")}, std::move(items)));
}

Node select(const Field& f, const Options& options) {
  Nodes items;
  for (const auto& [value, label] : options)
    items.push_back(el("option", {attr("value", value), flag("selected", value == f.value)}, {label}));
  return el("div", {cls(group_class(f))},
            {el("label", {cls("govuk-label govuk-label--s"), attr("for", f.name)}, {f.label}), hint(f), error_message(f),
             el("select", {cls("govuk-select"), attr("id", f.name), attr("name", f.name), aria_described(f)},
                std::move(items))});
}

Node checkboxes(const Field& f, const Options& options, const std::vector<std::string>& checked) {
  Nodes items;
  int i = 0;
  for (const auto& [value, label] : options) {
    std::string id = f.name + "-" + std::to_string(i++);
    bool on = std::find(checked.begin(), checked.end(), value) != checked.end();
    items.push_back(el("div", {cls("govuk-checkboxes__item")},
                       {el("input", {cls("govuk-checkboxes__input"), attr("id", id), attr("name", f.name),
                                     attr("type", "checkbox"), attr("value", value), flag("checked", on)}),
                        el("label", {cls("govuk-label govuk-checkboxes__label"), attr("for", id)}, {label})}));
  }
  return fieldset(f, el("div", {cls("govuk-checkboxes govuk-checkboxes--small steward-columns")}, std::move(items)));
}

Node date_input(const Field& f, const std::string& day, const std::string& month, const std::string& year) {
  auto part = [&](const char* suffix, const char* label, const std::string& value, const char* width) {
    std::string name = f.name + "-" + suffix;
    return el("div", {cls("govuk-date-input__item")},
              {el("div", {cls("govuk-form-group")},
                  {el("label", {cls("govuk-label govuk-date-input__label"), attr("for", name)}, {label}),
                   el("input", {cls(std::string("govuk-input govuk-date-input__input ") + width +
                                    (f.error.empty() ? "" : " govuk-input--error")),
                                attr("id", name), attr("name", name), attr("type", "text"), attr("inputmode", "numeric"),
                                attr("value", value)})})});
  };
  return fieldset(f, el("div", {cls("govuk-date-input")},
                        {part("day", "Day", day, "govuk-input--width-2"), part("month", "Month", month, "govuk-input--width-2"),
                         part("year", "Year", year, "govuk-input--width-4")}));
}

Node csrf_field(const std::string& token) {
  return el("input", {attr("type", "hidden"), attr("name", "csrf_token"), attr("value", token)});
}

Node button(const char* label, const char* classes) {
  return el("button", {cls(classes), attr("type", "submit"), attr("data-module", "govuk-button")}, {label});
}

Node heading(const std::string& text, const std::string& caption) {
  return fragment({caption.empty() ? none() : el("span", {cls("govuk-caption-l")}, {caption}),
                   el("h1", {cls("govuk-heading-l")}, {text})});
}

}  // namespace steward::web
