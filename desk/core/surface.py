"""Where the desk's words are read: the command line (the default) or the window.

The window names its own buttons where the command line names commands; a message table
holds a "KEY@window" entry for the few messages where the two differ. Kept apart from the
catalogue so that the window can say where it is before it loads any table.
"""

IN_WINDOW = [False]


def read_in_window() -> None:
    IN_WINDOW[0] = True
