"""Benchmarks: python -m bench.web, ..."""
