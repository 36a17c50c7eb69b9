package kz.qorgau.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one report: a figure's facts in its periods and area, grouped by its dimensions with every margin in one
 * pass (grouping sets), so that totals are distinct counts too — a victim in two rows is one in the total. Dates come
 * from {@link Period} and are written as literals; the area's code is the only parameter.
 */
final class ReportQuery {

    private final ReportRequest request;
    private final List<Dimension> rows;
    private final Dimension column;
    /** The row dimensions, then the column's: d0, d1, … in the SQL. */
    private final List<Dimension> all;
    private final String sql;
    private final List<String> parameters = new ArrayList<>();

    ReportQuery(ReportRequest request, LocalDate today) {
        this(request, today, true);
    }

    private ReportQuery(ReportRequest request, LocalDate today, boolean summaries) {
        this.request = request;
        this.rows = request.rows();
        this.column = request.column().orElse(null);
        List<Dimension> dimensions = new ArrayList<>(rows);
        request.column().ifPresent(dimensions::add);
        this.all = List.copyOf(dimensions);
        this.sql = build(today, summaries);
    }

    /** The same report computed from its facts alone, without the per-year summary: what that summary must equal. */
    static ReportQuery fromFacts(ReportRequest request, LocalDate today) {
        return new ReportQuery(request, today, false);
    }

    String sql() {
        return sql;
    }

    List<String> parameters() {
        return parameters;
    }

    /** Columns of each result row: bucket, the row dimensions, the column dimension, value, base. */
    int dimensionCount() {
        return rows.size() + (column == null ? 0 : 1);
    }

    private String build(LocalDate today, boolean summaries) {
        Figure figure = request.figure();
        List<Period> periods = request.periods();
        if (summaries && byVictimYears()) {
            return victimYears();
        }
        StringBuilder bucket = new StringBuilder("case");
        StringBuilder within = new StringBuilder("(");
        for (int i = 0; i < periods.size(); i++) {
            String range = "x.fact_on >= " + literal(periods.get(i).from()) + " and x.fact_on < " + literal(periods.get(i).until());
            bucket.append(" when ").append(range).append(" then ").append(i);
            within.append(i == 0 ? "" : " or ").append('(').append(range).append(')');
        }
        bucket.append(" end");
        within.append(')');

        String facts = figure.facts().replace(":today", literal(today));
        // only the columns the report reads: the facts may be materialised once for the per-victim step
        java.util.Set<String> columns = new java.util.LinkedHashSet<>(List.of("fact_on", "victim_key", "record_id"));
        if (!figure.unit().isCount()) {
            columns.add("measure_value");
        }
        for (Dimension d : all) {
            columns.addAll(d.columns());
        }
        if (figure.unit() == Figure.Unit.VICTIMS && all.stream().anyMatch(Dimension::victimLevel)) {
            columns.addAll(List.of("sex", "born_on", "citizenship"));
        }
        StringBuilder q = new StringBuilder("with f as (select ").append(bucket).append(" as bucket");
        columns.forEach(c -> q.append(", x.").append(c));
        q.append(" from (").append(facts).append(") x where ").append(within);
        switch (request.area().level()) {
            case NATIONAL -> { }
            case REGION -> {
                q.append(" and x.region_code = ?");
                parameters.add(request.area().code());
            }
            case ORGANISATION -> {
                q.append(" and (x.organisation_code = ? or x.case_organisation_code = ?)");
                parameters.add(request.area().code());
                parameters.add(request.area().code());
            }
        }
        q.append(')');

        boolean perVictim = figure.unit() == Figure.Unit.VICTIMS && !figure.oneFactPerVictim()
                && all.stream().anyMatch(Dimension::victimLevel);
        String source;
        if (perVictim && all.stream().noneMatch(Dimension::array)) {
            // one row per victim and cell of her records first, then her attributes over all her rows by a window:
            // the same answer as joining her first record back to every delivery, with far fewer rows to sort
            List<String> recordColumns = new ArrayList<>();
            all.stream().filter(d -> !d.victimLevel()).forEach(d -> recordColumns.addAll(d.columns()));
            String keep = recordColumns.stream().distinct().map(c -> ", " + c).reduce("", String::concat);
            q.append(", g0 as (select bucket, victim_key").append(keep)
                    .append(", min(fact_on) as r_first, min(sex) as r_sex, min(born_on) as r_born, min(citizenship) as r_cit")
                    .append(" from f group by bucket, victim_key").append(keep).append(')');
            q.append(", g1 as (select bucket, victim_key").append(keep)
                    .append(", min(r_first) over w as first_on, min(r_sex) over w as sex, min(r_born) over w as born_on,"
                            + " min(r_cit) over w as citizenship, row_number() over w = 1 as once"
                            + " from g0 window w as (partition by bucket, victim_key))");
            List<String> expressions = new ArrayList<>();
            for (Dimension d : all) {
                expressions.add(d.expression("g1", "g1.first_on"));
            }
            int record = firstRecordDimension(all);
            if (record >= 0 && column != null && !column.victimLevel() && rows.stream().anyMatch(d -> !d.victimLevel())) {
                // a margin keeps some record dimensions but not others: only a distinct count of her is right
                q.append(", g as (select bucket, victim_key as k");
                for (int i = 0; i < all.size(); i++) {
                    q.append(", ").append(expressions.get(i)).append(" as d").append(i);
                }
                q.append(" from g1) select g.bucket");
                for (int i = 0; i < all.size(); i++) {
                    q.append(", g.d").append(i);
                }
                q.append(", count(distinct g.k) as value, null as base from g group by ");
                source = "g";
            } else {
                source = cellsThenMargins(q, "g1.bucket", expressions, " from g1", "g1.once", record);
            }
        } else {
            source = joined(figure, perVictim, q);
        }
        String bucketColumn = source + ".bucket";
        appendGroupingSets(q, bucketColumn, all.isEmpty());
        return q.toString();
    }

