"""Stage 6, in a browser: ``khabar serve`` — the analyst's workbench and the HTTP API (FastAPI).

Server-rendered pages (Jinja2, autoescaped) with htmx and uPlot vendored under ``static/vendor``:
nothing is loaded from another server. Every page's data is also JSON under ``/api``.
"""
from khabar.web.app import create_app

__all__ = ["create_app"]
