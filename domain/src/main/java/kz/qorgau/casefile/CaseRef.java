package kz.qorgau.casefile;

/**
 * How a request names a case: by its number (pages, API) or by its id (the case of an order, a decision, a referral).
 * Either way the access policy decides the same; this is only the condition on the case.
 */
record CaseRef(String condition, Object value) {

    static CaseRef number(String number) {
        return new CaseRef("c.number = :ref", number);
    }

    static CaseRef id(Long id) {
        return new CaseRef("c.id = :ref", id);
    }
}
