package kz.qorgau.shared.persistence;

/** Fired once the schema is migrated and checked, for work that must wait for it. */
public record SchemaReady() {
}
