"""The machine's process table, for tests that must end exactly the processes they started:
other tests run beside them, so nothing is found by name alone."""
import os


def process_table():
    """{pid: (ppid, comm)} of every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] == "Z":
            comm += " <zombie>"
        table[int(entry)] = (int(fields[1]), comm)
    return table


def descendants(root):
    table = process_table()
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, comm) in table.items():
            if ppid == parent and pid not in found:
                found[pid] = comm
                frontier.append(pid)
    return found


def live(processes):
    return {pid: comm for pid, comm in processes.items() if not comm.endswith("<zombie>")}
