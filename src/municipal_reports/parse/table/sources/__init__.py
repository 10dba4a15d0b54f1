"""Sources of cells: each reads one kind of document into :class:`~..model.SourceRow`
rows (and, where it had to choose a reading, findings about them)."""
