"""The employer hub's build logic: plain functions that hooks and scripts share.

Nothing in this package imports MkDocs, so tests call it directly and the logic can move
to another generator later.
"""
