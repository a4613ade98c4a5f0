"""Layout pieces, user-facing text, theme and pure figure builders."""
