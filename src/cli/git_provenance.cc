#include "cli/git_provenance.h"

#include <cctype>
#include <cstdio>
#include <string_view>

namespace vendorlint {
namespace {

// The first line `command` prints, or "" if it fails. Its stderr is dropped:
// "not a git repository" is an expected answer, not a problem to report.
std::string FirstLine(const char* command) {
  FILE* p = popen(command, "r");
  if (p == nullptr) return "";
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
  int status = pclose(p);
  if (status != 0) return "";
  size_t nl = out.find('\n');
  if (nl != std::string::npos) out.resize(nl);
  return out;
}

}  // namespace

std::string RemoteUrlAsUri(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    for (size_t i = 0; i < scheme; ++i) {
      char c = url[i];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
        return "";
    }
    std::string_view rest = url.substr(scheme + 3);
    std::string_view authority = rest.substr(0, rest.find('/'));
    size_t at = authority.rfind('@');
    std::string out(url.substr(0, scheme + 3));
    // A token in the URL must not end up in an uploaded report; ssh's user
    // name ("git@") is not a secret and is part of the address.
    std::string_view user = at == std::string_view::npos ? "" : authority.substr(0, at);
    bool keep_user = url.substr(0, scheme) == "ssh" && user.find(':') == std::string_view::npos;
    if (at != std::string_view::npos && !keep_user) rest.remove_prefix(at + 1);
    out += rest;
    return out;
  }
  // scp-like: [user@]host:path, where host has no '/'.
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  std::string_view host = url.substr(0, colon);
  if (host.find('/') != std::string_view::npos) return "";
  std::string_view path = url.substr(colon + 1);
  if (path.empty()) return "";
  return "ssh://" + std::string(host) + (path.starts_with('/') ? "" : "/") + std::string(path);
}

void ReadGitProvenance(std::string* repository_uri, std::string* revision_id) {
  repository_uri->clear();
  revision_id->clear();
  std::string remote = FirstLine("git remote get-url origin 2>/dev/null");
  std::string uri = RemoteUrlAsUri(remote);
  if (uri.empty()) return;
  std::string head = FirstLine("git rev-parse --verify -q HEAD 2>/dev/null");
  if (head.size() < 40) return;  // no commit yet
  *repository_uri = uri;
  *revision_id = head;
}

}  // namespace vendorlint
