"""Tests written to kill the mutants mutmut makes of the arithmetic heart (domain)."""
