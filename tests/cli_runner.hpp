// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// Runs the lrsched command (the path in the LRSCHED_CLI macro) with arguments and standard
// input, and captures its exit code, standard output and standard error (POSIX only).
#ifndef LRSCHED_TESTS_CLI_RUNNER_HPP
#define LRSCHED_TESTS_CLI_RUNNER_HPP

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace lrsched::test {

struct cli_result {
  int exit_code = -1;  // the exit status, or 128 + signal number if a signal ended it
  std::string out;
  std::string err;
};

/// A temporary file holding `content`, removed when this goes out of scope.
class temporary_file {
 public:
  explicit temporary_file(const std::string& content = {}) {
    std::string pattern = "/tmp/lrsched-cli-test.XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    path_ = pattern;
    std::size_t written = 0;
    while (written < content.size()) {
      const ::ssize_t n = ::write(fd, content.data() + written, content.size() - written);
      if (n <= 0) {
        ::close(fd);
        throw std::runtime_error("cannot write " + path_);
      }
      written += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  temporary_file(const temporary_file&) = delete;
  temporary_file& operator=(const temporary_file&) = delete;
  ~temporary_file() { std::remove(path_.c_str()); }

  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::string content() const {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  std::string path_;
};

/// Runs `program arguments...` with `input` on its standard input.
inline cli_result run_program(const std::string& program, const std::vector<std::string>& arguments,
                              const std::string& input = {}) {
  const temporary_file in(input);
  const temporary_file out;
  const temporary_file err;
  std::vector<std::string> words{program};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::fflush(nullptr);
  const ::pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int fds[3] = {::open(in.path().c_str(), O_RDONLY),
                        ::open(out.path().c_str(), O_WRONLY | O_TRUNC),
                        ::open(err.path().c_str(), O_WRONLY | O_TRUNC)};
    for (int k = 0; k < 3; ++k) {
      if (fds[k] < 0 || ::dup2(fds[k], k) < 0) ::_exit(126);
      ::close(fds[k]);
    }
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  cli_result result;
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  result.out = out.content();
  result.err = err.content();
  return result;
}

#ifdef LRSCHED_CLI
/// Runs the lrsched command.
inline cli_result run_cli(const std::vector<std::string>& arguments,
                          const std::string& input = {}) {
  return run_program(LRSCHED_CLI, arguments, input);
}
#endif

}  // namespace lrsched::test

#endif  // LRSCHED_TESTS_CLI_RUNNER_HPP
