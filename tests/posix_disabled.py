"""A pytest plugin: the suite with the POSIX-only calls Windows lacks made unavailable.

`make test-portable` (and `van-ban test-portable`) load it with `-p tests.posix_disabled`, on top of
the spawned workers and the lock file it already forces: os.fork, os.killpg, os.symlink… are
removed and fcntl, termios, pwd… cannot be imported, as on Windows. A test that needs one of them
must then be skipped with its reason (pytest.mark.skipif), not fail. It acts in this process only:
the programs the tests start (the CLI, spawned workers) are checked by test_portable's import test.
"""

from __future__ import annotations

import os
import sys

REMOVED = ("fork", "forkpty", "killpg", "getpgid", "setsid", "setpgid", "symlink", "mkfifo")
UNIMPORTABLE = ("fcntl", "termios", "resource", "pwd", "grp", "tty", "pty")


def pytest_configure(config) -> None:
    for name in REMOVED:
        if hasattr(os, name):
            delattr(os, name)
    for name in UNIMPORTABLE:
        sys.modules[name] = None  # `import fcntl` now raises ImportError (ModuleNotFoundError)
