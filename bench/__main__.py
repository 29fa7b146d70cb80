"""``python -m bench`` (``make bench``): the whole benchmark suite; see :mod:`bench.suite`."""

import sys

if __name__ == "__main__":
    from bench.suite import main

    sys.exit(main())
