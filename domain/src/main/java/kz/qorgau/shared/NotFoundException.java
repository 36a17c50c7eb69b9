package kz.qorgau.shared;

import java.util.List;

/** No such record, or none the caller may see: the two are not told apart, so nobody learns that a case exists. */
public class NotFoundException extends QorgauException {

    public NotFoundException() {
        super(List.of("case.notFound"));
    }
}
