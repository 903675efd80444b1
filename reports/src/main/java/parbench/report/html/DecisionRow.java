package parbench.report.html;

import parbench.report.analysis.DecisionTable;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the page's decision table as the template draws it: a workload line under one comparison, its cells
 * in the table's core-count order (null where nothing ran).
 *
 * @param first whether this is the line's first comparison (the template spans the line's label over both)
 */
public record DecisionRow(String label, String comparison, boolean first, List<DecisionTable.Cell> cells) {

    public static List<DecisionRow> of(DecisionTable table) {
        List<DecisionRow> rows = new ArrayList<>();
        for (DecisionTable.Line line : table.lines()) {
            boolean first = true;
            for (DecisionTable.Comparison comparison : DecisionTable.Comparison.values()) {
                List<DecisionTable.Cell> cells = new ArrayList<>();
                table.cores().forEach(c -> cells.add(line.cell(comparison, c)));
                rows.add(new DecisionRow(line.label(), comparison.title(), first, cells));
                first = false;
            }
        }
        return List.copyOf(rows);
    }
}
