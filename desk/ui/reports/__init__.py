"""The Reports page: a month's figures of the office, with charts, and X's figures as read."""
