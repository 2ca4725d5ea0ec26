// Wording shared by the human-readable writers (text, Markdown, HTML): how an
// evidence item and a rule's fix read in one line. Pure functions of their
// arguments; no escaping (each writer escapes for its own sink).
#ifndef VENDORLINT_REPORT_FINDING_TEXT_H_
#define VENDORLINT_REPORT_FINDING_TEXT_H_

#include <string>
#include <string_view>

#include "rules/finding.h"

namespace vendorlint {

// An evidence message that starts with its own path ("data_flows[0] shares
// ...") without that path: the writers lead the line with the path already.
std::string EvidenceText(const Evidence& e);

// The first sentence of a rule's remediation, on one line (runs of
// whitespace and line breaks become one space).
std::string FirstSentence(std::string_view text);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_FINDING_TEXT_H_
