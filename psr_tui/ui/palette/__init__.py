"""The command palette's own providers (ctrl+p): cases by name, and the theme."""
