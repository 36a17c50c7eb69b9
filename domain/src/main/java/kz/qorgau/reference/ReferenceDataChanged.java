package kz.qorgau.reference;

/**
 * Fired when the admin changed an organisation or a legal article, so that caches of choice lists are dropped once
 * the change is committed.
 */
public record ReferenceDataChanged(String recordType, String code) {
}
