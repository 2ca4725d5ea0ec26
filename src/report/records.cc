#include "report/records.h"

#include <set>

#include <fmt/format.h>

#include "report/registry_facts.h"

namespace vendorlint {
namespace {

std::string OrNotStated(std::string s) { return s.empty() ? std::string(kNotStated) : s; }

std::string Where(const Registry& reg, const Location& loc) {
  if (!loc.valid() || loc.file >= reg.files.size()) return std::string(kNotStated);
  return fmt::format("{}:{}", reg.files.at(loc.file), loc.line);
}

std::string HostText(const Registry& reg, const Provider& p) {
  if (!p.storage->hosted_on) return "";
  const Provider* host = reg.FindProvider(p.storage->hosted_on->value);
  return host ? ProviderName(*host) : p.storage->hosted_on->value;
}

// Who receives the data of a flow: the provider (and its host) for data it
// gets; the organisation for data the provider sends it.
std::string Recipients(const Registry& reg, const Provider& p, const DataFlow& f) {
  if (f.direction.value == Direction::kReceived)
    return OrNotStated(reg.organization.name.value);
  std::string out = ProviderName(p);
  std::string host = HostText(reg, p);
  if (!host.empty()) out += "; hosted on " + host;
  return out;
}

std::string Activity(const Provider& p, const DataFlow& f, size_t index) {
  std::string what = f.description ? f.description->value : "";
  const char* verb = f.direction.value == Direction::kShared     ? "shared with"
                     : f.direction.value == Direction::kReceived ? "received from"
                                                                 : "collected by";
  return fmt::format("{} {} (data_flows[{}]){}", verb, ProviderName(p), index,
                     what.empty() ? "" : ": " + what);
}

std::string EntityText(const Provider& p) { return OptionalText(p.entity->legal_name); }

}  // namespace

RecordTable RopaTable(const Registry& reg) {
  RecordTable t;
  t.title = "Records of processing";
  t.keys = {"activity", "processor", "legal_entity", "role", "direction", "purposes",
            "data_subjects", "personal_data", "recipients", "third_country_locations",
            "transfer_safeguards", "retention", "security_measures", "dpa", "record"};
  t.headers = {"Processing activity", "Processor / provider", "Legal entity", "Role",
               "Direction", "Purposes", "Categories of data subjects",
               "Categories of personal data", "Recipients",
               "Transfers: processing and storage locations", "Transfer safeguards",
               "Retention", "Security measures", "DPA", "Registry record"};
  for (const Provider& p : reg.providers) {
    std::vector<std::string> common_tail = {
        LocationsText(p.locations), TransferSafeguardsText(p.contracts), RetentionText(p.retention),
        SecurityText(p.storage), DpaText(p.contracts->dpa)};
    if (p.data_flows.items.empty()) {
      std::vector<std::string> row = {
          "use of " + ProviderName(p) + " (no data flow recorded)", ProviderName(p), EntityText(p),
          OptionalText(p.role), std::string(kNotStated),
          NamesText(reg.taxonomy, TaxonomyKind::kPurpose, p.purposes), std::string(kNotStated),
          std::string(kNotStated), std::string(kNotStated)};
      row.insert(row.end(), common_tail.begin(), common_tail.end());
      row.push_back(Where(reg, p.loc.valid() ? p.loc : p.id.loc));
      t.rows.push_back(std::move(row));
      continue;
    }
    for (size_t i = 0; i < p.data_flows.items.size(); ++i) {
      const DataFlow& f = p.data_flows.items[i];
      std::vector<std::string> row = {
          Activity(p, f, i), ProviderName(p), EntityText(p), OptionalText(p.role),
          DirectionName(f.direction.value),
          NamesText(reg.taxonomy, TaxonomyKind::kPurpose, EffectivePurposes(p, f)),
          NamesText(reg.taxonomy, TaxonomyKind::kSubject, f.subjects),
          NamesText(reg.taxonomy, TaxonomyKind::kCategory, f.categories), Recipients(reg, p, f)};
      row.insert(row.end(), common_tail.begin(), common_tail.end());
      row.push_back(Where(reg, f.loc));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

RecordTable SubprocessorTable(const Registry& reg) {
  RecordTable t;
  t.title = "Sub-processors";
  t.keys = {"name", "legal_entity", "country", "role", "processing_locations",
            "storage_locations", "purpose", "categories_of_data", "dpa", "id"};
  t.headers = {"Name", "Legal entity", "Country", "Role", "Processing locations",
               "Storage locations", "Purpose", "Categories of data", "DPA", "Id"};
  for (const Provider& p : reg.providers) {
    // The data it gets: categories of the flows shared with it or collected
    // by it, in first-seen order (names from the taxonomy).
    KeyList gets;
    std::set<std::string> seen;
    for (const DataFlow& f : p.data_flows.items) {
      if (f.direction.value == Direction::kReceived) continue;
      gets.known = true;
      for (const auto& c : f.categories.items)
        if (seen.insert(c.value).second) gets.items.push_back(c);
    }
    if (p.data_flows.known && !gets.known) gets.known = true;  // flows recorded, none to it: none
    std::string purpose = p.summary ? p.summary->value : "";
    std::string purposes = NamesText(reg.taxonomy, TaxonomyKind::kPurpose, p.purposes);
    if (purpose.empty()) {
      purpose = purposes;
    } else if (purposes != kNotStated) {
      purpose = purposes + ": " + purpose;
    }
    t.rows.push_back({ProviderName(p), EntityText(p),
                      p.entity->country ? p.entity->country->value : std::string(kNotStated),
                      OptionalText(p.role), ListText(p.locations->processing),
                      ListText(p.locations->storage), purpose,
                      NamesText(reg.taxonomy, TaxonomyKind::kCategory, gets),
                      DpaText(p.contracts->dpa), p.id.value});
  }
  return t;
}

}  // namespace vendorlint
