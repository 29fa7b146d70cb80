"""Accuracy evaluations against ../shared/data; run with ``make eval`` (``python -m eval``)."""
