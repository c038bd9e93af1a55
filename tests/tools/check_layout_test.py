#!/usr/bin/python3
"""Unit tests of check_layout.py (CTest `layout_includes_checker`): the checker run on tiny
trees planted in a temporary folder, each with one defect (or none), must fail on exactly
that defect and pass the clean tree.

usage: check_layout_test.py [unittest options]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_layout.py")

# A clean tree: a graph/ module, an io/ header on it, a CLI source, a test and a benchmark.
#   graph/a.hpp <- graph/a.cpp
#        ^------- io/b.hpp <- cli/c.cpp, tests/t.cpp, bench/m.cpp
CLEAN = {
    "graph/a.hpp": "#pragma once\n",
    "graph/a.cpp": '#include "graph/a.hpp"\n',
    "io/b.hpp": '#pragma once\n#include "graph/a.hpp"\n#include <vector>\n',
    "cli/c.cpp": '#include "io/b.hpp"\n',
    "tests/t.cpp": '#include "io/b.hpp"\n#include "gtest/gtest.h"\n',
    "bench/m.cpp": '#include "io/b.hpp"\n',
    "README.md": "`graph/` the model, `io/` the readers, `cli/` the program, `tests/`, `bench/`.\n",
}


def plant(root, files):
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)


def check(root):
    r = subprocess.run([sys.executable, CHECKER, "--source", root], capture_output=True,
                       text=True, check=False)
    return r.returncode, r.stdout.splitlines()


class CheckLayoutTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="sg_layout_")
        self.addCleanup(shutil.rmtree, self.root)

    def run_on(self, extra):
        plant(self.root, {**CLEAN, **extra})
        return check(self.root)

    def test_clean_tree_passes(self):
        status, lines = self.run_on({})
        self.assertEqual(status, 0, lines)
        self.assertEqual(lines, ["PASS cycles: 6 files, no include cycle",
                                 "PASS modules: 5 modules, no cycle between them",
                                 "PASS rooms: 4 files include only the rooms their targets link",
                                 "PASS readmes: every folder has a README.md or a line in its "
                                 "parent's"])

    def test_two_headers_including_each_other_fail(self):
        # tests/x.hpp <-> tests/y.hpp
        status, lines = self.run_on({"tests/x.hpp": '#pragma once\n#include "tests/y.hpp"\n',
                                     "tests/y.hpp": '#pragma once\n#include "tests/x.hpp"\n'})
        self.assertEqual(status, 1, lines)
        self.assertIn("FAIL cycles: tests/x.hpp <-> tests/y.hpp", lines)

    def test_longer_cycle_through_relative_includes_fails(self):
        # bench/p.hpp -> bench/q.hpp -> io/r.hpp -> bench/p.hpp ("q.hpp" is beside p.hpp)
        status, lines = self.run_on({"bench/p.hpp": '#include "q.hpp"\n',
                                     "bench/q.hpp": '#include "io/r.hpp"\n',
                                     "io/r.hpp": '#include "bench/p.hpp"\n'})
        self.assertEqual(status, 1, lines)
        self.assertIn("FAIL cycles: bench/p.hpp <-> bench/q.hpp <-> io/r.hpp", lines)

    def test_file_including_itself_fails(self):
        status, lines = self.run_on({"cli/s.hpp": '#pragma once\n#include "cli/s.hpp"\n'})
        self.assertEqual(status, 1, lines)
        self.assertIn("FAIL cycles: cli/s.hpp", lines)

    def test_source_and_its_private_header_cycle_fails(self):
        # The shape of the old io/extract cycle: no file cycle, but a module cycle.
        #   io/e.cpp -> io/e.hpp;  io/e.cpp -> io/e/run.hpp -> io/e.hpp
        status, lines = self.run_on({
            "io/e.hpp": "#pragma once\n",
            "io/e.cpp": '#include "io/e.hpp"\n#include "io/e/run.hpp"\n',
            "io/e/run.hpp": '#pragma once\n#include "io/e.hpp"\n',
            "io/README.md": "`e/`: the stages.\n"})
        self.assertEqual(status, 1, lines)
        self.assertIn("PASS cycles: 9 files, no include cycle", lines)
        self.assertIn("FAIL modules: io/e <-> io/e/run", lines)

    def test_room_violation_fails(self):
        # graph/ depends on nothing of ours.
        status, lines = self.run_on({"graph/g.cpp": '#include "io/b.hpp"\n'})
        self.assertEqual(status, 1, lines)
        self.assertIn("FAIL rooms: graph/g.cpp includes io/b.hpp", lines)

    def test_folder_without_readme_line_fails(self):
        # tests/data/ has its own README.md, which names sub/; cli/extra/ has its own.
        status, lines = self.run_on({"tests/data/x.txt": "",
                                     "tests/data/README.md": "`sub/`: the fixtures.\n",
                                     "tests/data/sub/y.txt": "",
                                     "cli/extra/z.txt": "",
                                     "cli/extra/README.md": "# cli/extra/\n"})
        self.assertEqual(status, 0, lines)
        missing = "FAIL readmes: {}/ has no README.md, nor a line in its parent's naming it"
        # The parent's README no longer names sub/ (a word "sub" is not a line about it).
        plant(self.root, {"tests/data/README.md": "sub: the fixtures.\n"})
        status, lines = check(self.root)
        self.assertEqual(status, 1, lines)
        self.assertEqual([l for l in lines if l.startswith("FAIL")],
                         [missing.format("tests/data/sub")])
        # No README in tests/data/ at all, and tests/ has none naming it.
        os.remove(os.path.join(self.root, "tests/data/README.md"))
        status, lines = check(self.root)
        self.assertEqual(status, 1, lines)
        self.assertEqual([l for l in lines if l.startswith("FAIL")],
                         [missing.format("tests/data"), missing.format("tests/data/sub")])

    @unittest.skipIf(shutil.which("git") is None, "git is needed for a git work tree")
    def test_git_tree_checks_tracked_files_only(self):
        plant(self.root, {**CLEAN, "tests/x.hpp": '#include "tests/y.hpp"\n',
                          "tests/y.hpp": '#include "tests/x.hpp"\n'})
        git = ["git", "-C", self.root]
        subprocess.run(git + ["init", "-q"], check=True)
        subprocess.run(git + ["add", "--"] + sorted(CLEAN) + ["tests/x.hpp"], check=True)
        status, lines = check(self.root)
        self.assertEqual(status, 0, lines)  # tests/y.hpp is not tracked: no cycle
        subprocess.run(git + ["add", "tests/y.hpp"], check=True)
        status, lines = check(self.root)
        self.assertEqual(status, 1, lines)
        self.assertIn("FAIL cycles: tests/x.hpp <-> tests/y.hpp", lines)


if __name__ == "__main__":
    unittest.main()
