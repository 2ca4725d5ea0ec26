#include "report/output_files.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string_view>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;

size_t Entries(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++n;
  }
  return n;
}

mode_t Mode(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(lstat(path.c_str(), &st), 0) << path;
  return st.st_mode;
}

TEST(OutputFiles, AtomicWriteReplacesOrLeavesUntouched) {
  std::string dir = testing::MakeTempDir();
  std::string path = dir + "/report.json";
  std::string err;
  ASSERT_TRUE(WriteOutputFile(path, "first", &err)) << err;
  ASSERT_TRUE(WriteOutputFile(path, "second", &err)) << err;
  EXPECT_EQ(testing::ReadFileOrDie(path), "second");
  ASSERT_TRUE(WriteOutputFile(dir + "/sub/dir/report.json", "nested", &err)) << err;
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/sub/dir/report.json"), "nested");
  // A parent that is a file cannot be created: an error, nothing written.
  EXPECT_FALSE(WriteOutputFile(path + "/report.json", "x", &err));
  EXPECT_EQ(err, "cannot write " + path + "/report.json: Not a directory");
  EXPECT_EQ(Entries(dir), 2u);  // report.json and sub/: no temporary file left behind
}

TEST(OutputFiles, ReplacedFileKeepsItsModeAndNewFilesFollowTheUmask) {
  std::string dir = testing::MakeTempDir();
  std::string path = dir + "/report.json";
  testing::WriteFileOrDie(path, "old");
  ASSERT_EQ(chmod(path.c_str(), 0640), 0);
  std::string err;
  ASSERT_TRUE(WriteOutputFile(path, "new", &err)) << err;
  EXPECT_EQ(Mode(path) & 07777, 0640u);
  EXPECT_TRUE(S_ISREG(Mode(path)));

  mode_t old_mask = umask(027);
  ASSERT_TRUE(WriteOutputFile(dir + "/fresh.json", "x", &err)) << err;
  umask(old_mask);
  EXPECT_EQ(Mode(dir + "/fresh.json") & 07777, 0640u);  // 0644 minus 027
}

TEST(OutputFiles, RefusesWhatIsNotAFileNameBeforeCreatingAnything) {
  std::string dir = testing::MakeTempDir();
  testing::WriteFileOrDie(dir + "/real.json", "real");
  fs::create_symlink(dir + "/real.json", dir + "/link.json");
  fs::create_symlink(dir + "/nowhere.json", dir + "/dangling.json");
  fs::create_symlink(dir, dir + "/folder-link");
  std::string err;
  EXPECT_FALSE(CheckOutputPath("", &err));
  EXPECT_EQ(err, "an empty path is not a file name: give the report a file name");
  EXPECT_FALSE(CheckOutputPath(dir + "/new/", &err));
  EXPECT_EQ(err, dir + "/new/ ends in '/', so it names a folder: give the report a file name");
  EXPECT_FALSE(CheckOutputPath(dir, &err));
  EXPECT_EQ(err, dir + " is a folder: give the report a file name");
  EXPECT_FALSE(CheckOutputPath(dir + "/folder-link", &err));
  EXPECT_EQ(err, dir + "/folder-link is a folder: give the report a file name");
  for (const char* link : {"/link.json", "/dangling.json"}) {
    EXPECT_FALSE(WriteOutputFile(dir + link, "x", &err));
    EXPECT_EQ(err, dir + link +
                       " is a symbolic link; vendorlint does not write reports through links, "
                       "which a pull request could plant: pass the real path");
  }
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/real.json"), "real");
  EXPECT_FALSE(fs::exists(dir + "/nowhere.json"));
  EXPECT_FALSE(fs::exists(dir + "/new"));
  EXPECT_TRUE(fs::is_symlink(dir + "/link.json"));
  EXPECT_EQ(Entries(dir), 4u);
}

TEST(OutputFiles, AbortRemovesTemporaryFilesAndCreatedFolders) {
  std::string dir = testing::MakeTempDir();
  testing::WriteFileOrDie(dir + "/a.json", "old a");
  {
    OutputFiles files;
    std::string err;
    ASSERT_TRUE(files.Stage(dir + "/a.json", "new a", &err)) << err;
    ASSERT_TRUE(files.Stage(dir + "/x/y/b.json", "new b", &err)) << err;
    EXPECT_EQ(Entries(dir), 3u);  // a.json, its temporary file, x/
    // The second file's parent is a file: staging fails, the caller aborts.
    EXPECT_FALSE(files.Stage(dir + "/a.json/c.json", "c", &err));
    files.Abort();
  }
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/a.json"), "old a");
  EXPECT_EQ(Entries(dir), 1u);
}

