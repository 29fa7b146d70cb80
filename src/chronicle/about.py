"""What chronicle is and which version: read by the package and by what records a record's origin."""

__version__ = "0.1.0"
