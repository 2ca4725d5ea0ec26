// What the GDPR Art. 28(2) notice to controllers about a new processor must
// say, as plain text: who (name, legal entity, country), where (processing
// and storage locations), what data (categories and subjects of the flows
// toward it) and for what (purposes). Facts the registry lacks are named as
// "not recorded", never left out. Shared by the Markdown and HTML writers of
// `check --base`, which only escape and lay it out.
#ifndef VENDORLINT_REPORT_PROCESSOR_NOTICE_H_
#define VENDORLINT_REPORT_PROCESSOR_NOTICE_H_

#include <string>
#include <vector>

#include "check/registry_diff.h"
#include "model/registry.h"

namespace vendorlint {

struct ProcessorNotice {
  std::string name;
  std::string who;
  std::string where;
  std::string what;
  std::string why;
};

ProcessorNotice NoticeFor(const Provider& p);

// The providers of `registry` that `diff` adds with high impact (a new
// processor of personal data), in the diff's order.
std::vector<const Provider*> NewProcessors(const RegistryDiff& diff, const Registry& registry);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_PROCESSOR_NOTICE_H_
