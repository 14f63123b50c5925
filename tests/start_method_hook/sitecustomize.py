"""Loaded at start-up by every interpreter the snippet harness launches.

The harness puts this folder on PYTHONPATH and sets HANDBOOK_START_METHOD to run a
multiprocessing snippet under fork, forkserver and spawn in turn, without the snippet
knowing. Child interpreters inherit the variable, so they agree with their parent.
"""

import os

_method = os.environ.get("HANDBOOK_START_METHOD")
if _method:
    import multiprocessing

    multiprocessing.set_start_method(_method, force=True)
