"""Runs moto in server mode for the sandbox, with one speed fix.

moto's EventBridge delivers each event to its targets through an input template, parsing eight
JSONPath expressions with jsonpath-ng per event and target; jsonpath-ng builds a new parser for
every parse (about 80 ms each), so one event took about 0.6 s and the sandbox's bus crawled.
Caching the parsed expressions (they are immutable) makes delivery immediate and changes nothing
else. See docs/emulator-fidelity.md.
"""
import functools
import os
import sys
import threading
import time

import jsonpath_ng.ext

jsonpath_ng.ext.parse = functools.lru_cache(maxsize=256)(jsonpath_ng.ext.parse)

from moto.server import main  # noqa: E402  (after the patch, which moto reads at call time)


def exit_with_parent() -> None:
    """Stops moto when the sandbox that started it is gone, even if it was killed outright."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


if __name__ == "__main__":
    threading.Thread(target=exit_with_parent, daemon=True).start()
    sys.exit(main())
