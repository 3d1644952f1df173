"""A post as X shows it, or a thread: its posts one under the other, each with its own
pictures, their logos joined by the thread line, in one card."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout

from desk.ui.preview import PostPreview
from desk.ui.style import restyle


class ThreadPreview(QFrame):
    def __init__(self, first: PostPreview | None = None, parent=None):
        super().__init__(parent)
        self.posts: list[PostPreview] = [first or PostPreview()]
        self.account: tuple | None = None  # (name, handle, logo) once given
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.column.addWidget(self.posts[0])
        self._look(False)

    @property
    def first(self) -> PostPreview:
        return self.posts[0]

    def is_thread(self) -> bool:
        return len(self.posts) > 1

    def set_account(self, name: str, handle: str, logo_path) -> None:
        self.account = (name, handle, logo_path)
        for post in self.posts:
            post.set_account(name, handle, logo_path)

    def set_thread(self, parts: list[tuple[str, list]], training: bool = False, reply_to: str | None = None,
                   reply_handle: str = "", at: str | None = None) -> None:
        """``parts``: (text, pixmaps) of each post in order; only the first replies to another post."""
        parts = list(parts) or [("", [])]
        self._count(len(parts))
        last = len(parts) - 1
        for index, (post, (text, pixmaps)) in enumerate(zip(self.posts, parts)):
            post.set_post(text, pixmaps, training and index == 0, reply_to if index == 0 else None,
                          reply_handle if index == 0 else "", at)
            post.setAccessibleName(self.tr("Preview of part %1 of %2").replace("%1", str(index + 1))
                                   .replace("%2", str(len(parts))) if last else self.tr("Preview of the post"))
            post.set_thread_line(index > 0, index < last)
        self._look(last > 0)

    def set_pictures(self, index: int, pixmaps: list) -> None:
        """The pictures of one post, once read (they are decoded off the GUI thread)."""
        if 0 <= index < len(self.posts):
            self.posts[index]._set_images(list(pixmaps))

    def clear(self) -> None:
        self._count(1)
        self.first.clear()
        self.first.set_thread_line(False, False)
        self._look(False)

    def _count(self, count: int) -> None:
        while len(self.posts) < count:
            post = PostPreview()
            if self.account is not None:
                post.set_account(*self.account)
            self.column.addWidget(post)
            post.show()
            self.posts.append(post)
        while len(self.posts) > count:
            self.posts.pop().deleteLater()

    def _look(self, thread: bool) -> None:
        """One card around the whole thread, the posts inside it without their own; a
        single post is its own card, as before."""
        self.setObjectName("card" if thread else "")
        for post in self.posts:
            post.setObjectName("thread_part" if thread else "card")
            restyle(post)
        restyle(self)
