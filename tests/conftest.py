import os
import tempfile

# Tests never need a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the user's own cache of loaded packs.
os.environ.setdefault("CLINIC_KIOSK_CACHE_DIR", tempfile.mkdtemp(prefix="kiosk-test-cache-"))
