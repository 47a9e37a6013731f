"""A call run in a thread, for work that waits on other processes (MkDocs, Chromium) and so costs this process
little: the caller goes on and later takes the result, or the error the call raised."""
from __future__ import annotations

import threading


class Background:
    def __init__(self, function, *args, **kwargs):
        self._value = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(function, args, kwargs), daemon=True)
        self._thread.start()

    def _run(self, function, args, kwargs) -> None:
        try:
            self._value = function(*args, **kwargs)
        except BaseException as error:  # handed to the waiting thread
            self._error = error

    def result(self):
        """Wait for the call; return what it returned, or raise what it raised (once)."""
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self._value
