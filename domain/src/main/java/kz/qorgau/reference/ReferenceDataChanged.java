package kz.qorgau.reference;

/**
 * Fired when the admin changed an organisation or a legal article, so that this node's caches of choice lists are
 * dropped once the change is committed. Other nodes learn of it from the change counter ({@link ReferenceData#version()}).
 */
public record ReferenceDataChanged(String recordType, String code) {
}
