// The Markdown and HTML forms of the public page (public_page.h). Every
// registry string goes through util/escape.h (Markdown) or HtmlEscape (HTML).
#include <fmt/format.h>

#include "report/html_report.h"
#include "report/html_style.h"
#include "report/markdown_report.h"
#include "report/public_page.h"

namespace vendorlint {
namespace {

// A URL as a Markdown link destination: the characters that would end the
// destination or the table cell are percent-encoded (check/reconcile.cc
// decodes the same ones when it compares links).
std::string MarkdownUrl(std::string_view url) {
  std::string out;
  for (char c : url) {
    switch (c) {
      case ' ': out += "%20"; break;
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      case '|': out += "%7C"; break;
      case '(': out += "%28"; break;
      case ')': out += "%29"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += fmt::format("%{:02X}", c);
        else out += c;
    }
  }
  return out;
}

const char* kHowColumn = "How {} uses it";
const char* kWhatColumn = "What is shared with it, received from it or collected by it";

}  // namespace

std::string PublicPageMarkdown(const Registry& reg) {
  PublicPage page = BuildPublicPage(reg);
  const std::string org = MarkdownEscape(reg.organization.name.value);
  std::string out = fmt::format("# {}\n\n{}\n", MarkdownEscape(page.title), MarkdownEscape(page.intro));
  for (const auto& t : page.tables) {
    out += fmt::format("\n## {}\n\n| {} | {} | {} |\n|---|---|---|\n", MarkdownEscape(t.section),
                       kProviderColumn, fmt::format(fmt::runtime(kHowColumn), org), kWhatColumn);
    for (const auto& r : t.rows) {
      std::string name = MarkdownEscape(r.name);
      if (!r.url.empty()) name = fmt::format("[{}]({})", name, MarkdownUrl(r.url));
      if (!r.link_kind.empty()) name += fmt::format(" (link: {})", MarkdownEscape(r.link_kind));
      out += fmt::format("| {} | {} | {} |\n", name, MarkdownEscape(r.how), MarkdownEscape(r.what));
    }
  }
  out += fmt::format("\n## By data type\n\n| {} | Who receives it | About whom | Where it is stored |\n"
                     "|---|---|---|---|\n",
                     kDataTypeColumn);
  for (const auto& r : page.by_type)
    out += fmt::format("| {} ({}) | {} | {} | {} |\n", MarkdownEscape(r.category),
                       MarkdownEscape(r.category_key), MarkdownEscape(r.recipient),
                       MarkdownEscape(r.about), MarkdownEscape(r.stored));
  return out;
}

std::string PublicPageHtml(const Registry& reg) {
  PublicPage page = BuildPublicPage(reg);
  const std::string org = HtmlEscape(reg.organization.name.value);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>{0}</h1>\n<p>{2}</p>\n",
      HtmlEscape(page.title), kHtmlStyle, HtmlEscape(page.intro));
  for (const auto& t : page.tables) {
    out += fmt::format(
        "<h2>{}</h2>\n<table class=\"changes\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        HtmlEscape(t.section), kProviderColumn, fmt::format(fmt::runtime(kHowColumn), org), kWhatColumn);
    for (const auto& r : t.rows) {
      std::string name = HtmlEscape(r.name);
      if (!r.url.empty())
        name = fmt::format("<a class=\"url\" href=\"{}\" rel=\"noreferrer\">{}</a>", HtmlEscape(r.url), name);
      if (!r.link_kind.empty()) name += fmt::format(" (link: {})", HtmlEscape(r.link_kind));
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", name, HtmlEscape(r.how),
                         HtmlEscape(r.what));
    }
    out += "</tbody>\n</table>\n";
  }
  out += fmt::format(
      "<h2>By data type</h2>\n<table class=\"changes\">\n<thead><tr><th>{}</th><th>Who receives "
      "it</th><th>About whom</th><th>Where it is stored</th></tr></thead>\n<tbody>\n",
      kDataTypeColumn);
  for (const auto& r : page.by_type) {
    auto cell = [](const std::string& s) {
      return s == "not stated" ? "<span class=\"notstated\">not stated</span>" : HtmlEscape(s);
    };
    out += fmt::format("<tr><td>{} <code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       HtmlEscape(r.category), HtmlEscape(r.category_key), HtmlEscape(r.recipient),
                       cell(r.about), cell(r.stored));
  }
  out += "</tbody>\n</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace vendorlint
