#!/usr/bin/env python3
"""A fault-injecting TCP proxy for the sync drills: it listens on 127.0.0.1, forwards every
connection to the host, and spoils some of them at random, as a bad Wi-Fi link or a flaky switch
would: it delays and fragments data, stalls a direction for a while, truncates a request or a
response mid-stream and closes cleanly, or cuts the connection with a reset (on accept, right after
the host has received the whole request, or mid-stream in either direction).

Which connection gets which fault is drawn from a seeded generator, one draw per accepted
connection, so with the same seed and the same order of connections the same faults are planned.
Offsets inside a request or response are chosen within the HTTP message (its headers plus
Content-Length), so truncations and stalls land inside the message and not after it.

As a module:

    proxy = FaultProxy("127.0.0.1", host_port, seed=7, rates={"truncate": 0.2})
    port = proxy.start()          # kiosks use http://127.0.0.1:<port>
    ...
    proxy.stop(); print(proxy.stats())

From a shell: fault_proxy.py --target 127.0.0.1:8870 [--seed N] [--listen-port P]
"""
import argparse
import asyncio
import collections
import random
import socket
import struct
import threading

# Fraction of connections that get each fault; the rest pass untouched.
DEFAULT_RATES = {"delay": 0.15, "stall": 0.10, "truncate": 0.15, "cut": 0.15}
FAULT_KINDS = tuple(DEFAULT_RATES)


def http_message_length(head):
    """Length of the HTTP message that starts `head`, once its headers are complete; else None."""
    end = head.find(b"\r\n\r\n")
    if end < 0:
        return None
    length = end + 4
    for line in head[:end].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                length += int(value.strip())
            except ValueError:
                pass
    return length


class _Stop(Exception):
    """Raised inside a pump when the connection has been closed on purpose."""


class _Connection:
    """One proxied connection and the fault planned for it."""

    def __init__(self, proxy, plan):
        self.proxy = proxy
        self.plan = plan            # (kind, detail, fraction) or None
        self.writers = []
        self.request_line = ""      # e.g. "POST /v1/sync", once seen
        self.closed = False

    def reset_all(self):
        """Closes both sides with a TCP reset, as a dropped link looks to the programs."""
        self.closed = True
        for writer in self.writers:
            try:
                sock = writer.transport.get_extra_info("socket")
                if sock is not None:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
            writer.transport.abort()

    def close_all(self):
        """Closes both sides cleanly: what was sent arrives, then the stream ends."""
        self.closed = True
        for writer in self.writers:
            try:
                writer.close()
            except OSError:
                pass

    async def pump(self, reader, writer, direction):
        """Copies one direction, applying the planned fault when it concerns this direction."""
        rng = self.proxy.rng
        kind, detail, fraction = self.plan or (None, None, None)
        mine = detail == direction or (kind == "cut" and detail == "after-request" and direction == "response")
        head, total, sent = b"", None, 0
        while True:
            data = await reader.read(65536)
            if self.closed:
                raise _Stop()
            if not data:
                if head:   # a message whose headers never completed: pass it on as it is
                    await self.forward(writer, head, kind == "delay")
                break
            if total is None:
                head += data
                total = http_message_length(head)
                if total is None and len(head) < 65536:
                    continue
                data, head = head, b""
                if total is None:
                    total = len(data)
                if direction == "request":
                    self.request_line = " ".join(data.split(b"\r\n", 1)[0].decode("latin-1").split(" ")[:2])
            offset = None
            if mine and kind in ("stall", "truncate", "cut"):
                offset = 0 if detail == "after-request" else max(1, min(total - 1, int(fraction * total)))
            if offset is not None and sent <= offset < sent + len(data):
                before, data = data[:offset - sent], data[offset - sent:]
                await self.forward(writer, before, False)
                sent += len(before)
                if kind == "truncate":
                    self.proxy.count(f"truncate:{direction}")
                    self.count_lost_reply(direction)
                    await writer.drain()
                    self.close_all()
                    raise _Stop()
                if kind == "cut":
                    self.proxy.count(f"cut:{detail}")
                    self.count_lost_reply(direction)
                    self.reset_all()
                    raise _Stop()
                self.proxy.count(f"stall:{direction}")
                await asyncio.sleep(rng.uniform(*self.proxy.stall_seconds))
                if self.closed:
                    raise _Stop()
                mine = False
            await self.forward(writer, data, kind == "delay")
            sent += len(data)
        if kind == "delay" and direction == "request" and sent:
            self.proxy.count("delay")
        if writer.can_write_eof():
            try:
                writer.write_eof()
            except OSError:
                pass

    def count_lost_reply(self, direction):
        """A reply spoilt after the host had the whole request: the client must ask again."""
        if direction == "response":
            self.proxy.count(f"lost reply:{self.request_line}")

    async def forward(self, writer, data, delayed):
        """Writes `data`; a delayed connection gets it in up to four pieces, each after a pause."""
        if not data:
            return
        rng = self.proxy.rng
        if not delayed:
            writer.write(data)
            await writer.drain()
            return
        low, high = self.proxy.delay_ms
        cuts = sorted(rng.sample(range(1, len(data)), min(len(data) - 1, rng.randint(0, 3))))
        for start, end in zip([0] + cuts, cuts + [len(data)]):
            await asyncio.sleep(rng.uniform(low, high) / 1000.0)
            if self.closed:
                raise _Stop()
            writer.write(data[start:end])
            await writer.drain()


