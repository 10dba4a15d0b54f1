"""``python -m municipal_reports``: the command line."""

import sys

from municipal_reports.cli import main

sys.exit(main())
