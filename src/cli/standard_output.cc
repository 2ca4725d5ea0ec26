#include "cli/standard_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/cli.h"

namespace vendorlint {
namespace {

// A buffer over a file descriptor that remembers the first failed write and
// then discards the rest (the output is lost either way; retrying would only
// repeat the error). On a terminal it flushes at every newline, so a person
// sees progress as it happens.
class CheckedFdBuffer : public std::streambuf {
 public:
  explicit CheckedFdBuffer(int fd) : fd_(fd), line_buffered_(isatty(fd) == 1) {
    setp(buffer_, buffer_ + sizeof buffer_);
  }

  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (Drain() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
      if (line_buffered_ && ch == '\n' && Drain() != 0) return traits_type::eof();
    }
    return traits_type::not_eof(ch);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize done = 0;
    while (done < n) {
      std::streamsize room = epptr() - pptr();
      if (room == 0) {
        if (Drain() != 0) return done;
        continue;
      }
      std::streamsize chunk = std::min(room, n - done);
      std::memcpy(pptr(), s + done, static_cast<size_t>(chunk));
      pbump(static_cast<int>(chunk));
      done += chunk;
    }
    if (line_buffered_ && std::memchr(s, '\n', static_cast<size_t>(n)) != nullptr && Drain() != 0)
      return done;  // the error is remembered; Finish reports it
    return done;
  }

  int sync() override { return Drain() == 0 ? 0 : -1; }

 private:
  // Writes out the buffer. 0, or the (first) errno.
  int Drain() {
    const char* p = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      ssize_t n = write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
      } else {
        p += n;
        left -= static_cast<size_t>(n);
      }
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_;
  }

  int fd_;
  bool line_buffered_;
  int error_ = 0;
  char buffer_[1 << 16];
};

void FillClosedDescriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // open() returns the lowest free descriptor: this one.
    int filler = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (filler >= 0 && filler != fd) close(filler);
  }
}

}  // namespace

StandardOutput::StandardOutput() {
  FillClosedDescriptors();
  buffer_ = std::make_unique<CheckedFdBuffer>(STDOUT_FILENO);
  previous_ = std::cout.rdbuf(buffer_.get());
}

StandardOutput::~StandardOutput() {
  std::cout.flush();
  std::cout.rdbuf(previous_);
}

int StandardOutput::Finish(int exit_code, std::ostream& err) {
  std::cout.flush();
  int error = static_cast<CheckedFdBuffer*>(buffer_.get())->error();
  if (error == 0) return exit_code;
  err << "vendorlint: error: cannot write to standard output: " << std::strerror(error) << "\n";
  return kExitInvalid;
}

}  // namespace vendorlint
