"""Run by the parsing fork server's child in tests/test_forkserver.py: the modules a job imports.

Imports nothing but what the server has already imported, so that it adds nothing to what it measures; the job
and its arguments come pickled and are unpickled after the count starts (unpickling imports their modules).
"""

import pickle
import sys


def new_imports(call: bytes) -> list[str]:
    """The modules imported while unpickling and running (job, arguments), by name."""
    before = set(sys.modules)
    job, arguments = pickle.loads(call)
    job(*arguments)
    return sorted(set(sys.modules) - before)
