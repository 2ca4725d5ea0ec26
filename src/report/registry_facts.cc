#include "report/registry_facts.h"

#include <fmt/format.h>

namespace vendorlint {

std::string FactText(const TriFact& fact) {
  switch (fact.value) {
    case Tri::kTrue:
      return "yes";
    case Tri::kFalse:
      return "no";
    case Tri::kUnknown:
      break;
  }
  return std::string(kNotStated);
}

std::string OptionalText(const std::optional<LocatedString>& value) {
  return value && !value->value.empty() ? value->value : std::string(kNotStated);
}

std::string ListText(const KeyList& list) {
  if (!list.known) return std::string(kNotStated);
  if (list.items.empty()) return "none";
  std::string out;
  for (const auto& item : list.items) out += (out.empty() ? "" : ", ") + item.value;
  return out;
}

std::string NamesText(const Taxonomy& taxonomy, TaxonomyKind kind, const KeyList& list) {
  if (!list.known) return std::string(kNotStated);
  if (list.items.empty()) return "none";
  std::string out;
  for (const auto& item : list.items) {
    const TaxonomyEntry* e = taxonomy.Find(kind, item.value);
    out += (out.empty() ? "" : ", ") + (e && !e->name.empty() ? e->name : item.value);
  }
  return out;
}

std::string ProviderName(const Provider& p) {
  return p.name.value.empty() ? p.id.value : p.name.value;
}

std::string RetentionText(const Retention& r) {
  std::string out;
  if (r.policy) {
    const std::string& policy = r.policy->value;
    if (policy == "fixed" && r.days) {
      out = fmt::format("{} days", r.days->value);
    } else if (policy == "none") {
      out = "none kept (zero data retention)";
    } else if (policy == "as_needed") {
      out = "as long as needed";
    } else {
      out = policy;
    }
  }
  if (r.statement && !r.statement->value.empty())
    out += (out.empty() ? "" : ": ") + r.statement->value;
  return out.empty() ? std::string(kNotStated) : out;
}

std::string DpaText(const Dpa& dpa) {
  std::string out;
  switch (dpa.is_signed.value) {
    case Tri::kTrue:
      out = dpa.date ? "signed " + dpa.date->value.ToString() : "signed";
      break;
    case Tri::kFalse:
      out = "not signed";
      break;
    case Tri::kUnknown:
      out = std::string(kNotStated);
      break;
  }
  if (dpa.url && !dpa.url->value.empty()) out += " (" + dpa.url->value + ")";
  return out;
}

KeyList EffectivePurposes(const Provider& p, const DataFlow& f) {
  return f.purposes.known ? f.purposes : p.purposes;
}

std::string LocationsText(const Locations& l) {
  if (!l.processing.known && !l.storage.known) {
    return l.statement && !l.statement->value.empty() ? l.statement->value
                                                      : std::string(kNotStated);
  }
  return fmt::format("processing: {}; storage: {}", ListText(l.processing), ListText(l.storage));
}

std::string TransferSafeguardsText(const Contracts& c) {
  std::string out = ListText(c.transfer_mechanisms);
  if (c.statement && !c.statement->value.empty()) {
    out = c.transfer_mechanisms.known ? out + ": " + c.statement->value : c.statement->value;
  }
  return out;
}

std::string SecurityText(const Storage& s) {
  if (s.encrypted_at_rest.value == Tri::kUnknown && s.passwords_hashed.value == Tri::kUnknown)
    return std::string(kNotStated);
  return fmt::format("encrypted at rest: {}; passwords hashed: {}", FactText(s.encrypted_at_rest),
                     FactText(s.passwords_hashed));
}

}  // namespace vendorlint
