"""Curated actor data files (package so importlib.resources can read them)."""
