"""The staff Usage page (behind the PIN): topics viewed over the last 7 and
30 days, kiosk use by day and the comfort settings used, drawn with
QtCharts in the kiosk's colours; CSV export to a folder staff choose, and
reset. The numbers come from app/system/usage_report.py. Staff sizes
(staff_style.py): the card has one width, and its wrapped lines are given
the height their words need, so they never lie over a chart."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QWidget

from app.system import usage_report
from app.system.usage_store import SLIDE_VIEWED, UsageStore
from app.ui.kiosk.staff_style import apply_staff_look
from app.ui.theme import Metrics, Theme
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.overlay import Overlay

log = logging.getLogger(__name__)

# Staff words, English only for now (the patient words live in strings.toml).
TITLE = "Usage"
RESET_AGAIN = "Press again to forget every count"


def choose_folder(parent: QWidget) -> str:
    """A folder staff pick (a USB stick); '' when they cancel."""
    return QFileDialog.getExistingDirectory(
        parent, "Export usage to", "", QFileDialog.Option.DontUseNativeDialog
    )


class UsagePage(Overlay):
    def __init__(
        self,
        window: QWidget,
        store: UsageStore,
        today: Callable[[], date] = date.today,
        folder: Callable[[QWidget], str] = choose_folder,
    ) -> None:
        super().__init__(window)
        self.store, self.today, self.folder = store, today, folder
        self.titles: dict[str, str] = {}  # slide id -> title, from the pack on screen
        self.title = QLabel(TITLE)
        self.title.setProperty("role", "heading")
        self.topics = self._chart_view()
        self.by_day = self._chart_view()
        self.comfort = QLabel()
        self.status = QLabel()
        for label in (self.comfort, self.status):
            label.setWordWrap(True)
            label.setProperty("role", "note")
        buttons = QHBoxLayout()
        self.export_button = make_button("primary")
        self.reset_button = make_button("contact")
        self.back_button = make_button()
        for button, text, slot in (
            (self.export_button, "Export CSV", self.export),
            (self.reset_button, "Reset counts", self.reset),
            (self.back_button, "Back", self.hide),
        ):
            set_button_text(button, text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        for widget in (self.title, self.topics, self.by_day, self.comfort, self.status):
            self.card_layout.addWidget(widget)
        self.card_layout.addLayout(buttons)
        self._armed_reset = False
        self.theme: Theme | None = None
        self.text_px = 18
        # A new window size or theme while it is up (the card keeps one width).
        window.styleChanged.connect(lambda: self.apply_style(window.metrics, window.theme))

    def _chart_view(self) -> QChartView:
        view = QChartView(QChart())
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        return view

    def _new_chart(self, view: QChartView, title: str) -> QChart:
        """A fresh chart for new numbers (the view lets go of the old one)."""
        old, chart = view.chart(), QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view.setChart(chart)
        old.deleteLater()
        return chart

    def open(self, titles: dict[str, str] | None = None) -> None:
        self.titles = titles or {}
        self._armed_reset = False
        self._say(self.status, "")
        self.refresh()
        super().open()
        self.back_button.setFocus()

    # --- the pictures --------------------------------------------------------
    def refresh(self) -> None:
        today = self.today()
        rows = self.store.rows(since=(today - timedelta(days=29)).isoformat())
        week = usage_report.since(rows, (today - timedelta(days=6)).isoformat())
        self._draw_topics(usage_report.per_slide(week), usage_report.per_slide(rows))
        used = usage_report.per_day(rows, usage_report.PATIENT_EVENTS)
        self._draw_days(today, used)
        comfort = usage_report.totals(rows, usage_report.COMFORT_EVENTS)
        parts = [f"{e.replace('_', ' ')} {comfort[e]}" for e in usage_report.COMFORT_EVENTS]
        self._say(self.comfort, "Comfort settings used, last 30 days:  " + "  ·  ".join(parts))
        if self.theme is not None:
            self._colour(self.theme, self.text_px)  # new charts, in the kiosk's look

    def _draw_topics(self, week: dict, month: dict) -> None:
        chart = self._new_chart(self.topics, "Topics viewed")
        # Least viewed at the bottom: a horizontal chart draws its first category lowest.
        slides = sorted(month, key=lambda s: month[s][SLIDE_VIEWED])
        series = QHorizontalBarSeries()
        for label, table in (("Last 30 days", month), ("Last 7 days", week)):
            bars = QBarSet(label)
            bars.append([table.get(s, {}).get(SLIDE_VIEWED, 0) for s in slides])
            series.append(bars)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([self.titles.get(s, s) for s in slides] or [""])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        peak = max((month[s][SLIDE_VIEWED] for s in slides), default=0)
        counts.setRange(0, max(peak, 1))
        counts.applyNiceNumbers()  # whole, round ticks
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(counts)

    def _draw_days(self, today: date, used) -> None:
        chart = self._new_chart(
            self.by_day, "Kiosk use by day (taps and slides read), last 30 days"
        )
        chart.legend().hide()
        line = QLineSeries()
        for back in range(29, -1, -1):
            day = today - timedelta(days=back)
            when = QDateTime(datetime.combine(day, time(12)))
            line.append(when.toMSecsSinceEpoch(), used.get(day.isoformat(), 0))
        chart.addSeries(line)
        days = QDateTimeAxis()
        days.setFormat("d MMM")
        days.setTickCount(6)
        amount = QValueAxis()
        amount.setLabelFormat("%d")
        amount.setRange(0, max([*used.values(), 1]))
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amount, Qt.AlignmentFlag.AlignLeft)
        line.attachAxis(days)
        line.attachAxis(amount)

    def apply_style(self, m: Metrics, theme: Theme | None = None) -> None:
        parent = self.parentWidget()
        m = apply_staff_look(self.card, theme or parent.theme, m)
        super().apply_style(m)
        self.card.setFixedWidth(min(parent.width() - 2 * m.margin, m.px(1400, 400)))
        for view in (self.topics, self.by_day):
            view.setMinimumHeight(max(200, parent.height() // 4))
        for label in (self.comfort, self.status):
            self._say(label, label.text())
        self.text_px = m.px(20, 14)
        if theme is not None:
            self.theme = theme
            self._colour(theme, self.text_px)

    def _say(self, label: QLabel, text: str) -> None:
        """`text` on a wrapped line, as tall as its words need at the card's
        width (a centred card does not pass the height down by itself)."""
        label.setText(text)
        label.setVisible(bool(text))
        label.ensurePolished()
        margins = self.card_layout.contentsMargins()
        width = self.card.maximumWidth() - margins.left() - margins.right()
        label.setMinimumHeight(label.heightForWidth(width) if text else 0)

    def _colour(self, t: Theme, text_px: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(text_px)
        for view in (self.topics, self.by_day):
            chart = view.chart()
            chart.setBackgroundBrush(QColor(t.surface))
            chart.setTitleBrush(QColor(t.ink))
            chart.setTitleFont(font)
            chart.legend().setLabelColor(QColor(t.ink))
            chart.legend().setFont(font)
            for axis in chart.axes():
                axis.setLabelsColor(QColor(t.ink))
                axis.setLabelsFont(font)
                axis.setGridLineColor(QColor(t.border))
        for series in self.topics.chart().series():
            month, week = series.barSets()
            month.setColor(QColor(t.accent_soft))
            month.setBorderColor(QColor(t.accent))
            week.setColor(QColor(t.accent))
        for line in self.by_day.chart().series():
            line.setColor(QColor(t.accent))

    # --- staff actions -------------------------------------------------------
    def export(self) -> None:
        folder = self.folder(self)
        if not folder:
            return
        path = Path(folder) / f"clinic-kiosk-usage-{self.today().isoformat()}.csv"
        try:
            written = usage_report.write_csv(self.store.rows(), path)
        except OSError as exc:
            self._say(self.status, f"Not exported: {exc.strerror or exc}")
            return
        log.info("staff exported %d usage rows to %s", written, path)
        self._say(self.status, f"Exported {written} rows to {path}")

    def reset(self) -> None:
        """Two presses: a count forgotten cannot come back."""
        if not self._armed_reset:
            self._armed_reset = True
            self._say(self.status, RESET_AGAIN)
            return
        self._armed_reset = False
        done = self.store.reset()
        said = "Every count forgotten." if done else "Could not reset: see the log."
        self._say(self.status, said)
        self.refresh()
