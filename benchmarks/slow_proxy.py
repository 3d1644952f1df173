"""A TCP proxy on 127.0.0.1 that holds every chunk for a while each way: PostgreSQL as
if it were across a network, where `tc netem` is not at hand.

Each chunk leaves ``delay`` seconds after it arrived, in order, so the link adds
latency without limiting throughput (as netem's delay does). The proxy also counts
round trips as the network sees them: each time the client speaks after the server
has answered (connecting and signing in included).
"""

from __future__ import annotations

import asyncio
import threading
import time
from urllib.parse import urlsplit, urlunsplit


class SlowProxy:
    def __init__(self, host: str, port: int, delay: float):
        self.target = (host, port)
        self.delay = delay
        self.port = 0
        self.round_trips = 0
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, name="slow-proxy", daemon=True)

    def start(self) -> "SlowProxy":
        self._thread.start()
        self._started.wait(10)
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _shutdown(self) -> None:
        self._server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def url(self, url: str) -> str:
        """The same database URL, through this proxy."""
        parts = urlsplit(url)
        auth = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
        return urlunsplit((parts.scheme, f"{auth}127.0.0.1:{self.port}", parts.path, parts.query, ""))

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._started.set()
        self._loop.run_forever()

    async def _serve(self, client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            return
        turn = {"last": "server"}
        try:
            await asyncio.gather(self._pipe(client_reader, server_writer, "client", turn),
                                 self._pipe(server_reader, client_writer, "server", turn))
        except asyncio.CancelledError:  # the proxy stopping: both ends are closed
            client_writer.close()
            server_writer.close()

    async def _pipe(self, reader, writer, side: str, turn: dict) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def send() -> None:
            while True:
                due, data = await queue.get()
                if data is None:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        sender = asyncio.ensure_future(send())
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if side == "client" and turn["last"] == "server":
                    self.round_trips += 1
                turn["last"] = side
                queue.put_nowait((time.monotonic() + self.delay, data))
        except OSError:
            pass
        finally:
            queue.put_nowait((0, None))
            try:
                await sender
            except (OSError, asyncio.CancelledError):
                sender.cancel()
            writer.close()
