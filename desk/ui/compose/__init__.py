"""Compose: the editor, the counter, the images, autosave, and the page that holds them."""
