package kz.qorgau.web.statistics;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import kz.qorgau.statistics.Report;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A report as a Chart.js configuration for PrimeFaces' chart: bars by row (one series per column or year), or, for
 * years side by side without rows, a line of the yearly totals. Suppressed cells are gaps, never a guessed value;
 * the table beside the chart carries every figure for screen readers.
 */
final class ReportChart {

    private static final String[] COLOURS = {"#1f5f8b", "#e07b39", "#3c9d5d", "#8e44ad", "#c0392b", "#7f8c8d",
            "#16a085", "#d35400", "#2c3e50", "#f1c40f"};

    private ReportChart() {
    }

    static String json(Report report, ReportTexts texts) {
        ReportTable table = ReportTable.of(report, texts);
        boolean line = report.yearsSideBySide() && report.request().rows().isEmpty();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        if (line || report.request().rows().isEmpty()) {
            table.columns().forEach(labels::add);
            datasets.add(dataset(texts.figure(report.request().figure()), table.total(), 0, line));
        } else {
            table.lines().forEach(l -> labels.add(l.label()));
            for (int j = 0; j < table.columns().size(); j++) {
                JsonArrayBuilder data = Json.createArrayBuilder();
                for (ReportTable.Line l : table.lines()) {
                    add(data, l.values().get(j));
                }
                datasets.add(Json.createObjectBuilder().add("label", table.columns().get(j)).add("data", data)
                        .add("backgroundColor", COLOURS[j % COLOURS.length]));
            }
        }
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", texts.figure(report.request().figure())))
                        .add("legend", Json.createObjectBuilder().add("display", true)))
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)));
        if (!line && !report.request().rows().isEmpty() && table.lines().size() > 8) {
            options.add("indexAxis", "y");
        }
        return Json.createObjectBuilder()
                .add("type", line ? "line" : "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build().toString();
    }

    private static JsonObjectBuilder dataset(String label, ReportTable.Line values, int colour, boolean line) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.values().forEach(v -> add(data, v));
        JsonObjectBuilder set = Json.createObjectBuilder().add("label", label).add("data", data)
                .add("backgroundColor", COLOURS[colour]).add("borderColor", COLOURS[colour]);
        return line ? set.add("fill", false) : set;
    }

    private static void add(JsonArrayBuilder data, Optional<BigDecimal> value) {
        if (value.isPresent()) {
            data.add(value.get());
        } else {
            data.addNull();
        }
    }
}
