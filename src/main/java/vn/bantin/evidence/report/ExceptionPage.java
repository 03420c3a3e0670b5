package vn.bantin.evidence.report;

import java.util.List;

/**
 * A page of a report's exceptions, endpoint by endpoint (as the report lists them) and by due time.
 *
 * @param more whether items follow this page
 */
public record ExceptionPage(Report.Scope scope, Report.Period period, long asOfMs, int offset,
                            List<ExceptionItem> items, boolean more) {
}
