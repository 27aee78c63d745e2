"""ftfwatch-dask: corpus ingest sharded on Dask distributed into one shared PostgreSQL.

The corpus (JSON Lines files, directories of text files) is cut into chunks of whole
documents; each chunk runs on a Dask worker through the real `ftfwatch` binary
(`ftfwatch ingest --one-transaction`), so a chunk is stored in one transaction and a retried
or duplicated chunk adds nothing (documents are keyed by sha256, claims by fingerprint).
See docs/scale.md.
"""

__version__ = "0.1.0"
