// The data map: the organisation, its providers and the personal data that
// flows to and from each, as Graphviz DOT (deterministic: providers by id,
// edges by direction and subject) and as SVG laid out by Graphviz's own
// library (cgraph + gvc), so that no `dot` program needs to be installed.
//
// Providers are grouped by whom the data is about: those with a flow about
// students (any subject key under `student`) first, marked in red; then those
// with personal data about other subjects; then those whose flows do not say
// whom the data is about.
//
// Thread-safety: Graphviz keeps global state; call DataMapSvg from one thread.
#ifndef VENDORLINT_REPORT_DATA_MAP_H_
#define VENDORLINT_REPORT_DATA_MAP_H_

#include <string>

#include "model/registry.h"

namespace vendorlint {

std::string DataMapDot(const Registry& registry);

// Lays `dot` out with Graphviz and renders it as SVG. The result has no XML
// prolog or DOCTYPE (so it can be put inline in HTML) and loads nothing. False
// with *error when Graphviz cannot read or lay out the graph.
bool RenderDotToSvg(const std::string& dot, std::string* svg, std::string* error);

// DataMapDot, then RenderDotToSvg.
bool DataMapSvg(const Registry& registry, std::string* svg, std::string* error);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_DATA_MAP_H_
