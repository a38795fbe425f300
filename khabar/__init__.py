"""khabar: who did what to whom, who said, promised or denied what, and which figures — from news articles.

The pipeline, one stage per subpackage, data flowing one way:
``ingest`` → ``nlp`` → ``extract`` → ``store`` → ``connect``; ``api`` and
``cli`` are how it is used. Record types: ``khabar.records``; vocabulary
tables: ``khabar.vocab``.
"""
__version__ = "0.1.0"