class FaultProxy:
    """A TCP proxy from 127.0.0.1:<port> to target_host:target_port that injects faults.

    rates: fraction of connections per fault kind ("delay", "stall", "truncate", "cut"); their
    sum must not exceed 1. delay_ms: pause range before each forwarded piece of a delayed
    connection. stall_seconds: how long a stalled direction holds its data.
    """

    def __init__(self, target_host, target_port, seed=0, rates=None, delay_ms=(5, 120),
                 stall_seconds=(0.5, 3.0), listen_port=0):
        self.target = (target_host, target_port)
        self.set_rates(DEFAULT_RATES if rates is None else rates)
        self.rng = random.Random(seed)
        self.delay_ms = delay_ms
        self.stall_seconds = stall_seconds
        self.listen_port = listen_port
        self.port = None
        self._stats = collections.Counter()
        self._stats_lock = threading.Lock()
        self._loop = None
        self._thread = None
        self._server = None
        self._tasks = set()

    # --- control, from any thread -------------------------------------------------------------

    def start(self):
        """Starts serving on a background thread; returns the port it listens on."""
        ready = threading.Event()
        failure = []

        def run():
            self._loop = asyncio.new_event_loop()
            try:
                self._server = self._loop.run_until_complete(
                    asyncio.start_server(self._accept, "127.0.0.1", self.listen_port))
                self.port = self._server.sockets[0].getsockname()[1]
            except OSError as e:
                failure.append(e)
                ready.set()
                return
            ready.set()
            self._loop.run_forever()
            self._loop.close()

        self._thread = threading.Thread(target=run, name="fault-proxy", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        return self.port

    def stop(self):
        """Stops listening and resets every open connection."""
        if not self._loop or not self._thread:
            return

        async def shut():
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.sleep(0)

        asyncio.run_coroutine_threadsafe(shut(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._thread = None

    def set_rates(self, rates):
        """Changes the fault rates for connections accepted from now on (e.g. {} for a clean link)."""
        if set(rates) - set(FAULT_KINDS) or sum(rates.values()) > 1.0:
            raise ValueError(f"fault rates must be among {FAULT_KINDS} and sum to at most 1: {rates}")
        self.rates = dict(rates)

    def stats(self):
        """How often each fault was applied ("truncate:response", "cut:after-request", ...), plus
        "connections", "upstream_refused" and "lost reply:<request line>" (a response truncated or
        cut after the host had received the whole request, e.g. "lost reply:POST /v1/sync")."""
        with self._stats_lock:
            return dict(self._stats)

    def faults(self):
        """Faults applied, by kind (delay, stall, truncate, cut)."""
        by_kind = collections.Counter()
        for name, n in self.stats().items():
            kind = name.split(":")[0]
            if kind in FAULT_KINDS:
                by_kind[kind] += n
        return dict(by_kind)

    def count(self, name, n=1):
        with self._stats_lock:
            self._stats[name] += n

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    # --- inside the event loop ----------------------------------------------------------------

    def _plan(self):
        draw, plan = self.rng.random(), None
        for kind in FAULT_KINDS:
            rate = self.rates.get(kind, 0.0)
            if draw < rate:
                plan = kind
                break
            draw -= rate
        direction = self.rng.choice(("request", "response"))
        fraction = self.rng.random()
        if plan == "cut":
            return ("cut", self.rng.choice(("accept", "request", "after-request", "response")), fraction)
        if plan in ("stall", "truncate"):
            return (plan, direction, fraction)
        if plan == "delay":
            return ("delay", None, None)
        return None

    async def _accept(self, client_reader, client_writer):
        task = asyncio.current_task()
        self._tasks.add(task)
        self.count("connections")
        conn = _Connection(self, self._plan())
        conn.writers.append(client_writer)
        try:
            if conn.plan and conn.plan[0] == "cut" and conn.plan[1] == "accept":
                self.count("cut:accept")
                conn.reset_all()
                return
            try:
                host_reader, host_writer = await asyncio.open_connection(*self.target)
            except OSError:
                self.count("upstream_refused")
                conn.reset_all()   # the host is down: the kiosk sees what it would see without us
                return
            conn.writers.append(host_writer)
            pumps = [asyncio.ensure_future(conn.pump(client_reader, host_writer, "request")),
                     asyncio.ensure_future(conn.pump(host_reader, client_writer, "response"))]
            try:
                done, pending = await asyncio.wait(pumps, return_when=asyncio.FIRST_EXCEPTION)
                for task_done in done:
                    error = task_done.exception()
                    if error is not None and not isinstance(error, (_Stop, OSError)):
                        raise error
                if any(t.exception() is not None for t in done):
                    conn.close_all()
            finally:
                for pump in pumps:
                    pump.cancel()
                await asyncio.gather(*pumps, return_exceptions=True)
        except (OSError, asyncio.CancelledError):
            conn.reset_all()
        finally:
            if not conn.closed:
                conn.close_all()
            self._tasks.discard(task)


def main():
    parser = argparse.ArgumentParser(description="A TCP proxy that delays, stalls, truncates and cuts.")
    parser.add_argument("--target", required=True, help="HOST:PORT to forward to")
    parser.add_argument("--listen-port", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    for kind in FAULT_KINDS:
        parser.add_argument(f"--{kind}", type=float, default=DEFAULT_RATES[kind], help=f"rate of '{kind}' faults")
    args = parser.parse_args()
    host, _, port = args.target.rpartition(":")
    proxy = FaultProxy(host or "127.0.0.1", int(port), seed=args.seed, listen_port=args.listen_port,
                       rates={kind: getattr(args, kind) for kind in FAULT_KINDS})
    print(f"fault proxy: 127.0.0.1:{proxy.start()} -> {args.target}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        proxy.stop()
        print(f"fault proxy: {proxy.stats()}")


if __name__ == "__main__":
    main()
