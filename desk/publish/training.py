"""The training publisher: posts go to a local timeline shown inside the program."""

from __future__ import annotations

from datetime import datetime, timezone

from desk.core.errors import PublishError
from desk.publish.base import AccountInfo, OutgoingPost, Publisher, RemotePost, SentPost

TRAINING_PREFIX = "training-"


class TrainingPublisher(Publisher):
    kind = "training"

    def __init__(self, store, handle: str = "training"):
        self.store = store
        self.handle = handle

    def send(self, post: OutgoingPost, progress=None) -> SentPost:
        if progress is not None:
            progress.begin_post()
        media = [{"file": image.path.name, "alt": image.alt} for image in post.images]
        with self.store.transaction():
            entry = self.store.training.add(post.post_id, post.text, post.reply_to, media)
        return SentPost(f"{TRAINING_PREFIX}{entry}", "")

    def withdraw(self, x_post_id: str) -> None:
        entry = x_post_id.removeprefix(TRAINING_PREFIX)
        with self.store.transaction():
            found = entry.isdigit() and self.store.training.delete(int(entry))
        if not found:
            raise PublishError("x.post_gone")

    def recent_posts(self, since: datetime) -> list[RemotePost]:
        iso = since.astimezone(timezone.utc).isoformat(timespec="milliseconds")
        return [
            RemotePost(f"{TRAINING_PREFIX}{row['id']}", row["text"], datetime.fromisoformat(row["created_at"]))
            for row in self.store.training.entries(since=iso)
        ]

    def account(self) -> AccountInfo:
        return AccountInfo("training", self.handle, "Training", "")
