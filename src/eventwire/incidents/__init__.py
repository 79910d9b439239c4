"""Incidents across articles and outlets: reports of one real incident share an incident id.

- ``copies``: copies and rewrites of one story (MinHash LSH), counted as one story with its outlets;
- ``facets``: each incident's reports' actor codes and claim sources (filtered incident pages);
- ``features``: do two reports describe one incident (blocking constraints and a rule scorer);
- ``linker``: links a new article's events inside the store's write transaction (incremental);
- ``summary``: the incident record (figures per claimant, low/best/high, conflicts flagged).
"""

from __future__ import annotations

from .summary import INCIDENT_SCHEMA, build

__all__ = ["INCIDENT_SCHEMA", "build"]
