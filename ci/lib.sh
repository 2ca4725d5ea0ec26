# Shared by ci/check and ci/test: install what is missing, build incrementally.
# shellcheck shell=bash
set -euo pipefail

VL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VL_JOBS="${VL_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Debian 12 packages the build and tests need. Nothing else is downloaded.
VL_PACKAGES=(g++ cmake ninja-build pkg-config libyaml-cpp-dev libfmt-dev
  libgtest-dev libre2-dev zlib1g-dev libgraphviz-dev libxlsxwriter-dev libssl-dev
  libjemalloc-dev)

vl_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "ci: missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "ci: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# vl_build PRESET [cmake --build options, e.g. --target vendorlint]: configure
# once, then build incrementally.
vl_build() {
  local preset="$1"
  shift
  cd "$VL_ROOT"
  if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset" >/dev/null
  fi
  cmake --build "build/$preset" -j "$VL_JOBS" "$@"
}
