// The pull request the `check --base` tests (Markdown, HTML) review: SendGrid's
// flow gains students and loses its "not students" exclusion, and a new
// processor is added. One edit, so the formats are tested on the same change.
#ifndef VENDORLINT_TESTS_CLI_PULL_REQUEST_FIXTURE_H_
#define VENDORLINT_TESTS_CLI_PULL_REQUEST_FIXTURE_H_

#include <string>

#include "test_support.h"

namespace vendorlint::testing {

// Edits root/registry in place. `name` and `legal_name` are the new
// processor's (the HTML test gives them markup to escape).
inline void EditLikeAPullRequest(const std::string& root, const std::string& name = "New Vendor",
                                 const std::string& legal_name = "New Vendor Inc.") {
  std::string path = root + "/registry/providers/sendgrid.yaml";
  std::string y = ReadFileOrDie(path);
  y.replace(y.find("subjects: [teacher, parent, school_leader]"), 42,
            "subjects: [teacher, parent, school_leader, student]");
  y.erase(y.find("exclusions:"), y.find("sources:") - y.find("exclusions:"));
  WriteFileOrDie(path, y);
  WriteFileOrDie(root + "/registry/providers/newvendor.yaml",
                 "id: newvendor\n"
                 "name: " + name + "\n"
                 "contexts: [product]\n"
                 "purposes: [analytics.reporting.product_usage]\n"
                 "entity:\n"
                 "  legal_name: " + legal_name + "\n"
                 "  country: US\n"
                 "locations:\n"
                 "  processing: [US]\n"
                 "  storage: [US]\n"
                 "data_flows:\n"
                 "  - direction: shared\n"
                 "    subjects: [teacher]\n"
                 "    categories: [user.contact.email]\n"
                 "sources:\n"
                 "  - disclosure: classdojo-later\n"
                 "    row: New Vendor\n");
}

}  // namespace vendorlint::testing

#endif  // VENDORLINT_TESTS_CLI_PULL_REQUEST_FIXTURE_H_