    /** The first dimension that describes a record rather than the victim, or -1. */
    private static int firstRecordDimension(List<Dimension> all) {
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).victimLevel()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Counts per finest cell first, one hash aggregation over the facts, then every margin as a sum of those cells:
     * the grouping sets then group a few hundred rows instead of the facts four times over. Exact where each fact
     * falls in one cell. For victims ({@code once} not null) a fact row is one victim per bucket and values of the
     * record dimensions (her attributes carried on each): a cell grouped by every record dimension counts rows, and a
     * cell grouped by none counts her one marked row ({@code once}), so that she is one victim in a margin however
     * many of her rows it spans; {@code record} is a record dimension's index, or -1 when there is none.
     */
    private String cellsThenMargins(StringBuilder q, String bucket, List<String> expressions, String from, String once, int record) {
        q.append(", c as (select ").append(bucket).append(" as bucket");
        for (int i = 0; i < expressions.size(); i++) {
            q.append(", ").append(expressions.get(i)).append(" as d").append(i);
        }
        q.append(", count(*) as n");
        if (once != null) {
            q.append(", count(*) filter (where ").append(once).append(") as n_once");
        }
        q.append(from).append(" group by 1");
        for (int i = 0; i < expressions.size(); i++) {
            q.append(", ").append(i + 2);
        }
        q.append(") select c.bucket");
        for (int i = 0; i < expressions.size(); i++) {
            q.append(", c.d").append(i);
        }
        String value = once == null ? "sum(c.n)" : record < 0 ? "sum(c.n_once)"
                : "case when grouping(c.d" + record + ") = 0 then sum(c.n) else sum(c.n_once) end";
        q.append(", (").append(value).append(")::bigint as value, null as base from c group by ");
        return "c";
    }

    /** The victim-level dimensions and the region the yearly summary {@code stat_victim_year} carries. */
    private static final java.util.Set<Dimension> VICTIM_YEAR_DIMENSIONS =
            java.util.EnumSet.of(Dimension.REGION, Dimension.SEX, Dimension.AGE_GROUP, Dimension.CITIZENSHIP);

    /**
     * Victims assisted over whole calendar years, nationally, by region and her own attributes: the summary holds her
     * once per year and region with her attributes of that year already taken, so the report groups those rows
     * directly; the same answer as the general form (StatisticsIT compares them). A regional report takes her age at
     * her first delivery in the region, and reads few enough deliveries to compute it from them.
     */
    private boolean byVictimYears() {
        return request.figure() == Figure.VICTIMS_ASSISTED
                && request.periods().stream().allMatch(p -> p.kind() == Period.Kind.YEAR)
                && VICTIM_YEAR_DIMENSIONS.containsAll(all)
                && request.area().level() == Area.Level.NATIONAL;
    }

