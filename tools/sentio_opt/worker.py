"""Client of `sentio optimize-worker` (tools/WORKER-PROTOCOL.md): one process per job."""

import json
import queue
import shlex
import subprocess
import threading

from .errors import OptimizerError, WorkerError


def _reject_constant(name):
    raise ValueError(f"{name} is not JSON (the protocol uses null for undefined metrics)")


class WorkerClient:
    """One `sentio optimize-worker` process; one request at a time (tools/WORKER-PROTOCOL.md)."""

    def __init__(self, command, timeout):
        self.command = command
        self.timeout = timeout
        self.proc = None
        self.lines = None
        self.next_id = 1

    def _start(self):
        try:
            self.proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=None, text=True, encoding="utf-8", bufsize=1)
        except OSError as e:
            raise OptimizerError(f"cannot start worker {shlex.join(self.command)}: {e}")
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, args=(self.proc, self.lines), daemon=True).start()

    @staticmethod
    def _pump(proc, lines):
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    def request(self, body):
        if self.proc is None:
            self._start()
        rid = self.next_id
        self.next_id += 1
        message = dict(body, id=rid)
        try:
            self.proc.stdin.write(json.dumps(message, separators=(",", ":"), sort_keys=True) + "\n")
            self.proc.stdin.flush()
        except OSError as e:
            self._fail(f"worker stdin closed: {e}")
        try:
            line = self.lines.get(timeout=self.timeout)
        except queue.Empty:
            self._fail(f"worker did not answer request {rid} within {self.timeout} s")
        if line is None:
            code = self.proc.wait()
            self._fail(f"worker exited with code {code} before answering request {rid}")
        try:
            answer = json.loads(line, parse_constant=_reject_constant)
        except ValueError:
            self._fail(f"worker wrote a line that is not JSON: {line[:200]!r}")
        if answer.get("id") != rid:
            self._fail(f"worker answered id {answer.get('id')!r} to request {rid}")
        if "error" in answer:
            raise WorkerError(str(answer["error"]))
        return answer

    def _fail(self, message):
        self.close(kill=True)
        raise WorkerError(message)

    def close(self, kill=False):
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        try:
            if kill:
                proc.kill()
            else:
                proc.stdin.close()
            proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()

    def sessions(self):
        answer = self.request({"cmd": "sessions"})
        return list(answer.get("sessions", []))

    def info(self):
        answer = self.request({"cmd": "info"})
        for key in ("data_fingerprint", "symbols", "costs"):
            if key not in answer:
                raise WorkerError(f"worker's info lacks {key!r} (a worker older than protocol version 2?)")
        return {k: v for k, v in answer.items() if k != "id"}

    def evaluate(self, params, date_from, date_to):
        answer = self.request({"cmd": "evaluate", "params": params, "from": date_from, "to": date_to})
        metrics = answer.get("metrics")
        if not isinstance(metrics, dict) or not isinstance(metrics.get("daily"), list):
            raise WorkerError("worker answer lacks metrics.daily")
        return metrics

    def evaluate_batch(self, trials):
        """Evaluates [(params, from, to), ...] in one `batch` request (protocol version 3).

        Returns one entry per trial, in order: its metrics, or the WorkerError of that trial alone."""
        answer = self.request({"cmd": "batch", "trials": [
            {"params": params, "from": date_from, "to": date_to} for params, date_from, date_to in trials]})
        results = answer.get("results")
        if not isinstance(results, list) or len(results) != len(trials):
            raise WorkerError(f"worker answered a batch of {len(trials)} trials with "
                              f"{len(results) if isinstance(results, list) else 'no'} results")
        out = []
        for r in results:
            if isinstance(r, dict) and "error" in r:
                out.append(WorkerError(str(r["error"])))
            elif isinstance(r, dict) and isinstance(r.get("metrics"), dict) \
                    and isinstance(r["metrics"].get("daily"), list):
                out.append(r["metrics"])
            else:
                out.append(WorkerError("worker answer lacks metrics.daily"))
        return out


class WorkerPool:
    """J workers for J Optuna threads: each trial borrows one worker for its evaluation."""

    def __init__(self, command, size, timeout):
        self.all = [WorkerClient(command, timeout) for _ in range(size)]
        self.free = queue.Queue()
        for w in self.all:
            self.free.put(w)

    def evaluate(self, params, date_from, date_to):
        worker = self.free.get()
        try:
            return worker.evaluate(params, date_from, date_to)
        finally:
            self.free.put(worker)

    def evaluate_batch(self, trials):
        worker = self.free.get()
        try:
            return worker.evaluate_batch(trials)
        finally:
            self.free.put(worker)

    def sessions(self):
        return self._ask(WorkerClient.sessions)

    def info(self):
        return self._ask(WorkerClient.info)

    def _ask(self, method):
        worker = self.free.get()
        try:
            return method(worker)
        finally:
            self.free.put(worker)

    def close(self):
        for w in self.all:
            w.close()
