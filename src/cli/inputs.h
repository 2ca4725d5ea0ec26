// Where the rules and the taxonomy come from when a repository holds only a
// registry. The lookup order (docs/install.md):
//   rules:    --rules DIR; else ./rules; else <share>/rules
//   taxonomy: --taxonomy FILE; else <registry>/taxonomy.yaml; else <share>/taxonomy.yaml
// where <share> is the installed default pack, ../share/vendorlint beside the
// executable's folder (so an unpacked or relocated package works as well as
// /usr). When nothing is found the local path is kept, and loading it reports
// the missing file as before.
#ifndef VENDORLINT_CLI_INPUTS_H_
#define VENDORLINT_CLI_INPUTS_H_

#include <string>

#include "cli/cli.h"

namespace vendorlint {

// <folder of the running executable>/../share/vendorlint, normalised; "" if
// the executable's path cannot be read.
std::string InstalledShareDir();

// The parse cache folder for a --cache or $VENDORLINT_CACHE value: `off` or
// empty: none (""); `auto`: ParseCache::DefaultDir(); anything else: that folder.
std::string ResolveCacheDir(const std::string& value);

// Sets o->rules_dir, o->taxonomy and their *_source descriptions, and
// o->cache_dir from --cache, else $VENDORLINT_CACHE.
void ResolveInputs(CliOptions* o, const std::string& share_dir);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_INPUTS_H_
