// The HTML report's section per provider: its facts and its data flows
// (html_report.h).
#ifndef VENDORLINT_REPORT_HTML_PROVIDERS_H_
#define VENDORLINT_REPORT_HTML_PROVIDERS_H_

#include <string>

#include "model/registry.h"

namespace vendorlint {

// "<section id=p-ID>...": `provider`'s facts and flows (the report writes
// one for every provider of the registry, in turn).
std::string HtmlProviderSection(const Registry& registry, const Provider& provider);

// `url` as escaped text, and as a link when it is http(s) (a javascript: or
// data: URL from the registry must never become a link).
std::string HtmlUrl(std::string_view url, std::string_view text = "");

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_HTML_PROVIDERS_H_
