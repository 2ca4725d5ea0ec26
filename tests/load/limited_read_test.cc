// ReadFileLimited: the size limit, links out of the root, special files, and
// the fast path for a folder opened once (Limits::dir_fd), which must refuse
// and report exactly what the full check does.
#include "load/limited_read.h"

#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.h"

namespace vendorlint::yaml {
namespace {

namespace fs = std::filesystem;

TEST(YamlReadFile, ReadsAFile) {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFileOrDie(dir + "/a.yaml", "a: 1\n");
  std::string content;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(ReadFileLimited(dir + "/a.yaml", Limits{}, &content, &diags));
  EXPECT_EQ(content, "a: 1\n");
  EXPECT_TRUE(diags.empty());
  testing::WriteFileOrDie(dir + "/empty.yaml", "");
  ASSERT_TRUE(ReadFileLimited(dir + "/empty.yaml", Limits{}, &content, &diags));
  EXPECT_EQ(content, "");
}

TEST(YamlReadFile, RefusesLargeFilesWithoutReadingThem) {
  const std::string dir = testing::MakeTempDir();
  const std::string path = dir + "/big.yaml";
  testing::WriteFileOrDie(path, std::string((1 << 20) + 1, 'a'));
  std::string content;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(ReadFileLimited(path, Limits{}, &content, &diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].Format(), path +
                                   ": error: file is larger than 1 MiB (1048577 bytes); split it "
                                   "(the limit is fixed)");
  testing::WriteFileOrDie(path, std::string(1 << 20, 'a'));
  diags.clear();
  EXPECT_TRUE(ReadFileLimited(path, Limits{}, &content, &diags));
  EXPECT_EQ(content.size(), size_t{1} << 20);
}

TEST(YamlReadFile, MissingFileDirectoryAndFifo) {
  const std::string dir = testing::MakeTempDir();
  std::string content;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(ReadFileLimited(dir + "/nope.yaml", Limits{}, &content, &diags));
  EXPECT_FALSE(ReadFileLimited(dir, Limits{}, &content, &diags));
  ASSERT_EQ(::mkfifo((dir + "/fifo").c_str(), 0600), 0);
  EXPECT_FALSE(ReadFileLimited(dir + "/fifo", Limits{}, &content, &diags));  // must not block
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].Format(),
            dir + "/nope.yaml: error: cannot read file: No such file or directory");
  EXPECT_EQ(diags[1].Format(), dir + ": error: cannot read file: it is a directory");
  EXPECT_EQ(diags[2].Format(), dir + "/fifo: error: cannot read file: not a regular file");
}

// A root with a providers/ folder opened once, as the registry loader opens it.
struct Project {
  std::string root = testing::MakeTempDir();
  std::string dir = root + "/providers";
  Limits limits;
  std::optional<OpenedFolder> opened;
  Project() {
    fs::create_directory(dir);
    limits.root = root;
    limits.resolved_root = fs::canonical(root).string();
    opened.emplace(dir, &limits);
  }
};

TEST(YamlReadFile, AFolderOutsideTheRootIsNotOpened) {
  Project p;
  Limits limits = p.limits;
  limits.dir.clear();
  limits.dir_fd = -1;
  const std::string elsewhere = testing::MakeTempDir();
  OpenedFolder outside(elsewhere, &limits);
  EXPECT_EQ(limits.dir_fd, -1);
  EXPECT_TRUE(limits.dir.empty());
  fs::create_symlink(elsewhere, p.root + "/linked");
  OpenedFolder linked(p.root + "/linked", &limits);
  EXPECT_EQ(limits.dir_fd, -1);
}

TEST(YamlReadFile, InAnOpenedFolderReadsFilesAndReportsAsTheFullCheckDoes) {
  Project f;
  ASSERT_GE(f.limits.dir_fd, 0);
  EXPECT_EQ(f.limits.dir, f.dir);
  testing::WriteFileOrDie(f.dir + "/a.yaml", "a: 1\n");
  fs::create_directory(f.dir + "/sub.yaml");
  ASSERT_EQ(::mkfifo((f.dir + "/fifo.yaml").c_str(), 0600), 0);
  std::string content;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(ReadFileLimited(f.dir + "/a.yaml", f.limits, &content, &diags));
  EXPECT_EQ(content, "a: 1\n");
  EXPECT_FALSE(ReadFileLimited(f.dir + "/nope.yaml", f.limits, &content, &diags));
  EXPECT_FALSE(ReadFileLimited(f.dir + "/sub.yaml", f.limits, &content, &diags));
  EXPECT_FALSE(ReadFileLimited(f.dir + "/fifo.yaml", f.limits, &content, &diags));
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].Format(),
            f.dir + "/nope.yaml: error: cannot read file: No such file or directory");
  EXPECT_EQ(diags[1].Format(), f.dir + "/sub.yaml: error: cannot read file: it is a directory");
  EXPECT_EQ(diags[2].Format(),
            f.dir + "/fifo.yaml: error: cannot read file: not a regular file");
}

TEST(YamlReadFile, InAnOpenedFolderALinkOutOfTheRootIsRefusedUnread) {
  Project f;
  ASSERT_GE(f.limits.dir_fd, 0);
  const std::string secret = testing::MakeTempDir() + "/secret.yaml";
  testing::WriteFileOrDie(secret, "SECRET: 1\n");
  fs::create_symlink(secret, f.dir + "/leak.yaml");
  // A link inside the root is followed, as by the full check.
  testing::WriteFileOrDie(f.root + "/kept.yaml", "kept: 1\n");
  fs::create_symlink("../kept.yaml", f.dir + "/kept.yaml");
  std::string content;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(ReadFileLimited(f.dir + "/leak.yaml", f.limits, &content, &diags));
  EXPECT_EQ(content.find("SECRET"), std::string::npos);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].Format(), f.dir + "/leak.yaml: error: refused: a symbolic link to a file "
                                       "outside `" + f.root + "`; only files inside it are read "
                                       "(replace the link with the file itself)");
  diags.clear();
  ASSERT_TRUE(ReadFileLimited(f.dir + "/kept.yaml", f.limits, &content, &diags));
  EXPECT_EQ(content, "kept: 1\n");
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace vendorlint::yaml
