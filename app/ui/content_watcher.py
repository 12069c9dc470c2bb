"""Reload the content pack when clinic staff change it on disk.

Sync tools (git, rsync, Syncthing) write many files over seconds, often
through temporary files and renames, and may delete and recreate whole
folders. Every change restarts one settle timer; only when the folder has
been quiet that long is the pack loaded, in every language it lists, and it is
offered to the window only if every language loads without errors. The window
then shows whichever language the patient is reading.

The load runs in a worker thread, one at a time (PackWorker, as the
start-up's background load and the staff reload do): a pack at the size
limits takes seconds to read, and the screen must keep answering meanwhile.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.content.pack_shelf import has_errors, load_every_language
from app.content.problems import error
from app.ui.pack_worker import PackWorker

log = logging.getLogger(__name__)


class ContentWatcher(QObject):
    # dict[str, LoadResult], language to pack, every one without errors
    packReady = Signal(object)
    packRejected = Signal(object)  # list[Problem], the errors; keep showing the old pack

    def __init__(
        self,
        root: Path,
        settle_ms: int = 2000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # absolute(), not resolve(): a "current -> release-42" symlink swap must be seen.
        self._root = Path(root).absolute()
        self._last_ready = None  # the packs last offered, to skip reloads that change nothing
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._watcher.fileChanged.connect(self._changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._load)
        self._worker = PackWorker("pack-load", self)
        self._worker.done.connect(self._on_loaded)
        self._load_again = False  # the timer fired during a load: its result is stale
        self._rewatch()

    @property
    def root(self) -> Path:
        return self._root

    @property
    def pending(self) -> bool:
        """True while a change is settling or being loaded."""
        return self._timer.isActive() or self.loading

    @property
    def loading(self) -> bool:
        """True while the worker thread reads the pack."""
        return self._worker.busy

    def stop(self) -> None:
        """Watch no more, and wait for a load under way to end (its result is dropped)."""
        self._timer.stop()
        watched = self._watcher.directories() + self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        self._worker.stop()

    def watched(self) -> list[str]:
        """Every folder and file being watched, for diagnostics and tests."""
        return sorted(self._watcher.directories() + self._watcher.files())

    def _changed(self, _path: str) -> None:
        # New folders (a language, media/) appear as a change of their parent.
        self._rewatch()
        self._timer.start()

    def _load(self) -> None:
        # Watch afresh first: a file replaced by rename is a new inode, and a
        # change made while loading then still restarts the timer.
        self._rewatch(reset=True)
        root = self._root
        if not self._worker.start(lambda: load_every_language(root)):
            self._load_again = True  # one is under way: load again once it ends

    def _on_loaded(self, results: dict) -> None:
        """A load ended (a stopped one's result never comes)."""
        if self._load_again:
            self._load_again = False
            self._load()
        elif not self._timer.isActive():  # else a newer change is settling; its load follows
            self._offer(results)

    def _offer(self, results: dict) -> None:
        errors = [p for result in results.values() for p in result.problems if p.is_error]
        if not any(has_errors(result) for result in results.values()):
            packs = {language: result.pack for language, result in results.items()}
            if packs == self._last_ready:
                return  # only timestamps changed (a sync tool touched files)
            self._last_ready = packs
            log.info("content pack reloaded from %s", self._root)
            self.packReady.emit(results)
            return
        if not errors:  # no slide but no error either: say so rather than stay silent
            errors = [error(str(self._root), 1, "no slide could be loaded")]
        for problem in errors:
            log.error("%s", problem)
        log.error("changed content pack not shown (%d errors); keeping the old one", len(errors))
        self._last_ready = None
        self.packRejected.emit(errors)

    def _rewatch(self, reset: bool = False) -> None:
        wanted = set(self._wanted_paths())
        current = set(self._watcher.directories() + self._watcher.files())
        stale = current if reset else current - wanted
        if stale:
            self._watcher.removePaths(sorted(stale))
        missing = wanted - (set() if reset else current)
        if missing:
            # Paths that vanished since the scan come back unadded; the
            # change that removed them has already restarted the timer.
            failed = [p for p in self._watcher.addPaths(sorted(missing)) if Path(p).exists()]
            if failed:  # most likely the system's inotify watch limit
                log.warning(
                    "cannot watch %d paths, changes there go unseen: %s", len(failed), failed[0]
                )

    def _wanted_paths(self) -> list[str]:
        if not self._root.is_dir():
            # Deleted (rsync --delete-after, a checkout): wait for it to return.
            parent = next((p for p in self._root.parents if p.is_dir()), None)
            return [str(parent)] if parent else []
        paths = []
        folders = [self._root]
        seen = set()  # resolved folders: a symlink loop must not scan forever
        while folders:
            folder = folders.pop()
            if folder.resolve() in seen:
                continue
            seen.add(folder.resolve())
            paths.append(str(folder))
            try:
                entries = list(folder.iterdir())
            except OSError:
                continue  # removed mid-scan; its parent's change brings us back
            for entry in entries:
                # Hidden entries: .git, Syncthing's and rsync's temp files.
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    folders.append(entry)
                elif entry.is_file():
                    paths.append(str(entry))
        return paths
