"""Browser tests: Chromium drives the built site as a reader would.

A package, so its conftest does not shadow ``tests/conftest.py``.
"""