    private String victimYears() {
        List<Period> periods = request.periods();
        StringBuilder bucket = new StringBuilder("case");
        List<String> years = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            bucket.append(" when x.year = ").append(periods.get(i).year()).append(" then ").append(i);
            years.add(String.valueOf(periods.get(i).year()));
        }
        bucket.append(" end");
        List<String> expressions = new ArrayList<>();
        for (Dimension d : all) {
            expressions.add(d.expression("x", "x.first_on"));
        }
        // a victim has one row per region she was served in: a cell with the region counts rows, any other cell
        // counts her one marked row
        StringBuilder q = new StringBuilder("with x as (select * from stat_victim_year s where s.year in (")
                .append(String.join(", ", years)).append("))");
        cellsThenMargins(q, bucket.toString(), expressions, " from x", "x.counted_once", all.indexOf(Dimension.REGION));
        appendGroupingSets(q, "c.bucket", all.isEmpty());
        return q.toString();
    }

    /** The general form: facts joined to each victim's attributes where needed, array dimensions unnested. */
    private String joined(Figure figure, boolean perVictim, StringBuilder q) {
        if (perVictim) {
            // the victim as she was when she first entered the figure in the period: one cell per victim, each of her
            // dimensions computed once for her rather than for every record
            q.append(", v as materialized (select bucket, victim_key");
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).victimLevel()) {
                    q.append(", ").append(all.get(i).expression("a", "a.first_on")).append(" as v").append(i);
                }
            }
            q.append(" from (select bucket, victim_key, min(fact_on) as first_on, min(sex) as sex, min(born_on) as born_on,"
                    + " min(citizenship) as citizenship from f group by bucket, victim_key) a)");
        }

        List<String> expressions = new ArrayList<>();
        StringBuilder from = new StringBuilder(" from f");
        if (perVictim) {
            from.append(" join v on v.bucket = f.bucket and v.victim_key = f.victim_key");
        }
        for (int i = 0; i < all.size(); i++) {
            Dimension d = all.get(i);
            if (d.array()) {
                String array = d.arrayColumn("f");
                from.append(" cross join lateral unnest(case when cardinality(").append(array).append(") = 0 then array['")
                        .append(Dimension.NONE).append("'] else ").append(array).append(" end) as u").append(i).append("(val)");
                expressions.add("u" + i + ".val");
            } else if (d.victimLevel() && perVictim) {
                expressions.add("v.v" + i);
            } else {
                expressions.add(d.expression("f", "f.fact_on"));
            }
        }

        // each fact is one record: without an array dimension a record falls in one cell, and a plain count is exact;
        // otherwise each counted key is kept once per cell first, so that the margins' distinct counts sort fewer rows
        boolean plainCount = (figure.unit() == Figure.Unit.RECORDS || figure.oneFactPerVictim())
                && all.stream().noneMatch(Dimension::array);
        boolean distinctCells = figure.unit().isCount() && !expressions.isEmpty() && !plainCount;
        String source = "f";
        if (distinctCells) {
            q.append(", g as (select distinct f.bucket, f.").append(figure.unit() == Figure.Unit.VICTIMS ? "victim_key" : "record_id")
                    .append(" as k");
            for (int i = 0; i < expressions.size(); i++) {
                q.append(", ").append(expressions.get(i)).append(" as d").append(i);
            }
            q.append(from).append(')');
            source = "g";
            q.append(" select g.bucket");
            for (int i = 0; i < expressions.size(); i++) {
                q.append(", g.d").append(i);
            }
            q.append(", count(distinct g.k) as value, null as base from g group by ");
        } else if (plainCount) {
            source = cellsThenMargins(q, "f.bucket", expressions, from.toString(), null, -1);
        } else {
            q.append(" select f.bucket");
            for (int i = 0; i < expressions.size(); i++) {
                q.append(", ").append(expressions.get(i)).append(" as d").append(i);
            }
            q.append(", ").append(measure(figure.unit())).append(from).append(" group by ");
        }
        return source;
    }

    private void appendGroupingSets(StringBuilder q, String bucketColumn, boolean noDimensions) {
        if (noDimensions) {
            q.append(bucketColumn);
        } else {
            List<String> rowAliases = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                rowAliases.add("d" + i);
            }
            String r = String.join(", ", rowAliases);
            List<String> sets = new ArrayList<>();
            if (column == null) {
                sets.add("(" + bucketColumn + ", " + r + ")");
            } else if (rows.isEmpty()) {
                sets.add("(" + bucketColumn + ", d0)");
            } else {
                sets.add("(" + bucketColumn + ", " + r + ", d" + rows.size() + ")");
                sets.add("(" + bucketColumn + ", " + r + ")");
                sets.add("(" + bucketColumn + ", d" + rows.size() + ")");
            }
            sets.add("(" + bucketColumn + ")");
            q.append("grouping sets (").append(String.join(", ", sets)).append(')');
        }
    }

    private static String measure(Figure.Unit unit) {
        return switch (unit) {
            // a count is its own base: counted once, not twice
            case VICTIMS -> "count(distinct f.victim_key) as value, null as base";
            case RECORDS -> "count(distinct f.record_id) as value, null as base";
            case PERCENT -> "avg(f.measure_value) as value, count(distinct f.record_id) as base";
            case MEDIAN_HOURS -> "percentile_cont(0.5) within group (order by f.measure_value) as value,"
                    + " count(distinct f.record_id) as base";
        };
    }

    private static String literal(LocalDate date) {
        return "date '" + date + "'";
    }

    @Override
    public String toString() {
        return sql + parameters.stream().collect(Collectors.joining(", ", " [", "]"));
    }
}
