"""The log: every post, filtered and searched, read page by page."""
