"""``python -m negotiations``: the same command line as the ``negotiations`` script
(for an environment whose scripts directory is not on the PATH)."""

import sys

from negotiations.cli import main

if __name__ == "__main__":
    sys.exit(main())