// A report written as a stream, larger than any buffer, arrives whole in a
// file and through a descriptor (whose copy waits in a spool file until Commit).
TEST(OutputFiles, StreamedContentArrivesWhole) {
  std::string dir = testing::MakeTempDir();
  std::string big;
  for (int i = 0; big.size() < (3u << 20); ++i) big += std::to_string(i) + " line of a report\n";
  auto write = [&](std::ostream& os) {
    for (size_t at = 0; at < big.size(); at += 1000) os << std::string_view(big).substr(at, 1000);
  };
  std::string sink_path = dir + "/sink";
  int fd = open(sink_path.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  std::string err;
  OutputFiles files;
  ASSERT_TRUE(files.Stage(dir + "/report.json", write, &err)) << err;
  ASSERT_TRUE(files.Stage("/dev/fd/" + std::to_string(fd), write, &err)) << err;
  EXPECT_EQ(testing::ReadFileOrDie(sink_path), "");  // nothing before Commit
  ASSERT_TRUE(files.Commit(&err)) << err;
  close(fd);
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/report.json"), big);
  EXPECT_EQ(testing::ReadFileOrDie(sink_path), big);
  EXPECT_EQ(Entries(dir), 2u);  // no temporary file left
}

TEST(OutputFiles, DevicesAreWrittenThroughNotReplaced) {
  if (geteuid() != 0) GTEST_SKIP() << "mknod needs root";
  std::string dir = testing::MakeTempDir();
  std::string null = dir + "/null", full = dir + "/full";
  ASSERT_EQ(mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  ASSERT_EQ(mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
  std::string err;
  ASSERT_TRUE(WriteOutputFile(null, "report", &err)) << err;
  EXPECT_TRUE(S_ISCHR(Mode(null)));
  // A device that fails: nothing else is put in place.
  testing::WriteFileOrDie(dir + "/old.json", "old");
  OutputFiles files;
  ASSERT_TRUE(files.Stage(dir + "/old.json", "new", &err)) << err;
  ASSERT_TRUE(files.Stage(full, "report", &err)) << err;
  EXPECT_FALSE(files.Commit(&err));
  EXPECT_EQ(err, "cannot write " + full + ": No space left on device");
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/old.json"), "old");
  EXPECT_TRUE(S_ISCHR(Mode(full)));
  EXPECT_EQ(Entries(dir), 3u);
}

TEST(OutputFiles, FifosAndSocketsAreWrittenThrough) {
  std::string dir = testing::MakeTempDir();
  // A socket: connecting succeeds once it listens; the report waits in the
  // socket buffer until accepted.
  std::string sock = dir + "/report.sock";
  int listener = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, sock.c_str(), sock.size() + 1);
  ASSERT_EQ(bind(listener, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(listener, 1), 0);
  std::string err;
  ASSERT_TRUE(WriteOutputFile(sock, "through the socket", &err)) << err;
  int conn = accept(listener, nullptr, nullptr);
  ASSERT_GE(conn, 0);
  char buf[64] = {};
  EXPECT_EQ(read(conn, buf, sizeof buf), 18);
  EXPECT_STREQ(buf, "through the socket");
  close(conn);
  close(listener);
  EXPECT_TRUE(S_ISSOCK(Mode(sock)));

  // A FIFO with a reader already waiting (opened non-blocking).
  std::string fifo = dir + "/report.fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  ASSERT_TRUE(WriteOutputFile(fifo, "through the fifo", &err)) << err;
  char fbuf[64] = {};
  EXPECT_EQ(read(reader, fbuf, sizeof fbuf), 16);
  EXPECT_STREQ(fbuf, "through the fifo");
  close(reader);
  EXPECT_TRUE(S_ISFIFO(Mode(fifo)));
  EXPECT_EQ(Entries(dir), 2u);
}

}  // namespace
}  // namespace vendorlint
