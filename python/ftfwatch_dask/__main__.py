"""`python3 -m ftfwatch_dask` is the `ftfwatch-dask` command."""
import sys

from ftfwatch_dask.cli import main

if __name__ == "__main__":
    sys.exit(main())
