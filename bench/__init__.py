"""Benchmarks run by `make bench` (timings, not tests)."""
