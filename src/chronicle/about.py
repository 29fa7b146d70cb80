"""What chronicle is and which version: read by the package and by what records a record's origin."""

__version__ = "0.1.0"

# Articles per nlp.pipe batch and per transaction of an ingest (here, so chronicle.corpus can name
# it without importing the ingest machinery, which commands that only query a store never load).
DEFAULT_BATCH_SIZE = 64
