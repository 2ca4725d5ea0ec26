# vendorlint in a container (Debian 12), built in two stages: the first
# compiles and packages vendorlint (the same .deb as `cpack`), the second
# installs only that package and its runtime libraries.
#
#   docker build -t vendorlint .
#   docker run --rm -v "$PWD:/repo" vendorlint check --format github
#
# The container's working directory is /repo: mount the repository that holds
# registry/ there. Without rules/ or registry/taxonomy.yaml the packaged
# policy pack and taxonomy are used (docs/install.md).
#
# Not built or run in this project's CI: the machines it runs on have no
# container engine (see README.md).

FROM debian:12 AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake ninja-build pkg-config libyaml-cpp-dev libfmt-dev libre2-dev zlib1g-dev libgraphviz-dev libxlsxwriter-dev libssl-dev libjemalloc-dev \
      dpkg-dev file \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt CMakePresets.json NOTICE README.md ./
COPY cmake cmake
COPY src src
COPY rules rules
COPY registry/taxonomy.yaml registry/taxonomy.yaml
COPY bench bench
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVENDORLINT_TESTS=OFF \
 && cmake --build build \
 && cd build && cpack -G DEB && mv vendorlint_*.deb /vendorlint.deb

FROM debian:12-slim
COPY --from=build /vendorlint.deb /tmp/vendorlint.deb
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/vendorlint.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/vendorlint.deb \
 && vendorlint --version
WORKDIR /repo
ENTRYPOINT ["vendorlint"]
CMD ["check"]
