"""brief's extraction core: ingest, extractors, pipeline, store and export.

Pure Python with no UI library, so that `brief extract` starts fast and the same code runs headless.
"""
