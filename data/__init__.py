"""Source tables with provenance, their schemas, the loaders and the immutable model."""
