"""The extractor: plain-Python stages that turn a document into dated, linked events.

Read top to bottom: decode → clean → metadata → split → dates → entities → events, wired
together by ``pipeline.extract_document``. No stage imports Django.
"""
