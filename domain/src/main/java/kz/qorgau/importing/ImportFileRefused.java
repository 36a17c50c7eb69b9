package kz.qorgau.importing;

import kz.qorgau.shared.InvalidInputException;

/** The file cannot be read as the template at all (too large, not UTF-8, a missing column…); nothing was saved. */
public class ImportFileRefused extends InvalidInputException {

    private final transient RowProblem problem;

    public ImportFileRefused(RowProblem problem) {
        super(problem.key());
        this.problem = problem;
    }

    public RowProblem problem() {
        return problem;
    }
}
