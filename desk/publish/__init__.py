"""Where approved posts go: the Publisher interface, X, training, and the outbox."""
