package kz.qorgau.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.shared.persistence.ReadDatabase;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.reference.Region;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.LegalTerms;
import kz.qorgau.shared.Permission;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Figures for supervisors, analysts and every role's own work, computed by PostgreSQL from the statistics summary
 * (kept current in the same transaction as every write), under {@link StatisticsAccess}, with small cells
 * suppressed where the reader or the purpose requires it. Every report read or exported is audited: who, which
 * figure, area and period — never a figure.
 */
@ApplicationScoped
@Transactional
@Audited
public class StatisticsService {

    /**
     * The summary is maintained by triggers in the writing transaction, so that on the primary it is never behind;
     * read from a standby (QORGAU_DB_READ_URL) it is as current as the standby, see {@link Report#behind()}.
     */
    @Inject
    ReadDatabase database;

    @Inject
    AuditTrail audit;

    @Inject
    ReferenceData reference;

    @Inject
    Clock clock;

    public StatisticsAccess access(Caller caller) {
        return new StatisticsAccess(caller, code -> reference.organisation(code).flatMap(Organisation::regionCode));
    }

    /** The areas the caller may choose for a figure; empty when she may not see it. */
    public List<Area> areas(Caller caller, Figure figure) {
        return access(caller).areas(figure, reference.regions().stream().map(Region::code).toList());
    }

    /**
     * The period a reader starts with: this year to date — through the last complete month when her figures are
     * protected, as every published figure is.
     */
    public Period currentYearToDate(Caller caller) {
        return currentYearToDate(caller, false);
    }

    /** The same for a report to be published, which covers complete months whoever asks. */
    public Period currentYearToDate(Caller caller, boolean publication) {
        return Period.yearToDate(LocalDate.now(clock), publication || access(caller).protectedOnly());
    }

    public Report report(Caller caller, ReportRequest request) {
        Report report = compute(caller, request);
        audit.record(caller, AuditAction.READ, "STATISTICS", null, null, request.auditDetail());
        return report;
    }

    /** A report as it goes into a file: the same figures, audited as an export. */
    public Report export(Caller caller, ReportRequest request, String format) {
        Report report = compute(caller, request);
        String detail = format + " " + request.auditDetail();
        audit.record(caller, AuditAction.EXPORT, "STATISTICS", null, null, detail.length() <= 60 ? detail : detail.substring(0, 60));
        return report;
    }

    /** What a start page leads with: these figures this year to date against the same months of last year. */
    public static final List<Figure> KEY_FIGURES = List.of(Figure.VICTIMS_ASSISTED, Figure.NEW_CASES, Figure.ORDERS_ISSUED,
            Figure.TRAFFICKING_VICTIMS);

    /** The key figures of the caller's own area, this year against last; empty for a reader without them. */
    public List<Report> keyFigures(Caller caller) {
        StatisticsAccess access = access(caller);
        if (!access.keyFigures()) {
            return List.of();
        }
        List<Report> reports = new ArrayList<>();
        Period period = currentYearToDate(caller);
        for (Figure figure : KEY_FIGURES) {
            List<Area> areas = areas(caller, figure);
            if (!areas.isEmpty()) {
                reports.add(report(caller, new ReportRequest(figure, period, 2, areas.get(0), List.of(), Optional.empty(), false)));
            }
        }
        return reports;
    }

    /** Each social worker's load in the supervisor's region. */
    public List<Caseload> caseload(Caller caller) {
        if (!access(caller).caseload()) {
            throw new AccessDeniedException(Permission.STATISTICS_REGION);
        }
        LocalDate today = LocalDate.now(clock);
        LegalTerms terms = LegalTerms.on(today);
        Instant quietSince = today.minusDays(terms.inactivityDays()).atStartOfDay(Clocks.KAZAKHSTAN).toInstant();
        Instant sentBefore = today.minusDays(terms.referralAnswerDays()).atStartOfDay(Clocks.KAZAKHSTAN).toInstant();
        String sql = """
                select w.username,
                       count(*) filter (where c.status <> 'CLOSED'),
                       count(*) filter (where c.status <> 'CLOSED' and c.last_activity_at < ?),
                       count(*) filter (where c.status = 'CLOSURE_REQUESTED'),
                       coalesce(sum((select count(*) from service_referral r
                                     where r.case_file_id = c.id and r.status = 'SENT' and r.sent_at < ?)), 0)
                from case_file c
                cross join lateral (values (c.owner_username), (c.assigned_to)) as w(username)
                where c.region_code = ? and w.username is not null
                group by w.username
                order by 2 desc, 1""";
        audit.record(caller, AuditAction.READ, "STATISTICS", null, null, "CASELOAD R:" + caller.regionCode().orElseThrow());
        try {
            return database.read(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setTimestamp(1, Timestamp.from(quietSince));
                    s.setTimestamp(2, Timestamp.from(sentBefore));
                    s.setString(3, caller.regionCode().orElseThrow());
                    List<Caseload> load = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            load.add(new Caseload(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
                        }
                    }
                    return load;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("caseload query failed", e);
        }
    }

    private Report compute(Caller caller, ReportRequest asked) {
        ReportRequest request = normalised(asked);
        StatisticsAccess.Grant grant = access(caller).grant(request.figure(), request.area())
                .orElseThrow(() -> new AccessDeniedException(Permission.STATISTICS_NATIONAL));
        LocalDate today = LocalDate.now(clock);
        boolean protect = grant.protect() || request.publication();
        if (protect && request.period().until().isAfter(today.withDayOfMonth(1))) {
            // a published figure covers whole months only, whoever publishes it: two reports a day apart would
            // otherwise isolate that day
            throw new InvalidInputException("statistics.period.completeMonths");
        }
        if (request.area().level() == Area.Level.REGION && reference.region(request.area().code()).isEmpty()) {
            throw new InvalidInputException("statistics.area.invalid");
        }
        ReportQuery query = new ReportQuery(request, today);
        Instant now = Instant.now(clock);
        ReadDatabase.Reading<List<Object[]>> rows = run(query, now);
        return ReportAssembly.assemble(request, rows.value(), regionCodes(request), protect, now, rows.currentTo());
    }

    /** A column without rows is a breakdown by rows. */
    private static ReportRequest normalised(ReportRequest r) {
        if (r.rows().isEmpty() && r.column().isPresent()) {
            return new ReportRequest(r.figure(), r.period(), r.years(), r.area(), List.of(r.column().get()), Optional.empty(),
                    r.publication());
        }
        return r;
    }

    private List<String> regionCodes(ReportRequest request) {
        return request.area().level() == Area.Level.NATIONAL
                ? reference.regions().stream().map(Region::code).toList() : List.of();
    }

    private ReadDatabase.Reading<List<Object[]>> run(ReportQuery query, Instant now) {
        int width = 1 + query.dimensionCount() + 2;
        try {
            return database.read(now, c -> {
                try (PreparedStatement s = c.prepareStatement(query.sql())) {
                    for (int i = 0; i < query.parameters().size(); i++) {
                        s.setString(i + 1, query.parameters().get(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            Object[] row = new Object[width];
                            row[0] = r.getInt(1);
                            for (int i = 2; i <= width - 2; i++) {
                                row[i - 1] = r.getString(i);
                            }
                            BigDecimal value = r.getBigDecimal(width - 1);
                            row[width - 2] = value;
                            long base = r.getLong(width);
                            row[width - 1] = r.wasNull() && value != null ? value.longValue() : base;
                            rows.add(row);
                        }
                    }
                    return rows;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }
}
